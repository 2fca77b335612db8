// QuietHoursRule: per-message verdicts and the exemption read from quiet_hours.yml.
#include "sim/rules/quiet_hours_rule.h"

#include <doctest/doctest.h>

#include "sim/rules/rule_ids.h"
#include "sim/rules/rule_test_util.h"
#include "sim/sim_test_util.h"

namespace smslint {
namespace {

using testing::P2P;

TEST_CASE("QuietHoursRule: a row's clock is the zone the simulator resolved for its zone set") {
  const Profile& p = P2P();
  Campaign c = testing::MakeCampaign(Route::kP2P, 1, 2);
  RecipientTable table = testing::MakeRecipients(2, {"America/Chicago", "America/Los_Angeles"});
  table.zone_set[1] = 1;
  testing::RuleFixture f(c, p);  // the schedule: UTC
  f.context.recipients = &table;
  f.context.recipient_zones = ResolveRecipientZones(&table, f.context.zone, f.plan.start);
  QuietHoursRule rule;
  REQUIRE(rule.Setup(f.context, f.reasons));
  // 15:30 UTC: 09:30 in Chicago (inside 08:00-21:00), 07:30 in Los Angeles (before it).
  const int64_t minute = 60'000'000;
  const int64_t at = (15 * 60 + 30 - 10 * 60) * minute;  // the fixture starts 10:00 UTC
  MessageVerdict chicago, los_angeles;
  Send send = f.At(at, 0);
  send.row = 0;
  testing::ObserveOne(rule, send, chicago);
  send.row = 1;
  testing::ObserveOne(rule, send, los_angeles);
  CHECK(!chicago.quiet_hours);
  CHECK(los_angeles.quiet_hours);
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
