#include "campaign/time_zones.h"

#include <phonenumbers/geocoding/phonenumber_offline_geocoder.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>

#include <map>
#include <set>

#include "campaign/recipients_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

TEST_CASE("time zones: longest prefix match on the embedded map") {
  const TimeZoneMap& map = TimeZoneMap::Embedded();
  REQUIRE(map.size() > 1000);
  int ny = map.Lookup(12125550142ull);
  REQUIRE(ny >= 0);
  CHECK(map.Zones(ny) == std::vector<std::string>{"America/New_York"});
  // 208 (Idaho) splits at seven digits: 1208201 is Denver, 12082 Boise or Los Angeles.
  int split = map.Lookup(12082015555ull);
  REQUIRE(split >= 0);
  CHECK(map.Zones(split) == std::vector<std::string>{"America/Denver"});
  int idaho = map.Lookup(12082995555ull);
  REQUIRE(idaho >= 0);
  CHECK(map.Zones(idaho).size() == 2);
  CHECK(map.Lookup(0) == -1);
}

TEST_CASE("time zones: parse errors and prefixes") {
  CHECK_FALSE(TimeZoneMap::Parse("12x|America/New_York\n").ok());
  absl::StatusOr<TimeZoneMap> map = TimeZoneMap::Parse("# c\n1|A/B&C/D\n12|E/F\n");
  REQUIRE(map.ok());
  CHECK(map->Zones(map->Lookup(1299)) == std::vector<std::string>{"E/F"});
  CHECK(map->Zones(map->Lookup(1399)).size() == 2);
  CHECK(map->Lookup(4412) == -1);
}

TEST_CASE("time zones: the schedule's zone, or the one fallback") {
  Campaign c;
  c.schedule.timezone = {"America/Chicago", {20, 13}, true};
  CHECK(ScheduleTimeZone(c).name() == "America/Chicago");
  // The loader reports an invalid zone and clears `present`.
  c.schedule.timezone = {"Mars/Base", {20, 13}, false};
  CHECK(ScheduleTimeZone(c).name() == kFallbackScheduleZone);
  c.schedule.timezone = {};
  CHECK(ScheduleTimeZone(c).name() == kFallbackScheduleZone);
}

TEST_CASE("time zones: state codes and geocoder descriptions") {
  CHECK(StateCodes()[StateIndex("ny")] == "NY");
  CHECK(StateCodes()[StateIndex(" FL ")] == "FL");
  CHECK(StateCodes()[StateIndex("ON")] == "ON");
  CHECK(StateIndex("XX") == 0);
  CHECK(StateIndex("New York") == 0);
  CHECK(StateCodes()[StateFromGeocoderDescription("New York, NY")] == "NY");
  CHECK(StateCodes()[StateFromGeocoderDescription("California")] == "CA");
  CHECK(StateFromGeocoderDescription("United States") == 0);
}

TEST_CASE("recipients: timezone column wins, several candidates are flagged as guessed") {
  testing::ScratchDir dir;
  dir.Write("r.csv",
            "phone,timezone,state\n"
            "+12125550142,America/Chicago,\n"  // column wins
            "+12125550143,Mars/Base,\n"        // invalid: from the number
            "+12082995555,,\n"                 // Boise or Los Angeles: guessed
            "+18005550199,,\n"                 // toll free: every NANP zone
            "+13055550100,,fl\n");             // state from the column
  Campaign c = testing::CampaignWithFile(dir, "r.csv");
  c.schedule.timezone = {"America/New_York", {20, 13}, true};
  RecipientLoadResult r = testing::LoadOk(c);
  REQUIRE(r.table.size() == 5);
  using Zones = std::vector<std::string>;
  CHECK(r.table.zone_sets[r.table.zone_set[0]] == Zones{"America/Chicago"});
  CHECK(r.table.zone_sets[r.table.zone_set[1]] == Zones{"America/New_York"});
  CHECK((r.table.flags[1] & kRecipientBadTimezone) != 0);
  CHECK(r.table.zone_sets[r.table.zone_set[2]] == Zones{"America/Boise", "America/Los_Angeles"});
  CHECK(r.table.zone_sets[r.table.zone_set[3]].size() > 4);
  CHECK((r.table.flags[2] & kRecipientZoneGuessed) != 0);
  CHECK((r.table.flags[3] & kRecipientZoneGuessed) != 0);
  CHECK((r.table.flags[0] & kRecipientZoneGuessed) == 0);
  CHECK(r.stats.zone_guessed == 2);
  CHECK(r.table.states[r.table.state[4]] == "FL");
  CHECK(r.table.states[r.table.state[0]] == "NY");  // geocoder
}

TEST_CASE("time zones: a zone name is an IANA name, never a file path") {
  for (const char* good : {"UTC", "America/New_York", "America/Argentina/Buenos_Aires", "Etc/GMT+5",
                           "Etc/GMT-14", "America/Port-au-Prince"}) {
    CAPTURE(good);
    CHECK(IsZoneNameSyntax(good));
    absl::TimeZone zone;
    CHECK(LoadZoneByName(good, &zone));
  }
  for (const char* bad :
       {"", "/dev/stdin", "/etc/localtime", "../../etc/localtime", "America/../../../etc/localtime",
        "America/./New_York", "America//X", "America/", "./UTC", "..", "file:/dev/stdin",
        "America/New York", "America\\New_York", "Zone\n"}) {
    CAPTURE(bad);
    CHECK_FALSE(IsZoneNameSyntax(bad));
    absl::TimeZone zone;
    CHECK_FALSE(LoadZoneByName(bad, &zone));
  }
  CHECK(IsZoneNameSyntax(std::string(kMaxZoneNameLength, 'A')));
  CHECK_FALSE(IsZoneNameSyntax(std::string(kMaxZoneNameLength + 1, 'A')));
}

