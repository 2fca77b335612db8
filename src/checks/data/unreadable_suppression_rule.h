// data/unreadable-suppression: suppression (opt-out) entries, or a whole file,
// that could not be read: the people on them are not suppressed.
#ifndef SMSLINT_CHECKS_DATA_UNREADABLE_SUPPRESSION_RULE_H_
#define SMSLINT_CHECKS_DATA_UNREADABLE_SUPPRESSION_RULE_H_

#include "checks/data/data_rule.h"

namespace smslint {

class UnreadableSuppressionRule : public DataRule {
 public:
  const RuleInfo* Info() const override;
  void Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_UNREADABLE_SUPPRESSION_RULE_H_
