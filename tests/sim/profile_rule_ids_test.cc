// Every rule id a profile names is a rule smslint knows: limits feed traffic rules,
// content weights name content rules of the embedded pack or the C++ checks.
#include <doctest/doctest.h>

#include "lint/engine.h"
#include "pipeline/session.h"
#include "sim/profile.h"
#include "sim/rules/rule_ids.h"
#include "sim_test_util.h"

namespace smslint {
namespace {

TEST_CASE("profiles: every rule id a profile names is in the rule catalogue") {
  absl::StatusOr<std::vector<YamlRule>> pack = LoadRulePacks({});
  REQUIRE_MESSAGE(pack.ok(), pack.status().message());
  const RuleCatalog built = BuildRuleCatalog(*pack);
  const RuleCatalog* catalog = &built;
  for (const std::string& name : ProfileNames()) {
    const Profile p = testing::MustLoad(name);
    for (const Limit& limit : p.limits) {
      CHECK_MESSAGE(catalog->Find(limit.rule) != nullptr, name, ": limit '", limit.id,
                    "' feeds unknown rule ", limit.rule);
      CHECK_MESSAGE(rule_ids::IsLimitRule(limit.rule), name, ": ", limit.rule);
    }
    for (const auto& [rule, weight] : p.filter.content_weights) {
      const RuleInfo* info = catalog->Find(rule);
      CHECK_MESSAGE(info != nullptr, name, ": content weight for unknown rule ", rule);
      CHECK_MESSAGE(rule.rfind("content/", 0) == 0, name, ": ", rule);
    }
  }
}

TEST_CASE("profiles: every traffic rule id in the table is described, and only those") {
  absl::StatusOr<std::vector<YamlRule>> pack = LoadRulePacks({});
  REQUIRE(pack.ok());
  const RuleCatalog built = BuildRuleCatalog(*pack);
  const RuleCatalog* catalog = &built;
  for (std::string_view id : rule_ids::kTrafficRules) {
    CHECK_MESSAGE(catalog->Find(id) != nullptr, id);
  }
  for (const RuleInfo& info : catalog->rules()) {
    if (info.id.rfind("traffic/", 0) != 0) continue;
    CHECK_MESSAGE(
        rule_ids::TrafficRuleRank(info.id) < static_cast<int>(std::size(rule_ids::kTrafficRules)),
        info.id);
  }
}

TEST_CASE("profiles: a limit naming an unknown rule is rejected with a suggestion") {
  const std::string text = R"(name: x
summary: test
limits:
  - {id: a, rule: traffic/througput, level: error, counts: sends, scope: sender, window: 1s, value: 1, unit: u, source: s}
filter: {half_life: 1h, block_threshold: 1, release_threshold: 0, copies_weight: 0, source: s}
)";
  absl::StatusOr<Profile> p = ParseProfile("x.yml", text);
  REQUIRE(!p.ok());
  CHECK(std::string(p.status().message()).find("x.yml:4:") == 0);
  CHECK(std::string(p.status().message()).find("did you mean 'traffic/throughput'") !=
        std::string::npos);
  // A traffic rule no limit drives is not a limit's rule either.
  std::string quiet = text;
  quiet.replace(quiet.find("traffic/througput"), 17, "traffic/quiet-hours");
  CHECK(!ParseProfile("x.yml", quiet).ok());
}

TEST_CASE("profiles: content weights name content rules") {
  const std::string text = R"(name: x
summary: test
limits:
  - {id: a, rule: traffic/throughput, level: error, counts: sends, scope: sender, window: 1s, value: 1, unit: u, source: s}
filter:
  half_life: 1h
  block_threshold: 1
  release_threshold: 0
  copies_weight: 0
  content_weights: {traffic/throughput: 1}
  source: s
)";
  absl::StatusOr<Profile> p = ParseProfile("x.yml", text);
  REQUIRE(!p.ok());
  CHECK(std::string(p.status().message()).find("x.yml:10:") == 0);
}

}  // namespace
}  // namespace smslint
