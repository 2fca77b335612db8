// LimitRules: the profile's limits as outcomes and as a filter signal.
#include "sim/rules/limit_rules.h"

#include <doctest/doctest.h>

#include "sim/rules/rule_ids.h"
#include "sim/rules/rule_test_util.h"
#include "sim/sim_test_util.h"

namespace smslint {
namespace {

using testing::LimitOf;
using testing::P2P;

const RuleOutcome& OutcomeOf(const std::vector<RuleOutcome>& outcomes, const Profile& p,
                             const std::string& limit_id) {
  for (const RuleOutcome& o : outcomes) {
    if (o.limit_index >= 0 && p.limits[o.limit_index].id == limit_id) return o;
  }
  throw std::runtime_error("no outcome for " + limit_id);
}

// A profile with a per-second limit and a campaign-scope carrier limit (the embedded
// profiles model those as the provider queue now; the class still judges any limit).
const Profile& TestProfile() {
  static const Profile profile = [] {
    absl::StatusOr<Profile> p = ParseProfile("test.yml", R"(name: test
summary: limits of every shape
limits:
  - {id: per-second, rule: traffic/throughput, level: error, counts: sends, scope: sender, window: 1s, value: 1, unit: msg/s, source: s, filter_weight: 1}
  - {id: per-day, rule: traffic/daily-volume, level: error, counts: sends, scope: sender, window: 1d, value: 1000, unit: msg/day, source: s, filter_weight: 1}
  - {id: fan-out, rule: traffic/fan-out, level: warning, counts: identical, scope: sender, window: 1d, value: 100, unit: recipients, source: s}
  - {id: att-per-minute, rule: traffic/throughput, level: error, counts: sends, scope: campaign, carrier: AT&T, window: 1min, value: 240, unit: SMS/min, source: s}
carriers:
  - {name: AT&T, share: 0.35, source: s}
filter: {half_life: 1h, block_threshold: 80, release_threshold: 30, copies_weight: 0, source: s}
)");
    if (!p.ok()) throw std::runtime_error(std::string(p.status().message()));
    return *p;
  }();
  return profile;
}

TEST_CASE("LimitRules: a number over its per-second limit signals the filter and is an outcome") {
  const Profile& p = TestProfile();
  const double per_second = LimitOf(p, "per-second").value;
  Campaign c = testing::MakeCampaign(Route::kP2P, 1, 2);
  testing::RuleFixture f(c, p);
  LimitRules rules;
  REQUIRE(rules.Setup(f.context, f.reasons));
  // One reason per limit, in profile order.
  REQUIRE(f.reasons.labels().size() == p.limits.size());
  CHECK(f.reasons.labels()[0].find(p.limits[0].rule) == 0);

  MessageVerdict verdict;
  const int burst = static_cast<int>(per_second) + 2;  // two over the limit, in one second
  int signalled = 0;
  for (int i = 0; i < burst; ++i) {
    verdict.Reset();
    testing::ObserveOne(rules, f.At(i * 1000), verdict);
    if (!verdict.filter_signal.empty()) ++signalled;
    CHECK(!verdict.filtered);  // counting rules do not filter; the filter model does
  }
  CHECK(signalled == 2);
  // The other number sends slowly: under every limit.
  verdict.Reset();
  testing::ObserveOne(rules, f.At(5'000'000, 1), verdict);
  CHECK(verdict.filter_signal.empty());

  std::vector<RuleOutcome> outcomes;
  rules.AddOutcomes(outcomes);
  REQUIRE(outcomes.size() == p.limits.size());
  outcomes.pop_back();  // the campaign-scope limit: its own test below
  const RuleOutcome& o = OutcomeOf(outcomes, p, "per-second");
  CHECK(o.rule == rule_ids::kThroughput);
  CHECK(o.crossed());
  CHECK(o.over == 2);
  CHECK(o.peak == burst);
  CHECK(o.limit == per_second);
  CHECK(o.level == Level::kError);
  CHECK(o.needs_capacity);
  CHECK(o.first_over_us == f.context.start_us + static_cast<int64_t>(per_second) * 1000);
  REQUIRE(o.first_over_by_sender.size() == 2);
  CHECK(o.first_over_by_sender[0] == o.first_over_us);
  CHECK(o.first_over_by_sender[1] == INT64_MAX);
  const RuleOutcome& day = OutcomeOf(outcomes, p, "per-day");
  CHECK(!day.crossed());
  CHECK(day.rule == rule_ids::kDailyVolume);
  const RuleOutcome& fan_out = OutcomeOf(outcomes, p, "fan-out");
  CHECK(!fan_out.needs_capacity);  // more days do not make a broadcast personal

  std::vector<Diagnostic> findings;
  std::vector<RuleOutcome> judged;
  ReportContext report;
  report.run = &f.context;
  report.outcomes = &outcomes;
  rules.Report(report, findings, judged);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == rule_ids::kThroughput);
  CHECK(findings[0].message.find("limit 'per-second'") != std::string::npos);
  CHECK(judged.empty());
}

TEST_CASE("LimitRules: a campaign-scope carrier cap counts the carrier's share, not per number") {
  const Profile& p = TestProfile();
  const Limit& cap = LimitOf(p, "att-per-minute");
  Campaign c = testing::MakeCampaign(Route::k10DLC, 1, 3);
  testing::RuleFixture f(c, p);
  LimitRules rules;
  REQUIRE(rules.Setup(f.context, f.reasons));
  const double share = p.CarrierShareOf(cap.carrier);
  // Enough messages in one minute, spread over three numbers, that the carrier's
  // share goes over the lowest tier.
  const int messages = static_cast<int>(cap.value / share) + 3;
  MessageVerdict verdict;
  for (int i = 0; i < messages; ++i) testing::ObserveOne(rules, f.At(i * 10'000, i % 3), verdict);
  std::vector<RuleOutcome> outcomes;
  rules.AddOutcomes(outcomes);
  const RuleOutcome& o = OutcomeOf(outcomes, p, "att-per-minute");
  CHECK(o.rule == rule_ids::kThroughput);
  CHECK(o.crossed());
  CHECK(o.first_over_by_sender.empty());  // the campaign's, not a number's
  CHECK(o.peak == doctest::Approx(messages * share));
}

}  // namespace
}  // namespace smslint
