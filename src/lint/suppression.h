// Suppression comments in a campaign file:
//
//   body: "..."  # smslint: disable=content/spam-phrase -- reason
//       suppresses the rules on that line;
//   # smslint: disable=content/shaft,content/excessive-caps -- reason
//   - id: promo
//       on its own line directly above a template item, suppresses the rules for
//       the whole template (every finding with its template_id or inside its lines);
//       on its own line above anything else, suppresses the rules on the next line
//       that is not a comment.
// Rule ids may be globs (content/*). A suppression that suppresses nothing is
// reported as lint/unused-suppression.
#ifndef SMSLINT_LINT_SUPPRESSION_H_
#define SMSLINT_LINT_SUPPRESSION_H_

#include <string>
#include <string_view>
#include <vector>

#include "campaign/campaign.h"
#include "diag/diagnostic.h"
#include "diag/rule_info.h"

namespace smslint {

struct Suppression {
  int line = 0;    // line of the comment
  int column = 0;  // column of the first rule id
  std::vector<std::string> rules;
  std::vector<int> rule_columns;  // column of each rule id
  std::string reason;             // text after "--", may be empty
  bool own_line = false;
};

// The suppression comments of a YAML file (comments inside quoted strings are not).
std::vector<Suppression> FindSuppressions(std::string_view source);

// The suppressions of one campaign file, applied to findings as they are produced
// (content before the simulation, traffic after it); Unused() at the end reports
// the rule ids no finding matched.
class SuppressionFilter {
 public:
  // What one suppression covers: lines [first_line, last_line], and a template's id.
  struct Scope {
    int first_line = 0;
    int last_line = 0;
    std::string template_id;
  };

  explicit SuppressionFilter(const Campaign& campaign);

  // Removes the suppressed diagnostics, remembering which suppressions were used.
  void Apply(std::vector<Diagnostic>& diagnostics);

  // lint/unused-suppression (warning) for each rule id in a comment that suppressed
  // nothing so far; with `rules_run`, only for rules that ran (e.g. not traffic/*
  // under `lint`, which does not simulate).
  std::vector<Diagnostic> Unused(const std::vector<std::string>* rules_run) const;

 private:
  std::string file_;
  std::vector<Suppression> suppressions_;
  std::vector<Scope> scopes_;
  std::vector<std::vector<bool>> used_;
};

// Removes suppressed diagnostics and adds lint/unused-suppression (warning) for each
// rule id in a comment that suppressed nothing.
void ApplySuppressions(const Campaign& campaign, std::vector<Diagnostic>& diagnostics);

// The same, but a suppression of a rule that did not run (e.g. traffic/* under
// `lint`, which does not simulate) is not reported as unused. `rules_run` holds ids.
void ApplySuppressions(const Campaign& campaign, const std::vector<std::string>& rules_run,
                       std::vector<Diagnostic>& diagnostics);

const RuleInfo& UnusedSuppressionRuleInfo();

}  // namespace smslint

#endif  // SMSLINT_LINT_SUPPRESSION_H_
