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

namespace {

// The stretch open in every one of `candidates` at once, from `in_zone(zone, t)`
// (NextOpenInterval in one zone).
template <typename InZone>
OpenInterval OpenInAll(const std::vector<uint16_t>& candidates, int64_t t_us, InZone&& in_zone) {
  const OpenInterval first = in_zone(candidates[0], t_us);
  if (candidates.size() == 1) return first;
  // Raise the start to the latest opening among the candidates until every
  // candidate is open there; a year of days is more than any overlap needs.
  int64_t t = t_us;
  for (int attempt = 0; attempt < 800; ++attempt) {
    OpenInterval both{INT64_MIN, INT64_MAX};
    for (uint16_t z : candidates) {
      const OpenInterval one = in_zone(z, t);
      both.open_us = std::max(both.open_us, one.open_us);
      both.close_us = std::min(both.close_us, one.close_us);
    }
    if (both.open_us < both.close_us) return both;
    if (both.open_us <= t) break;  // no progress: cannot overlap
    t = both.open_us;
  }
  return first;
}

const std::vector<uint16_t>& Candidates(const RecipientZones& zones, size_t place) {
  return zones.places[place < zones.places.size() ? place : 0];
}

}  // namespace

OpenInterval NextOpenIntervalInAll(const RecipientZones& zones, size_t place, int64_t t_us,
                                   const DailyWindow& window, uint8_t day_mask) {
  return OpenInAll(Candidates(zones, place), t_us, [&](uint16_t z, int64_t t) {
    return NextOpenInterval(zones.zones[z], t, window, day_mask);
  });
}

PlaceWindows::PlaceWindows(const RecipientZones& zones, const DailyWindow& window, uint8_t day_mask)
    : zones_(zones), window_(window), day_mask_(day_mask), days_(zones.zones.size() * kDaysKept) {}

OpenInterval PlaceWindows::Next(size_t place, int64_t t_us) {
  return OpenInAll(Candidates(zones_, place), t_us,
                   [this](uint16_t z, int64_t t) { return NextInZone(z, t); });
}

OpenInterval PlaceWindows::NextInZone(size_t zone, int64_t t_us) {
  return NextOpenIntervalBy(zones_.zones[zone], t_us, day_mask_,
                            [this, zone](int64_t day) { return OnDay(zone, day); });
}

OpenInterval PlaceWindows::OnDay(size_t zone, int64_t day) {
  Day& kept = days_[zone * kDaysKept + (static_cast<uint64_t>(day) & (kDaysKept - 1))];
  if (kept.day != day) {
    kept.day = day;
    kept.interval = WindowOnDay(zones_.zones[zone], absl::CivilDay(1970, 1, 1) + day, window_);
  }
  return kept.interval;
}

}  // namespace smslint
