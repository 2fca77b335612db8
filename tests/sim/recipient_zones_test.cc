#include "sim/recipient_zones.h"

#include "campaign/recipients_test_util.h"
#include "campaign/time_zones.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

TEST_CASE("recipient zones: the quiet-hours zone is the farthest from the schedule's") {
  absl::TimeZone new_york;
  REQUIRE(absl::LoadTimeZone("America/New_York", &new_york));
  absl::Time at = absl::FromCivil(absl::CivilMinute(2026, 12, 1, 9, 0), new_york);
  CHECK(QuietHoursZone({"America/Boise", "America/Los_Angeles"}, new_york, at) ==
        "America/Los_Angeles");
  CHECK(QuietHoursZone({"America/New_York", "America/Chicago"}, new_york, at) == "America/Chicago");
  absl::TimeZone la;
  REQUIRE(absl::LoadTimeZone("America/Los_Angeles", &la));
  CHECK(QuietHoursZone({"America/New_York", "America/Chicago"}, la, at) == "America/New_York");
  CHECK(QuietHoursZone({"Etc/Unknown", "Not/AZone"}, la, at).empty());
}

TEST_CASE("recipient zones: each zone set resolved once, zones in order of first use") {
  testing::ScratchDir dir;
  dir.Write("r.csv",
            "phone,timezone\n"
            "+12125550142,America/Chicago\n"  // column wins
            "+12125550143,Mars/Base\n"        // invalid column: from the number (New York)
            "+12082995555,\n"                 // Boise or Los Angeles: Los Angeles from New York
            "+13125550100,\n"                 // Chicago from the number: Chicago's slot again
            "+17075550100,America/Los_Angeles\n");
  Campaign c = testing::CampaignWithFile(dir, "r.csv");
  c.schedule.timezone = {"America/New_York", {20, 13}, true};
  RecipientLoadResult r = testing::LoadOk(c);
  REQUIRE(r.table.size() == 5);
  absl::TimeZone schedule = ScheduleTimeZone(c);
  absl::Time at = absl::FromCivil(absl::CivilMinute(2026, 12, 1, 9, 0), schedule);
  RecipientZones zones = ResolveRecipientZones(&r.table, schedule, at);
  REQUIRE(zones.zones.size() == 3);
  CHECK(zones.zones[0].name() == "America/New_York");  // the schedule's zone comes first
  CHECK(zones.zones[1].name() == "America/Chicago");
  CHECK(zones.zones[2].name() == "America/Los_Angeles");
  CHECK(zones.ZoneOfRow(r.table, 0) == 1);
  CHECK(zones.ZoneOfRow(r.table, 1) == 0);
  CHECK(zones.ZoneOfRow(r.table, 2) == 2);
  CHECK(zones.ZoneOfRow(r.table, 3) == 1);
  CHECK(zones.ZoneOfRow(r.table, 4) == 2);
}

TEST_CASE("recipient zones: no zone, or no table, is the schedule's zone") {
  absl::TimeZone utc = absl::UTCTimeZone();
  RecipientZones none = ResolveRecipientZones(nullptr, utc, absl::UnixEpoch());
  REQUIRE(none.zones.size() == 1);
  CHECK(none.zones[0].name() == "UTC");
  RecipientTable table;
  table.zone_sets = {{}, {"Not/AZone"}};
  table.zone_set = {0, 1};
  RecipientZones unknown = ResolveRecipientZones(&table, utc, absl::UnixEpoch());
  CHECK(unknown.zones.size() == 1);
  CHECK(unknown.ZoneOfRow(table, 0) == 0);
  CHECK(unknown.ZoneOfRow(table, 1) == 0);
}

}  // namespace
}  // namespace smslint
