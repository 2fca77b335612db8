#include "diag/rule_catalog.h"

#include <algorithm>

#include "util/strings.h"

namespace smslint {

void RuleCatalog::Add(RuleInfo info) {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), info.id,
                             [](const RuleInfo& r, const std::string& id) { return r.id < id; });
  if (it != rules_.end() && it->id == info.id) {
    *it = std::move(info);
  } else {
    rules_.insert(it, std::move(info));
  }
}

const RuleInfo* RuleCatalog::Find(std::string_view id) const {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), id,
                             [](const RuleInfo& r, std::string_view key) { return r.id < key; });
  return it != rules_.end() && it->id == id ? &*it : nullptr;
}

std::string SuggestRule(const RuleCatalog& catalog, std::string_view id) {
  std::vector<std::string_view> ids;
  for (const RuleInfo& r : catalog.rules()) ids.push_back(r.id);
  return DidYouMean(id, ids);
}

}  // namespace smslint
