#include "sim/recipient_zones.h"

#include <algorithm>

#include "campaign/time_zones.h"

namespace smslint {
namespace {

uint16_t ZoneIndex(RecipientZones& out, const absl::TimeZone& zone) {
  size_t index = 0;
  while (index < out.zones.size() && out.zones[index].name() != zone.name()) ++index;
  if (index == out.zones.size()) out.zones.push_back(zone);
  return static_cast<uint16_t>(index);
}

}  // namespace

RecipientZones ResolveRecipientZones(const RecipientTable* table,
                                     const absl::TimeZone& schedule_zone, absl::Time) {
  RecipientZones out;
  out.zones.push_back(schedule_zone);
  out.places.push_back({0});
  if (table == nullptr) return out;
  for (const std::vector<std::string>& set : table->zone_sets) {
    std::vector<uint16_t> place;
    for (const std::string& name : set) {
      absl::TimeZone zone;
      if (name == "Etc/Unknown" || !LoadZoneByName(name, &zone)) continue;
      const uint16_t index = ZoneIndex(out, zone);
      if (std::find(place.begin(), place.end(), index) == place.end()) place.push_back(index);
    }
    if (place.empty()) place.push_back(0);
    size_t p = 0;
    while (p < out.places.size() && out.places[p] != place) ++p;
    if (p == out.places.size()) out.places.push_back(std::move(place));
    out.place_of_set.push_back(static_cast<uint16_t>(p));
  }
  return out;
}

OpenInterval NextOpenIntervalInAll(const RecipientZones& zones, size_t place, int64_t t_us,
                                   const DailyWindow& window, uint8_t day_mask) {
  const std::vector<uint16_t>& candidates = zones.places[place < zones.places.size() ? place : 0];
  const OpenInterval first = NextOpenInterval(zones.zones[candidates[0]], t_us, window, day_mask);
  if (candidates.size() == 1) return first;
  // Raise the start to the latest opening among the candidates until every
  // candidate is open there; a year of days is more than any overlap needs.
  int64_t t = t_us;
  for (int attempt = 0; attempt < 800; ++attempt) {
    OpenInterval both{INT64_MIN, INT64_MAX};
    for (uint16_t z : candidates) {
      const OpenInterval one = NextOpenInterval(zones.zones[z], t, window, day_mask);
      both.open_us = std::max(both.open_us, one.open_us);
      both.close_us = std::min(both.close_us, one.close_us);
    }
    if (both.open_us < both.close_us) return both;
    if (both.open_us <= t) break;  // no progress: cannot overlap
    t = both.open_us;
  }
  return first;
}

}  // namespace smslint
