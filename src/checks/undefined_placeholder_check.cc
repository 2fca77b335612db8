#include "checks/undefined_placeholder_check.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "text/template.h"
#include "util/strings.h"

namespace smslint {

const RuleInfo& UndefinedPlaceholderCheck::Info() const {
  static const RuleInfo* info = new RuleInfo{
      .id = "content/undefined-placeholder",
      .level = Level::kError,
      .summary = "A {{field}} placeholder that no recipient column provides",
      .why =
          "A placeholder without data is sent as written or as an empty gap "
          "(\"Hi , your order...\"), which reads as a broken, automated message and "
          "wastes the campaign's credibility.",
      .fix =
          "Add the column to the recipients file, fix the field name, or give the "
          "placeholder a fallback: {{first_name|there}}.",
      .source = "smslint",
      .fire_examples = {"Hi {{frist_name}}, your table is ready."},
      .pass_examples = {"Hi {{first_name}}, your table is ready.",
                        "Hi {{nickname|there}}, your table is ready."},
      .options = {},
      .origin = "builtin",
  };
  return *info;
}

void UndefinedPlaceholderCheck::Run(const MessageContext& context,
                                    std::vector<Finding>& findings) const {
  if (!context.fields_known || context.kind == BodyKind::kOptInConfirmation) return;
  ParsedTemplate parsed = ParseTemplate(context.body);
  std::vector<std::string_view> known(context.recipient_fields.begin(),
                                      context.recipient_fields.end());
  for (const Placeholder& p : parsed.placeholders) {
    if (std::find(known.begin(), known.end(), p.field) != known.end()) continue;
    // A fallback covers rows without the field, but not a field that never exists:
    // every recipient would get the fallback, which is almost always a typo.
    Finding f;
    f.rule = Info().id;
    f.level = Info().level;
    f.begin = p.begin;
    f.end = p.end;
    if (p.field.empty()) {
      f.message = "empty placeholder name";
    } else {
      f.message = absl::StrCat("placeholder {{", p.field, "}} has no recipient field");
      if (p.fallback) absl::StrAppend(&f.message, " (every recipient would get the fallback)");
      std::string guess = DidYouMean(p.field, known);
      if (!guess.empty()) f.suggestion = absl::StrCat("did you mean {{", guess, "}}?");
    }
    findings.push_back(std::move(f));
  }
}

}  // namespace smslint