TEST_CASE("time zones: files of the zone directory that are not zone names are refused") {
  // Each has a zone name's shape and (but "right/", which counts leap seconds and
  // Abseil refuses) loads; "localtime" is the machine's own zone.
  for (const char* bad :
       {"localtime", "posixrules", "Factory", "posix/America/New_York", "right/America/New_York"}) {
    CAPTURE(bad);
    CHECK(IsZoneNameSyntax(bad));
    absl::TimeZone zone;
    CHECK_FALSE(LoadZoneByName(bad, &zone));
  }
  // Legacy names of the tz database's `backward` file stay names.
  absl::TimeZone zone;
  CHECK(LoadZoneByName("US/Eastern", &zone));
  CHECK(LoadZoneByName("Japan", &zone));
}

TEST_CASE("time zones: a FIFO or a device as schedule.timezone is not opened") {
  // Abseil would open these as files: /dev/stdin with no writer blocks for ever.
  Campaign c;
  c.schedule.timezone = {"/dev/stdin", {20, 13}, true};
  CHECK(ScheduleTimeZone(c) == absl::UTCTimeZone());
}

// Every description libphonenumber's geocoder gives a valid US, Canadian or US
// territory number names a state: the quiet-hours law of a state is lost when its
// description is not mapped (WA's exchanges say "Washington State"). Walks every
// area code, sampling exchanges; "United States" and "Canada" are the country-wide
// descriptions of non-geographic numbers (toll free, 500, 900).
TEST_CASE("time zones: every NANP area code's geocoder description maps to a state") {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  i18n::phonenumbers::PhoneNumberOfflineGeocoder geocoder;
  std::set<int> area_codes_seen;
  std::map<std::string, std::string> unmapped;  // description -> a number's area code
  for (int npa = 200; npa <= 999; ++npa) {
    for (int nxx = 200; nxx <= 999; nxx += 7) {
      PhoneNumber number;
      number.set_country_code(1);
      number.set_national_number(static_cast<uint64_t>(npa) * 10'000'000 + nxx * 10'000 + 1234);
      if (!util->IsValidNumber(number)) continue;
      std::string region;
      util->GetRegionCodeForNumber(number, &region);
      const std::string description =
          geocoder.GetDescriptionForValidNumber(number, icu::Locale("en", "US"));
      // Other NANP countries (Jamaica, the Bahamas, ...) have no state: 0 is right.
      static const std::set<std::string> kWithStates = {"US", "CA", "PR", "GU", "VI", "AS", "MP"};
      if (kWithStates.count(region) == 0) continue;
      if (description == "United States" || description == "Canada" || description.empty()) {
        continue;
      }
      if (region == "US") area_codes_seen.insert(npa);
      const uint8_t state = StateFromGeocoderDescription(description);
      if (state == 0) unmapped.emplace(description, std::to_string(npa));
      // "City, XX": the code after the comma is the state.
      const size_t comma = description.rfind(", ");
      if (comma != std::string::npos && state != 0) {
        CHECK(StateCodes()[state] == description.substr(comma + 2));
      }
    }
  }
  for (const auto& [description, npa] : unmapped) {
    CAPTURE(npa);
    CHECK_MESSAGE(false, "unmapped geocoder description: " << description);
  }
  CHECK(area_codes_seen.size() > 300);  // the walk reached the US plan
}

TEST_CASE("time zones: descriptions that are not a state's name") {
  CHECK(StateCodes()[StateFromGeocoderDescription("Washington State")] == "WA");
  CHECK(StateCodes()[StateFromGeocoderDescription("Washington D.C.")] == "DC");
  CHECK(StateCodes()[StateFromGeocoderDescription("Philadelphia")] == "PA");
  CHECK(StateCodes()[StateFromGeocoderDescription("Watson Lake")] == "YT");
  CHECK(StateCodes()[StateFromGeocoderDescription("Tamuning")] == "GU");
  CHECK(StateCodes()[StateFromGeocoderDescription("Nova Scotia/Prince Edward Island")] == "NS");
  CHECK(StateFromGeocoderDescription("United States") == 0);
  CHECK(StateFromGeocoderDescription("Canada") == 0);
}

TEST_CASE("recipients: the state column and the number's state are both kept") {
  testing::ScratchDir dir;
  dir.Write("r.csv",
            "phone,state\n"
            "+12125550142,TX\n"  // lives in Texas, New York number
            "+12065550100,\n"    // Washington: "Washington State" in the geocoder
            "+16025550100,AZ\n"
            "12,NY\n");  // invalid number: only the column
  Campaign c = testing::CampaignWithFile(dir, "r.csv");
  RecipientLoadResult r = testing::LoadOk(c);
  REQUIRE(r.table.size() == 4);
  REQUIRE(r.table.number_state.size() == 4);
  CHECK(r.table.states[r.table.state[0]] == "TX");
  CHECK(r.table.states[r.table.number_state[0]] == "NY");
  CHECK(r.table.states[r.table.state[1]] == "WA");
  CHECK(r.table.states[r.table.number_state[1]] == "WA");
  CHECK(r.table.states[r.table.number_state[2]] == "AZ");
  CHECK(r.table.states[r.table.state[3]] == "NY");
  CHECK(r.table.number_state[3] == 0);
}

}  // namespace
}  // namespace smslint
