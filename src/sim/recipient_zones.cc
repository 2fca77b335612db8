#include "sim/recipient_zones.h"

#include <cstdlib>

#include "campaign/time_zones.h"

namespace smslint {

std::string QuietHoursZone(const std::vector<std::string>& candidates,
                           const absl::TimeZone& schedule_zone, absl::Time at) {
  int schedule_offset = schedule_zone.At(at).offset;
  std::string best;
  int best_distance = -1;
  for (const std::string& name : candidates) {
    if (name == "Etc/Unknown") continue;
    absl::TimeZone zone;
    if (!LoadZoneByName(name, &zone)) continue;
    int distance = std::abs(zone.At(at).offset - schedule_offset);
    if (distance > best_distance) {
      best_distance = distance;
      best = name;
    }
  }
  return best;
}

RecipientZones ResolveRecipientZones(const RecipientTable* table,
                                     const absl::TimeZone& schedule_zone, absl::Time at) {
  RecipientZones out;
  out.zones.push_back(schedule_zone);
  if (table == nullptr) return out;
  for (const std::vector<std::string>& set : table->zone_sets) {
    std::string name = QuietHoursZone(set, schedule_zone, at);
    absl::TimeZone zone;
    if (name.empty() || !LoadZoneByName(name, &zone)) zone = schedule_zone;
    size_t index = 0;
    while (index < out.zones.size() && out.zones[index].name() != zone.name()) ++index;
    if (index == out.zones.size()) out.zones.push_back(zone);
    out.zone_of_set.push_back(static_cast<uint16_t>(index));
  }
  return out;
}

}  // namespace smslint
