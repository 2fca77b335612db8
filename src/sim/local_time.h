// Local time in a recipient's zone, fast enough to ask once per message: the UTC
// offset is cached per 15-minute UTC slot (every DST change in the tz database falls
// on a quarter hour), so absl is asked about once per zone per quarter hour.
#ifndef SMSLINT_SIM_LOCAL_TIME_H_
#define SMSLINT_SIM_LOCAL_TIME_H_

#include <cstdint>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "campaign/campaign.h"

namespace smslint {

struct LocalMoment {
  int minute_of_day = 0;  // 0..1439
  int weekday = 0;        // 0 = Monday .. 6 = Sunday
  int64_t day = 0;        // local calendar day, days since 1970-01-01
};

class LocalClock {
 public:
  explicit LocalClock(absl::TimeZone zone) : zone_(zone) {}
  // Messages come in time order, many to a minute: the answer for the last local
  // minute is kept with the UTC stretch it holds for (within one offset slot).
  LocalMoment At(int64_t t_us) {
    if (t_us >= minute_from_us_ && t_us < minute_to_us_) return minute_;
    return Compute(t_us);
  }
  const absl::TimeZone& zone() const { return zone_; }
  // The UTC stretch [from, to) of the local minute At kept last (empty until one is,
  // and not moved by an At it did not keep): every time in it is that minute.
  int64_t minute_from_us() const { return minute_from_us_; }
  int64_t minute_to_us() const { return minute_to_us_; }

 private:
  LocalMoment Compute(int64_t t_us);
  absl::TimeZone zone_;
  int64_t cached_slot_ = INT64_MIN;
  int64_t offset_seconds_ = 0;
  LocalMoment minute_;
  int64_t minute_from_us_ = 0;  // [from, to): minute_ holds; empty at first
  int64_t minute_to_us_ = 0;
};

// An allowed stretch of time [open, close), microseconds since the epoch.
struct OpenInterval {
  int64_t open_us = 0;
  int64_t close_us = 0;
};

// Weekday bit mask: bit 0 = Monday ... bit 6 = Sunday. 0x7f = every day.
uint8_t WeekdayMask(const std::vector<absl::Weekday>& days);

// The first stretch in `zone` that is inside the daily `window` on an allowed day
// and ends after `t_us` (it may have opened before t). DST is absl's: a window edge
// inside a skipped hour maps to the instant after the gap.
OpenInterval NextOpenInterval(const absl::TimeZone& zone, int64_t t_us, const DailyWindow& window,
                              uint8_t day_mask);

// The latest time a plan schedules a message (about the year 33,600): far past any
// real schedule and far inside int64 microseconds, so plan times can be added to an
// interval of at most this much, and subtracted from each other, without overflow.
// A plan that would run longer sends its remaining messages at this instant.
inline constexpr int64_t kLatestPlanTimeUs = 1'000'000'000'000'000'000;

// a / b rounded down (toward minus infinity), b != 0.
int64_t FloorDiv(int64_t a, int64_t b);

int64_t ToMicros(absl::Time t);
absl::Time FromMicros(int64_t t_us);

// The daily `window`'s stretch on civil `day` in `zone` (close <= open: empty there).
OpenInterval WindowOnDay(const absl::TimeZone& zone, absl::CivilDay day, const DailyWindow& window);

// The local calendar day of `t_us` in `zone` (days since 1970-01-01), and a day's
// weekday (0 = Monday .. 6 = Sunday).
int64_t LocalDayOf(const absl::TimeZone& zone, int64_t t_us);
int WeekdayOfDay(int64_t day);

// NextOpenInterval with each day's stretch from `on_day(day)`, the day counted from
// 1970-01-01 (WindowOnDay, or a caller's memory of it). Days are whole numbers here:
// civil-day arithmetic for each day looked at was most of a large list's plan search.
template <typename OnDay>
OpenInterval NextOpenIntervalBy(const absl::TimeZone& zone, int64_t t_us, uint8_t day_mask,
                                OnDay&& on_day) {
  if (day_mask == 0) day_mask = 0x7f;
  const int64_t today = LocalDayOf(zone, t_us);
  // A week and a day covers every mask; the extra day covers a window that already
  // closed today on the only allowed weekday.
  for (int i = -1; i <= 8; ++i) {
    if ((day_mask & (1u << WeekdayOfDay(today + i))) == 0) continue;
    const OpenInterval stretch = on_day(today + i);
    if (stretch.close_us > t_us && stretch.close_us > stretch.open_us) return stretch;
  }
  return {t_us, t_us + 86'400'000'000};  // unreachable with a non-empty mask
}

}  // namespace smslint

#endif  // SMSLINT_SIM_LOCAL_TIME_H_
