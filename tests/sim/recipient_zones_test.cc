#include "sim/recipient_zones.h"

#include "campaign/recipients_test_util.h"
#include "campaign/time_zones.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

std::vector<std::string> PlaceNames(const RecipientZones& zones, size_t place) {
  std::vector<std::string> names;
  for (uint16_t z : zones.places[place]) names.push_back(zones.zones[z].name());
  return names;
}

TEST_CASE("recipient zones: every candidate is kept, zones and places in order of first use") {
  testing::ScratchDir dir;
  dir.Write("r.csv",
            "phone,timezone\n"
            "+12125550142,America/Chicago\n"  // column wins
            "+12125550143,Mars/Base\n"        // invalid column: from the number (New York)
            "+12082995555,\n"                 // Boise or Los Angeles: both kept
            "+13125550100,\n"                 // Chicago from the number: Chicago's place again
            "+17075550100,America/Los_Angeles\n");
  Campaign c = testing::CampaignWithFile(dir, "r.csv");
  c.schedule.timezone = {"America/New_York", {20, 13}, true};
  RecipientLoadResult r = testing::LoadOk(c);
  REQUIRE(r.table.size() == 5);
  absl::TimeZone schedule = ScheduleTimeZone(c);
  RecipientZones zones = ResolveRecipientZones(&r.table, schedule, absl::UnixEpoch());
  REQUIRE(zones.zones.size() == 4);
  CHECK(zones.zones[0].name() == "America/New_York");  // the schedule's zone comes first
  using Names = std::vector<std::string>;
  CHECK(PlaceNames(zones, zones.PlaceOfRow(r.table, 0)) == Names{"America/Chicago"});
  CHECK(PlaceNames(zones, zones.PlaceOfRow(r.table, 1)) == Names{"America/New_York"});
  CHECK(PlaceNames(zones, zones.PlaceOfRow(r.table, 2)) ==
        Names{"America/Boise", "America/Los_Angeles"});
  CHECK(zones.Uncertain(zones.PlaceOfRow(r.table, 2)));
  CHECK_FALSE(zones.Uncertain(zones.PlaceOfRow(r.table, 0)));
  CHECK(zones.PlaceOfRow(r.table, 3) == zones.PlaceOfRow(r.table, 0));
  CHECK(PlaceNames(zones, zones.PlaceOfRow(r.table, 4)) == Names{"America/Los_Angeles"});
}

TEST_CASE("recipient zones: no zone, or no table, is the schedule's zone") {
  absl::TimeZone utc = absl::UTCTimeZone();
  RecipientZones none = ResolveRecipientZones(nullptr, utc, absl::UnixEpoch());
  REQUIRE(none.zones.size() == 1);
  CHECK(none.zones[0].name() == "UTC");
  RecipientTable table;
  table.zone_sets = {{}, {"Not/AZone", "Etc/Unknown"}};
  table.zone_set = {0, 1};
  RecipientZones unknown = ResolveRecipientZones(&table, utc, absl::UnixEpoch());
  CHECK(unknown.zones.size() == 1);
  CHECK(unknown.PlaceOfRow(table, 0) == 0);
  CHECK(unknown.PlaceOfRow(table, 1) == 0);
}

// Arizona's 602 maps to America/Denver and America/Phoenix. In winter both read
// the same clock; from the March change Denver is an hour ahead, so a 09:00-20:00
// window is open in both only from 09:00 Phoenix (10:00 Denver) to 19:00 Phoenix
// (20:00 Denver).
TEST_CASE("recipient zones: a window opens only when it is open in every candidate, DST-safe") {
  RecipientTable table;
  table.zone_sets = {{}, {"America/Denver", "America/Phoenix"}};
  table.zone_set = {1};
  absl::TimeZone la;
  REQUIRE(absl::LoadTimeZone("America/Los_Angeles", &la));
  RecipientZones zones = ResolveRecipientZones(&table, la, absl::UnixEpoch());
  const size_t place = zones.PlaceOfRow(table, 0);
  REQUIRE(zones.places[place].size() == 2);
  absl::TimeZone phoenix;
  REQUIRE(absl::LoadTimeZone("America/Phoenix", &phoenix));
  const DailyWindow window{9 * 60, 20 * 60};
  auto phoenix_us = [&](int y, int m, int d, int h, int min) {
    return ToMicros(absl::FromCivil(absl::CivilMinute(y, m, d, h, min), phoenix));
  };
  // Winter (before 2027-03-14): Denver = Phoenix, the window is 09:00-20:00 Phoenix.
  OpenInterval winter =
      NextOpenIntervalInAll(zones, place, phoenix_us(2027, 3, 1, 6, 0), window, 0x7f);
  CHECK(winter.open_us == phoenix_us(2027, 3, 1, 9, 0));
  CHECK(winter.close_us == phoenix_us(2027, 3, 1, 20, 0));
  // Summer: Denver is an hour ahead; open 09:00 Phoenix, close 20:00 Denver = 19:00 Phoenix.
  OpenInterval summer =
      NextOpenIntervalInAll(zones, place, phoenix_us(2027, 3, 15, 6, 0), window, 0x7f);
  CHECK(summer.open_us == phoenix_us(2027, 3, 15, 9, 0));
  CHECK(summer.close_us == phoenix_us(2027, 3, 15, 19, 0));
  // Candidates whose windows never overlap fall back to the first candidate's.
  RecipientTable far;
  far.zone_sets = {{}, {"Pacific/Honolulu", "Asia/Tokyo"}};
  far.zone_set = {1};
  RecipientZones far_zones = ResolveRecipientZones(&far, la, absl::UnixEpoch());
  const DailyWindow short_window{9 * 60, 10 * 60};
  OpenInterval fallback = NextOpenIntervalInAll(far_zones, far_zones.PlaceOfRow(far, 0),
                                                phoenix_us(2027, 3, 1, 0, 0), short_window, 0x7f);
  CHECK(fallback.open_us < fallback.close_us);
}

