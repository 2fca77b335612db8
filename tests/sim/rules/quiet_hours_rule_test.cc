// QuietHoursRule: per-message verdicts and the exemption read from quiet_hours.yml.
#include "sim/rules/quiet_hours_rule.h"

#include <doctest/doctest.h>

#include "sim/rules/rule_ids.h"
#include "sim/rules/rule_test_util.h"
#include "sim/sim_test_util.h"

namespace smslint {
namespace {

using testing::P2P;

TEST_CASE("RecipientZoneClocks: one clock per table zone, the schedule's for the rest") {
  RecipientTable table = testing::MakeRecipients(1, {"America/Chicago", "Not/AZone"});
  absl::TimeZone new_york;
  REQUIRE(absl::LoadTimeZone("America/New_York", &new_york));
  std::vector<LocalClock> clocks = RecipientZoneClocks(&table, new_york);
  REQUIRE(clocks.size() == 2);
  CHECK(clocks[0].zone().name() == "America/Chicago");
  CHECK(clocks[1].zone().name() == "America/New_York");
  CHECK(RecipientZoneClocks(nullptr, new_york).size() == 1);
}

TEST_CASE("QuietHoursRule: a message outside the federal window is marked, per sender") {
  const Profile& p = P2P();
  Campaign c = testing::MakeCampaign(Route::kP2P, 1, 2);
  testing::RuleFixture f(c, p);  // UTC, no table: the schedule's zone applies
  QuietHoursRule rule;
  REQUIRE(rule.Setup(f.context, f.reasons));
  // The fixture starts 10:00 UTC, inside the window; the federal end is later.
  const int64_t minute = 60'000'000;
  const int64_t to_end = (p.quiet_hours.federal.days[1].end - 10 * 60) * minute;
  MessageVerdict verdict;
  testing::ObserveOne(rule, f.At(to_end - minute, 0), verdict);
  CHECK(!verdict.quiet_hours);
  testing::ObserveOne(rule, f.At(to_end, 1), verdict);
  CHECK(verdict.quiet_hours);
  CHECK(verdict.filter_signal.empty());  // quiet hours do not feed the filter model
  std::vector<RuleOutcome> outcomes;
  rule.AddOutcomes(outcomes);
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].rule == rule_ids::kQuietHours);
  CHECK(outcomes[0].over == 1);
  CHECK(outcomes[0].first_over_by_sender[0] == INT64_MAX);
  CHECK(outcomes[0].first_over_by_sender[1] == f.context.start_us + to_end);
}

TEST_CASE("QuietHoursRule: the use cases quiet_hours.yml exempts are not observed") {
  const Profile& p = P2P();
  REQUIRE(!p.quiet_hours.exempt_use_cases.empty());
  Campaign c = testing::MakeCampaign(Route::kP2P, 1);
  c.campaign.use_case = testing::At(p.quiet_hours.exempt_use_cases.front(), 3);
  testing::RuleFixture f(c, p);
  QuietHoursRule rule;
  CHECK(!rule.Setup(f.context, f.reasons));
  std::vector<Diagnostic> findings;
  std::vector<RuleOutcome> outcomes, judged;
  rule.AddOutcomes(outcomes);
  CHECK(!outcomes[0].crossed());
  ReportContext report;
  report.run = &f.context;
  report.outcomes = &outcomes;
  rule.Report(report, findings, judged);
  CHECK(findings.empty());
}

TEST_CASE("QuietHoursRule: the descriptor's fix names the recommended window from the data") {
  QuietHoursRule rule;
  std::vector<RuleInfo> infos = rule.Infos();
  REQUIRE(infos.size() == 1);
  CHECK(infos[0].id == rule_ids::kQuietHours);
  CHECK(infos[0].fix.find("\"" + P2P().quiet_hours.recommended_window + "\"") != std::string::npos);
}

}  // namespace
}  // namespace smslint
