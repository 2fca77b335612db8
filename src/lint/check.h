// ContentCheck: a rule that reads one message body. C++ checks and YAML rules both
// implement it; the pipeline maps their byte offsets to file positions.
#ifndef SMSLINT_LINT_CHECK_H_
#define SMSLINT_LINT_CHECK_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "campaign/campaign.h"
#include "diag/rule_info.h"

namespace smslint {

enum class BodyKind {
  kTemplate,           // a template body, placeholders unrendered
  kOptInConfirmation,  // campaign.opt_in.confirmation
  kText,               // `smslint text` input
};

// What a check may know about the message and its campaign. For `smslint text`
// the campaign-level fields come from flags and may be empty.
struct MessageContext {
  std::string_view body;
  BodyKind kind = BodyKind::kTemplate;
  std::string template_id;
  std::string brand;
  std::vector<std::string> brand_aliases;  // campaign.brand_aliases / --brand-alias
  std::optional<UseCase> use_case;
  std::string country;  // "US", "CA", "" when unknown
  std::optional<Route> route;
  std::string domain;                         // campaign.domain
  std::vector<std::string> senders;           // as written
  std::vector<std::string> recipient_fields;  // known placeholder fields (columns)
  bool fields_known = false;                  // false when no recipient source could be read
  // True when every recipient's message is rendered and measured later (`check`
  // with a recipient list): template-level estimates with fallbacks are skipped.
  bool rendered_per_recipient = false;
  const Campaign* campaign = nullptr;  // null for `smslint text`
};

// A finding inside the body: [begin, end) are byte offsets into MessageContext::body.
struct Finding {
  std::string rule;
  Level level = Level::kWarning;
  std::string message;
  size_t begin = 0;
  size_t end = 0;
  std::string suggestion;
};

// A rule's options as set in `.smslint.yaml`: (name, value as written), and where
// the setting is, "path:line:col", for errors about it.
struct CheckOptions {
  std::vector<std::pair<std::string, std::string>> values;
  std::string where;
};

// "where: error: rule ID has no option 'NAME'; did you mean 'X'?" (or the list of
// the rule's options): one wording for C++ checks and YAML rules.
absl::Status UnknownOptionError(std::string_view where, std::string_view rule_id,
                                std::string_view name, const std::vector<std::string_view>& known);

class ContentCheck {
 public:
  virtual ~ContentCheck() = default;
  virtual const RuleInfo& Info() const = 0;
  // Reads the options once, before any Run. An unknown name or a bad value is an
  // error "where: error: ..." (exit 2). The default accepts no option at all.
  virtual absl::Status Configure(const CheckOptions& options);
  virtual void Run(const MessageContext& context, std::vector<Finding>& findings) const = 0;
};

}  // namespace smslint

#endif  // SMSLINT_LINT_CHECK_H_
