// data/duplicate-recipient: a later row repeats an earlier recipient's number.
#ifndef SMSLINT_CHECKS_DATA_DUPLICATE_RECIPIENT_RULE_H_
#define SMSLINT_CHECKS_DATA_DUPLICATE_RECIPIENT_RULE_H_

#include "checks/data/data_rule.h"

namespace smslint {

class DuplicateRecipientRule : public DataRule {
 public:
  const RuleInfo* Info() const override;
  void Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_DUPLICATE_RECIPIENT_RULE_H_
