// RuleCatalog: every rule smslint knows, schema to traffic, for `rules`, `explain`
// and the SARIF driver.
#ifndef SMSLINT_DIAG_RULE_CATALOG_H_
#define SMSLINT_DIAG_RULE_CATALOG_H_

#include <string_view>
#include <vector>

#include "diag/rule_info.h"

namespace smslint {

class RuleCatalog {
 public:
  // Adds or replaces (by id) a rule.
  void Add(RuleInfo info);
  const RuleInfo* Find(std::string_view id) const;
  // Sorted by id.
  const std::vector<RuleInfo>& rules() const { return rules_; }

 private:
  std::vector<RuleInfo> rules_;
};

// The closest known rule id to `id` within a small edit distance, or "".
std::string SuggestRule(const RuleCatalog& catalog, std::string_view id);

}  // namespace smslint

#endif  // SMSLINT_DIAG_RULE_CATALOG_H_
