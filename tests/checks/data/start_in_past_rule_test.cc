#include "checks/data/start_in_past_rule.h"

#include "absl/time/civil_time.h"
#include "checks/data/data_rule_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

std::vector<Diagnostic> Run(const Campaign& c, absl::Time now) {
  RecipientTable table;
  RecipientFacts facts;
  std::vector<Diagnostic> out;
  StartInPastRule().Run(DataRuleInput{c, table, facts, false, now}, out);
  return out;
}

Campaign Starting(absl::CivilMinute start, const std::string& zone) {
  Campaign c;
  c.path = "campaign.yaml";
  c.schedule.start = {start, {20, 10}, true};
  c.schedule.timezone = {zone, {21, 13}, true};
  return c;
}

TEST_CASE("data/start-in-past: a start before now, in the schedule's zone") {
  const absl::Time now =
      absl::FromCivil(absl::CivilSecond(2026, 12, 1, 15, 30, 0), absl::UTCTimeZone());
  // 10:00 in New York is 15:00 UTC: half an hour ago.
  std::vector<Diagnostic> d =
      Run(Starting(absl::CivilMinute(2026, 12, 1, 10, 0), "America/New_York"), now);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "data/start-in-past");
  CHECK(d[0].level == Level::kWarning);
  CHECK(d[0].span.line == 20);
  CHECK(d[0].span.column == 10);
  CHECK(d[0].message.rfind(
            "schedule.start 2026-12-01 10:00 EST is in the past (now 2026-12-01 10:30 EST)", 0) ==
        0);
  // 10:00 in Los Angeles is 18:00 UTC: still ahead.
  CHECK(Run(Starting(absl::CivilMinute(2026, 12, 1, 10, 0), "America/Los_Angeles"), now).empty());
}

TEST_CASE("data/start-in-past: silent without a clock or a start") {
  Campaign c = Starting(absl::CivilMinute(2020, 1, 1, 10, 0), "UTC");
  CHECK(Run(c, absl::InfinitePast()).empty());
  c.schedule.start.present = false;
  CHECK(Run(c, absl::Now()).empty());
}

}  // namespace
}  // namespace smslint
