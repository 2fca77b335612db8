// schema/missing-field and schema/invalid-value about the recipients CSV's header
// row: an empty file, a header that does not end or is not UTF-8, no phone column.
#ifndef SMSLINT_CHECKS_DATA_RECIPIENTS_HEADER_RULE_H_
#define SMSLINT_CHECKS_DATA_RECIPIENTS_HEADER_RULE_H_

#include "checks/data/data_rule.h"

namespace smslint {

class RecipientsHeaderRule : public DataRule {
 public:
  const RuleInfo* Info() const override;
  void Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const override;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_RECIPIENTS_HEADER_RULE_H_