// PlaceWindows keeps each zone's window on a few days: it must answer as
// NextOpenIntervalInAll does for any time asked, forwards, backwards, across DST
// changes and years apart (a kept day is replaced, never mistaken for another).
TEST_CASE("recipient zones: PlaceWindows answers as NextOpenIntervalInAll, in any order") {
  RecipientTable table;
  table.zone_sets = {{},
                     {"America/Denver", "America/Phoenix"},
                     {"America/New_York"},
                     {"Pacific/Honolulu", "Asia/Tokyo"},
                     {"Australia/Lord_Howe"}};  // a half-hour DST change
  table.zone_set = {1, 2, 3, 4};
  absl::TimeZone la;
  REQUIRE(absl::LoadTimeZone("America/Los_Angeles", &la));
  RecipientZones zones = ResolveRecipientZones(&table, la, absl::UnixEpoch());
  REQUIRE(zones.places.size() == 5);
  const int64_t start = ToMicros(absl::FromCivil(absl::CivilMinute(2027, 3, 10, 0, 0), la));
  for (const DailyWindow window :
       {DailyWindow{9 * 60, 20 * 60}, DailyWindow{0, 24 * 60}, DailyWindow{2 * 60 + 30, 3 * 60}}) {
    for (const uint8_t days : {uint8_t{0x7f}, uint8_t{0x1f}, uint8_t{0x40}}) {
      PlaceWindows kept(zones, window, days);
      uint64_t state = 88172645463325252ull;
      for (int i = 0; i < 3000; ++i) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        // Mostly within a month (forwards and back), sometimes years ahead.
        const int64_t span = i % 50 == 0 ? int64_t{3'000} * 86'400 : int64_t{40} * 86'400;
        const int64_t t =
            start + static_cast<int64_t>(state % static_cast<uint64_t>(span)) * 1'000'000;
        const size_t place = state % zones.places.size();
        const OpenInterval want = NextOpenIntervalInAll(zones, place, t, window, days);
        const OpenInterval got = kept.Next(place, t);
        CHECK(got.open_us == want.open_us);
        CHECK(got.close_us == want.close_us);
      }
    }
  }
}

// NeverOpenTogether may cut a search short only where it could never succeed: for
// every zone pair and window it calls hopeless, no quarter-hour of a year (DST
// changes both ways) is inside the window in both zones; and it does call the
// far-apart pairs hopeless.
TEST_CASE("recipient zones: NeverOpenTogether only for windows that never overlap") {
  const std::vector<std::string> names = {
      "America/New_York",    "America/Denver", "America/Phoenix",
      "Pacific/Honolulu",    "Pacific/Guam",   "Asia/Tokyo",
      "Australia/Lord_Howe", "Europe/London",  "Asia/Kolkata"};
  std::vector<absl::TimeZone> zones;
  for (const std::string& name : names) {
    absl::TimeZone zone;
    REQUIRE(absl::LoadTimeZone(name, &zone));
    zones.push_back(zone);
  }
  const int64_t start = ToMicros(absl::FromCivil(absl::CivilDay(2027, 1, 1), absl::UTCTimeZone()));
  int hopeless = 0;
  for (const DailyWindow window : {DailyWindow{9 * 60, 20 * 60}, DailyWindow{9 * 60, 10 * 60},
                                   DailyWindow{8 * 60, 21 * 60}, DailyWindow{0, 24 * 60}}) {
    for (uint16_t a = 0; a < zones.size(); ++a) {
      for (uint16_t b = a + 1; b < zones.size(); ++b) {
        if (!NeverOpenTogether(zones, {a, b}, start, 0, window)) continue;
        ++hopeless;
        int both_open = 0;
        for (int64_t t = start; t < start + int64_t{366} * 86'400'000'000; t += 900'000'000) {
          both_open += NextOpenInterval(zones[a], t, window, 0x7f).open_us <= t &&
                       NextOpenInterval(zones[b], t, window, 0x7f).open_us <= t;
        }
        INFO(names[a], " and ", names[b], " from minute ", window.begin_minute);
        CHECK(both_open == 0);
      }
    }
  }
  // Honolulu and Tokyo (19 hours apart) share no hour of 09:00-10:00.
  CHECK(NeverOpenTogether(zones, {3, 5}, start, 0, DailyWindow{9 * 60, 10 * 60}));
  CHECK_FALSE(NeverOpenTogether(zones, {1, 2}, start, 0, DailyWindow{9 * 60, 10 * 60}));
  CHECK_FALSE(NeverOpenTogether(zones, {3, 5}, start, 0, DailyWindow{0, 24 * 60}));
  CHECK(hopeless > 5);
}

}  // namespace
}  // namespace smslint
