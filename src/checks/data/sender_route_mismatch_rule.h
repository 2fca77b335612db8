// data/sender-route-mismatch: a sender whose number type does not fit the campaign's route.
#ifndef SMSLINT_CHECKS_DATA_SENDER_ROUTE_MISMATCH_RULE_H_
#define SMSLINT_CHECKS_DATA_SENDER_ROUTE_MISMATCH_RULE_H_

#include "checks/data/data_rule.h"

namespace smslint {

class SenderRouteMismatchRule : public DataRule {
 public:
  const RuleInfo* Info() const override;
  void Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_SENDER_ROUTE_MISMATCH_RULE_H_
