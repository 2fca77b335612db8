// data/malformed-row: recipients CSV rows the reader had to skip.
#ifndef SMSLINT_CHECKS_DATA_MALFORMED_ROW_RULE_H_
#define SMSLINT_CHECKS_DATA_MALFORMED_ROW_RULE_H_

#include "checks/data/data_rule.h"

namespace smslint {

class MalformedRowRule : public DataRule {
 public:
  const RuleInfo* Info() const override;
  void Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_MALFORMED_ROW_RULE_H_
