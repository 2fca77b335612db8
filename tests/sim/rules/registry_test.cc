// The registry: every traffic rule id of the table is described by exactly one class.
#include "sim/rules/registry.h"

#include <doctest/doctest.h>

#include <set>

#include "sim/rules/limit_rules.h"
#include "sim/rules/rule_ids.h"
#include "sim/simulator.h"

namespace smslint {
namespace {

TEST_CASE("registry: the classes describe each traffic rule id once") {
  std::multiset<std::string> described;
  for (const auto& rule : MakeTrafficRules()) {
    for (const RuleInfo& info : rule->Infos()) {
      described.insert(info.id);
      CHECK(!info.summary.empty());
      CHECK(!info.fire_examples.empty());
      CHECK(!info.pass_examples.empty());
      CHECK(info.origin == "builtin");
    }
  }
  CHECK(described.size() == std::size(rule_ids::kTrafficRules));
  for (std::string_view id : rule_ids::kTrafficRules) {
    CHECK_MESSAGE(described.count(std::string(id)) == 1, id);
  }
  RuleCatalog catalog;
  AddTrafficRules(catalog);
  CHECK(catalog.rules().size() == std::size(rule_ids::kTrafficRules));
}

TEST_CASE("registry: every limit-driven rule has traits") {
  for (std::string_view id : rule_ids::kLimitRules) {
    CHECK_MESSAGE(FindLimitRuleTraits(id) != nullptr, id);
  }
  CHECK(FindLimitRuleTraits(rule_ids::kQuietHours) == nullptr);
}

}  // namespace
}  // namespace smslint
