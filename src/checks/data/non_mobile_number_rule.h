// data/non-mobile-number: recipients whose number is sure not to be a mobile.
#ifndef SMSLINT_CHECKS_DATA_NON_MOBILE_NUMBER_RULE_H_
#define SMSLINT_CHECKS_DATA_NON_MOBILE_NUMBER_RULE_H_

#include "checks/data/data_rule.h"

namespace smslint {

class NonMobileNumberRule : public DataRule {
 public:
  const RuleInfo* Info() const override;
  void Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_NON_MOBILE_NUMBER_RULE_H_
