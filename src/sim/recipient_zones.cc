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

// Attempts OpenInAll makes before asking whether the candidates can ever be open
// together: a place whose windows overlap is answered within a few.
constexpr int kAttemptsBeforeCheck = 16;
constexpr int kMaxAttempts = 800;
// How far 800 attempts can reach: each moves to an opening at most nine local days
// ahead (NextOpenIntervalBy looks eight days past today).
constexpr int64_t kReachSeconds = int64_t{kMaxAttempts} * 9 * 86'400 + 2 * 86'400;

// The least and greatest UTC offset (seconds) `zone` has from two days before `t_us`
// to `reach_us` after it; false when it changes more often than any real zone.
bool OffsetRange(const absl::TimeZone& zone, int64_t t_us, int64_t reach_us, int& lo, int& hi) {
  absl::Time t = FromMicros(t_us) - absl::Hours(48);
  const absl::Time end = FromMicros(t_us) + absl::Microseconds(reach_us);
  lo = hi = zone.At(t).offset;
  absl::TimeZone::CivilTransition transition;
  for (int i = 0; i < 256; ++i) {
    if (!zone.NextTransition(t, &transition)) return true;
    const absl::Time next = zone.At(transition.to).trans;
    if (next <= t) return false;
    if (next > end) return true;
    t = next;
    const int offset = zone.At(t).offset;
    lo = std::min(lo, offset);
    hi = std::max(hi, offset);
  }
  return false;
}

// The stretch open in every one of `candidates` at once, from `in_zone(zone, t)`
// (NextOpenInterval in one zone). `never_together(t)`: NeverOpenTogether from t,
// asked once a search has gone on for kAttemptsBeforeCheck attempts.
template <typename InZone, typename NeverTogether>
OpenInterval OpenInAll(const std::vector<uint16_t>& candidates, int64_t t_us, InZone&& in_zone,
                       NeverTogether&& never_together) {
  const OpenInterval first = in_zone(candidates[0], t_us);
  if (candidates.size() == 1) return first;
  // Raise the start to the latest opening among the candidates until every
  // candidate is open there; a year of days is more than any overlap needs.
  int64_t t = t_us;
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    if (attempt == kAttemptsBeforeCheck && never_together(t_us)) break;
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

bool NeverOpenTogether(const std::vector<absl::TimeZone>& zones,
                       const std::vector<uint16_t>& candidates, int64_t t_us, int64_t later_us,
                       const DailyWindow& window) {
  constexpr int64_t kDay = 86'400;
  const int64_t begin = int64_t{window.begin_minute} * 60, end = int64_t{window.end_minute} * 60;
  if (begin >= end) return false;
  struct Arc {
    int64_t start, length;  // seconds of the UTC day
  };
  std::vector<Arc> arcs;
  for (uint16_t z : candidates) {
    int lo = 0, hi = 0;
    if (!OffsetRange(zones[z], t_us, later_us + kReachSeconds * 1'000'000, lo, hi)) return false;
    const int64_t length = end - begin + (hi - lo);
    if (length >= kDay) return false;
    arcs.push_back({((begin - hi) % kDay + kDay) % kDay, length});
  }
  for (const Arc& point : arcs) {
    bool in_all = true;
    for (const Arc& arc : arcs) {
      if (((point.start - arc.start) % kDay + kDay) % kDay >= arc.length) {
        in_all = false;
        break;
      }
    }
    if (in_all) return false;
  }
  return true;
}

OpenInterval NextOpenIntervalInAll(const RecipientZones& zones, size_t place, int64_t t_us,
                                   const DailyWindow& window, uint8_t day_mask) {
  const std::vector<uint16_t>& candidates = Candidates(zones, place);
  return OpenInAll(
      candidates, t_us,
      [&](uint16_t z, int64_t t) { return NextOpenInterval(zones.zones[z], t, window, day_mask); },
      [&](int64_t t) { return NeverOpenTogether(zones.zones, candidates, t, 0, window); });
}

PlaceWindows::PlaceWindows(const RecipientZones& zones, const DailyWindow& window, uint8_t day_mask)
    : zones_(zones),
      window_(window),
      day_mask_(day_mask),
      days_(zones.zones.size() * kDaysKept),
      never_(zones.places.size()) {}

OpenInterval PlaceWindows::Next(size_t place, int64_t t_us) {
  const std::vector<uint16_t>& candidates = Candidates(zones_, place);
  return OpenInAll(
      candidates, t_us, [this](uint16_t z, int64_t t) { return NextInZone(z, t); },
      [&](int64_t t) {
        // Remembered per place, for the times up to kNeverKeptUs after the one it
        // was worked out from.
        Never& kept = never_[place < never_.size() ? place : 0];  // as Candidates reads it
        if (!kept.known || t < kept.from_us || t - kept.from_us > kNeverKeptUs) {
          kept = {true, t, NeverOpenTogether(zones_.zones, candidates, t, kNeverKeptUs, window_)};
        }
        return kept.never;
      });
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
