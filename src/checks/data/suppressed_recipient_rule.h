// data/suppressed-recipient: recipients on the suppression (opt-out) list.
#ifndef SMSLINT_CHECKS_DATA_SUPPRESSED_RECIPIENT_RULE_H_
#define SMSLINT_CHECKS_DATA_SUPPRESSED_RECIPIENT_RULE_H_

#include "checks/data/data_rule.h"

namespace smslint {

class SuppressedRecipientRule : public DataRule {
 public:
  const RuleInfo* Info() const override;
  void Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_SUPPRESSED_RECIPIENT_RULE_H_
