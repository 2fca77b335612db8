// data/start-in-past: a schedule that starts before now.
#ifndef SMSLINT_CHECKS_DATA_START_IN_PAST_RULE_H_
#define SMSLINT_CHECKS_DATA_START_IN_PAST_RULE_H_

#include "checks/data/data_rule.h"

namespace smslint {

class StartInPastRule : public DataRule {
 public:
  const RuleInfo* Info() const override;
  void Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_START_IN_PAST_RULE_H_
