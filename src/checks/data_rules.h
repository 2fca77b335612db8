// The data rules: recipients and sender numbers (data/*, and the schema/* findings
// about the recipients CSV itself), one class per rule under checks/data/,
// registered in one explicit list (data_rules.cc).
#ifndef SMSLINT_CHECKS_DATA_RULES_H_
#define SMSLINT_CHECKS_DATA_RULES_H_

#include <memory>
#include <vector>

#include "absl/time/time.h"
#include "campaign/campaign.h"
#include "campaign/recipients.h"
#include "checks/data/data_rule.h"
#include "diag/diagnostic.h"

namespace smslint {

class RuleCatalog;

std::vector<std::unique_ptr<DataRule>> BuiltinDataRules();

// Every data rule over what LoadRecipients returned (in either mode: the rules
// that need rows skip a header-only read) and the campaign's sender numbers.
// Recipient numbers are masked (diag/pii.h) unless `show_pii`. `now` is the clock
// for data/start-in-past (the infinite past: no clock, the rule stays silent).
std::vector<Diagnostic> RunDataRules(const Campaign& campaign, const RecipientTable& table,
                                     const RecipientFacts& facts, bool show_pii,
                                     absl::Time now = absl::InfinitePast());

// RuleInfo of the data/* rules and content/empty-placeholder.
void AddDataRules(RuleCatalog& catalog);

}  // namespace smslint

#endif  // SMSLINT_CHECKS_DATA_RULES_H_
