// Where a recipient is: libphonenumber's phone-prefix -> time-zone map (the C++
// library has no time-zone mapper), the schedule's zone, and US state / Canadian
// province codes.
#ifndef SMSLINT_CAMPAIGN_TIME_ZONES_H_
#define SMSLINT_CAMPAIGN_TIME_ZONES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "campaign/campaign.h"

namespace smslint {

class TimeZoneMap {
 public:
  // Parses "prefix|Zone/One&Zone/Two" lines; '#' starts a comment.
  static absl::StatusOr<TimeZoneMap> Parse(std::string_view text);
  // The map embedded from rules/data/timezones-map_data-v8.12.57.txt.
  static const TimeZoneMap& Embedded();

  // The entry whose prefix is the longest prefix of the E.164 digits, or -1.
  int Lookup(uint64_t e164) const;
  // Candidate zones of an entry, in the file's order.
  const std::vector<std::string>& Zones(int entry) const { return entries_[entry]; }
  size_t size() const { return entries_.size(); }
  // Longest prefix among entries of country code 1 (NANP), in E.164 digits: when it
  // is at most 7, the answer for +1 numbers depends only on area code and exchange.
  int max_nanp_digits() const { return max_nanp_digits_; }

 private:
  absl::flat_hash_map<uint64_t, int> by_prefix_;  // key: prefix * 32 + digit count
  std::vector<std::vector<std::string>> entries_;
  int max_digits_ = 0;
  int max_nanp_digits_ = 0;
};

// Longest zone name accepted; the longest in the tz database has 32 characters.
inline constexpr size_t kMaxZoneNameLength = 64;

// Whether `name` has the shape of a tz database name: '/'-separated segments of
// letters, digits, '_', '-' and '+' ("America/New_York", "Etc/GMT+5", "UTC"); no
// leading '/', no empty, "." or ".." segment, at most kMaxZoneNameLength bytes.
bool IsZoneNameSyntax(std::string_view name);

// absl::LoadTimeZone for a name IsZoneNameSyntax accepts; false for any other
// without a lookup. Abseil opens a zone name as a file path: "/dev/stdin" or a FIFO
// would block for ever and "../../etc/localtime" would read outside the zone
// database. Nor are the files of the zone directory that are not zone names:
// "localtime" (the machine's own zone: a campaign would be read differently on
// each machine), "posixrules", "Factory", and the "posix/" and "right/" copies of
// the database (the latter counts leap seconds). Every zone name smslint reads goes
// through here.
bool LoadZoneByName(std::string_view name, absl::TimeZone* zone);

// The zone a schedule is read in when schedule.timezone is missing or not a tz
// database name (the loader reports both as errors). UTC rather than a guess such
// as America/New_York: a wrong local zone would look like a real answer, while UTC
// plainly is not one, and the simulator has always planned the send in UTC then.
// Recipients without a zone of their own share it.
inline constexpr char kFallbackScheduleZone[] = "UTC";

// The campaign's schedule.timezone, or kFallbackScheduleZone.
absl::TimeZone ScheduleTimeZone(const Campaign& campaign);

// US states, DC and territories, then Canadian provinces; index 0 is "" (unknown).
const std::vector<std::string>& StateCodes();
// Index of a two-letter code (any case, surrounding blanks ignored); 0 when unknown.
uint8_t StateIndex(std::string_view code);
// From the offline geocoder's English description: "New York, NY" -> NY,
// "California" -> CA; 0 when it names no state or province.
uint8_t StateFromGeocoderDescription(std::string_view description);

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_TIME_ZONES_H_
