// The zones the simulator reads each recipient's clock in (quiet hours and the
// recipient-local send window). The reader keeps every candidate zone of a
// recipient (RecipientTable::zone_sets); none is guessed here. A number whose
// prefix spans several zones (Arizona's 602: America/Denver and America/Phoenix)
// is judged in all of them, per message: it is in quiet hours when the send is
// outside the allowed hours in any candidate, and the send window opens only when
// it is open in every candidate. So a DST change mid-campaign needs no choice made
// at the start.
#ifndef SMSLINT_SIM_RECIPIENT_ZONES_H_
#define SMSLINT_SIM_RECIPIENT_ZONES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "campaign/campaign.h"
#include "campaign/recipients.h"
#include "sim/local_time.h"

namespace smslint {

// The distinct zones the table's recipients are simulated in, and its places: the
// candidate zones a recipient may be in. zones[0] is the schedule's zone; place 0
// is {0}, used for recipients without a zone (the empty set) or without a usable
// one. Zones and places appear in order of first use, so reports list them in
// file order.
struct RecipientZones {
  std::vector<absl::TimeZone> zones;
  std::vector<std::vector<uint16_t>> places;  // candidate indices into `zones`
  std::vector<uint16_t> place_of_set;         // per RecipientTable::zone_sets entry

  // The index into `places` of row `row`'s place.
  size_t PlaceOfRow(const RecipientTable& table, size_t row) const {
    const uint16_t set = row < table.zone_set.size() ? table.zone_set[row] : 0;
    return set < place_of_set.size() ? place_of_set[set] : 0;
  }
  // Whether a place has more than one candidate zone (the zone is uncertain).
  bool Uncertain(size_t place) const { return place < places.size() && places[place].size() > 1; }
};

// Resolves every zone set of `table` (null: no recipients). Candidates the tz
// database does not know, and "Etc/Unknown", are left out; a set left empty is
// place 0. `at` is unused since zones are no longer chosen at the start; it stays
// so callers need not change.
RecipientZones ResolveRecipientZones(const RecipientTable* table,
                                     const absl::TimeZone& schedule_zone, absl::Time at);

// The first stretch that is inside the daily `window` on an allowed day in every
// one of `place`'s zones at once and ends after `t_us`. When the candidates'
// windows never overlap (zones too far apart for a short window), the first
// candidate's stretch is used: such messages show up in quiet hours.
OpenInterval NextOpenIntervalInAll(const RecipientZones& zones, size_t place, int64_t t_us,
                                   const DailyWindow& window, uint8_t day_mask);

// True when no instant from `t_us` to some twenty years past `t_us + later_us` is
// inside the daily `window` in every one of `candidates` (indices into `zones`):
// each zone's window, moved to UTC by any offset the zone has meanwhile, covers an
// arc of the UTC day, and the arcs share no point. False whenever unsure. A search
// for an overlap that has gone on for a while asks it, and ends on the first
// candidate's stretch as it would after a year of days.
bool NeverOpenTogether(const std::vector<absl::TimeZone>& zones,
                       const std::vector<uint16_t>& candidates, int64_t t_us, int64_t later_us,
                       const DailyWindow& window);

// NextOpenIntervalInAll for one plan's window and days, asked again and again: each
// zone's window on a civil day is computed once (turning a civil time into an
// instant is most of the cost, and a plan asks at every window edge, for every
// place, for each of the days ahead). A few days per zone are kept, so memory does
// not grow with the plan's length.
class PlaceWindows {
 public:
  PlaceWindows(const RecipientZones& zones, const DailyWindow& window, uint8_t day_mask);
  OpenInterval Next(size_t place, int64_t t_us);

 private:
  OpenInterval NextInZone(size_t zone, int64_t t_us);
  // The window on local day `day` (days since 1970-01-01) in `zone`.
  OpenInterval OnDay(size_t zone, int64_t day);

  struct Day {
    int64_t day = INT64_MIN;  // days since 1970-01-01; INT64_MIN: empty
    OpenInterval interval;
  };
  static constexpr size_t kDaysKept = 16;  // a power of two, above the 10 days asked
  // Whether a place's candidates can never be open together (NeverOpenTogether),
  // as worked out from one time for the year after it.
  struct Never {
    bool known = false;
    int64_t from_us = 0;
    bool never = false;
  };
  static constexpr int64_t kNeverKeptUs = int64_t{366} * 86'400'000'000;
  const RecipientZones& zones_;
  const DailyWindow window_;
  const uint8_t day_mask_;
  std::vector<Day> days_;     // kDaysKept per zone, by day modulo kDaysKept
  std::vector<Never> never_;  // per place
};

}  // namespace smslint

#endif  // SMSLINT_SIM_RECIPIENT_ZONES_H_
