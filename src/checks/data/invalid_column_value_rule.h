// schema/invalid-value for recipients CSV values: a `timezone` that is not an IANA
// zone, a `state` that is not a US state or Canadian province code.
#ifndef SMSLINT_CHECKS_DATA_INVALID_COLUMN_VALUE_RULE_H_
#define SMSLINT_CHECKS_DATA_INVALID_COLUMN_VALUE_RULE_H_

#include "checks/data/data_rule.h"

namespace smslint {

class InvalidColumnValueRule : public DataRule {
 public:
  const RuleInfo* Info() const override;
  void Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_INVALID_COLUMN_VALUE_RULE_H_
