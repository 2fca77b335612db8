// Helpers for data rule tests: one rule run over a campaign's recipients.
#ifndef SMSLINT_TESTS_CHECKS_DATA_DATA_RULE_TEST_UTIL_H_
#define SMSLINT_TESTS_CHECKS_DATA_DATA_RULE_TEST_UTIL_H_

#include <string>
#include <vector>

#include "campaign/recipients_test_util.h"
#include "checks/data/data_rule.h"

namespace smslint::testing {

// The findings of rule `Rule` on the recipients of `c`, read in `mode`.
template <typename Rule>
std::vector<Diagnostic> RunRule(const Campaign& c, bool show_pii = false,
                                RecipientLoadMode mode = RecipientLoadMode::kFull) {
  absl::StatusOr<RecipientLoadResult> r = LoadRecipients(c, mode);
  if (!r.ok()) return {};
  std::vector<Diagnostic> out;
  Rule().Run(DataRuleInput{c, r->table, r->facts, show_pii}, out);
  return out;
}

// A campaign around a CSV with `csv` as its content.
inline Campaign CampaignWithCsv(const ScratchDir& dir, const std::string& csv,
                                const std::string& country = "US") {
  dir.Write("r.csv", csv);
  return CampaignWithFile(dir, "r.csv", country);
}

}  // namespace smslint::testing

#endif  // SMSLINT_TESTS_CHECKS_DATA_DATA_RULE_TEST_UTIL_H_
