// data/invalid-number: a recipient or sender number libphonenumber rejects.
#ifndef SMSLINT_CHECKS_DATA_INVALID_NUMBER_RULE_H_
#define SMSLINT_CHECKS_DATA_INVALID_NUMBER_RULE_H_

#include "checks/data/data_rule.h"

namespace smslint {

class InvalidNumberRule : public DataRule {
 public:
  const RuleInfo* Info() const override;
  void Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_INVALID_NUMBER_RULE_H_
