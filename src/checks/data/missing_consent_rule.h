// data/missing-consent: recipients without an opt-in date, or no consent column.
#ifndef SMSLINT_CHECKS_DATA_MISSING_CONSENT_RULE_H_
#define SMSLINT_CHECKS_DATA_MISSING_CONSENT_RULE_H_

#include "checks/data/data_rule.h"

namespace smslint {

class MissingConsentRule : public DataRule {
 public:
  const RuleInfo* Info() const override;
  void Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_MISSING_CONSENT_RULE_H_
