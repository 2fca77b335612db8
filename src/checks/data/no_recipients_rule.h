// data/no-recipients: a campaign with nobody to send to.
#ifndef SMSLINT_CHECKS_DATA_NO_RECIPIENTS_RULE_H_
#define SMSLINT_CHECKS_DATA_NO_RECIPIENTS_RULE_H_

#include "checks/data/data_rule.h"

namespace smslint {

class NoRecipientsRule : public DataRule {
 public:
  const RuleInfo* Info() const override;
  void Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_NO_RECIPIENTS_RULE_H_
