// DataRule: a rule that judges the recipients as the reader left them (the table
// and its facts) and the campaign's numbers; one class per rule.
#ifndef SMSLINT_CHECKS_DATA_DATA_RULE_H_
#define SMSLINT_CHECKS_DATA_DATA_RULE_H_

#include <vector>

#include "absl/time/time.h"
#include "campaign/campaign.h"
#include "campaign/recipients.h"
#include "diag/diagnostic.h"
#include "diag/rule_info.h"

namespace smslint {

struct DataRuleInput {
  const Campaign& campaign;
  const RecipientTable& table;
  const RecipientFacts& facts;
  bool show_pii = false;  // numbers as written, not masked (--show-pii)
  // The current time, for rules about the schedule (data/start-in-past); the
  // infinite past when the caller has no clock (such rules then stay silent).
  absl::Time now = absl::InfinitePast();
};

class DataRule {
 public:
  virtual ~DataRule() = default;
  // The descriptor of the rule; null for the rules whose findings belong to the
  // schema/* family (campaign/schema_rules.h holds those descriptors).
  virtual const RuleInfo* Info() const = 0;
  virtual void Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const = 0;
};

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_DATA_RULE_H_
