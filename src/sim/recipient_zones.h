// Which zone the simulator reads each recipient's clock in (quiet hours and the
// recipient-local send window): the reader keeps every candidate zone of a
// recipient (RecipientTable::zone_sets); the choice among them is made here.
#ifndef SMSLINT_SIM_RECIPIENT_ZONES_H_
#define SMSLINT_SIM_RECIPIENT_ZONES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "campaign/recipients.h"

namespace smslint {

// The one zone quiet hours are checked in when a number maps to several: the
// candidate whose UTC offset at `at` is farthest from the schedule's zone (ties:
// the first in the map's alphabetical order). A send planned in the schedule's
// clock lands earliest in the morning or latest at night there, so that zone is
// where a quiet-hours breach shows first. "Etc/Unknown" and zones the tz database
// does not know are skipped; "" when none is left.
std::string QuietHoursZone(const std::vector<std::string>& candidates,
                           const absl::TimeZone& schedule_zone, absl::Time at);

// The distinct zones the table's recipients are simulated in, and for each zone
// set of the table the index of its zone. zones[0] is the schedule's zone, used
// for recipients without a zone (the empty set) or without a usable one.
struct RecipientZones {
  std::vector<absl::TimeZone> zones;
  std::vector<uint16_t> zone_of_set;  // per RecipientTable::zone_sets entry

  // The index into `zones` of row `row`'s zone.
  size_t ZoneOfRow(const RecipientTable& table, size_t row) const {
    const uint16_t set = row < table.zone_set.size() ? table.zone_set[row] : 0;
    return set < zone_of_set.size() ? zone_of_set[set] : 0;
  }
};

// Resolves every zone set of `table` (null: no recipients) with QuietHoursZone at
// `at` (the campaign's start). Zones appear in order of first use, so reports
// list them in file order.
RecipientZones ResolveRecipientZones(const RecipientTable* table,
                                     const absl::TimeZone& schedule_zone, absl::Time at);

}  // namespace smslint

#endif  // SMSLINT_SIM_RECIPIENT_ZONES_H_
