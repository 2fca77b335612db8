#include "sim/local_time.h"

#include <algorithm>

#include "absl/time/civil_time.h"

namespace smslint {
namespace {

constexpr int64_t kSlotSeconds = 15 * 60;

int WeekdayIndex(absl::Weekday day) {
  switch (day) {
    case absl::Weekday::monday:
      return 0;
    case absl::Weekday::tuesday:
      return 1;
    case absl::Weekday::wednesday:
      return 2;
    case absl::Weekday::thursday:
      return 3;
    case absl::Weekday::friday:
      return 4;
    case absl::Weekday::saturday:
      return 5;
    case absl::Weekday::sunday:
      return 6;
  }
  return 0;
}

}  // namespace

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int64_t ToMicros(absl::Time t) { return absl::ToUnixMicros(t); }
absl::Time FromMicros(int64_t t_us) { return absl::FromUnixMicros(t_us); }

LocalMoment LocalClock::Compute(int64_t t_us) {
  const int64_t seconds = FloorDiv(t_us, 1'000'000);
  const int64_t slot = FloorDiv(seconds, kSlotSeconds);
  if (slot != cached_slot_) {
    cached_slot_ = slot;
    offset_seconds_ = zone_.At(absl::FromUnixSeconds(slot * kSlotSeconds)).offset;
  }
  const int64_t local = seconds + offset_seconds_;
  const int64_t day = FloorDiv(local, 86400);
  const int64_t second_of_day = local - day * 86400;
  LocalMoment m;
  m.minute_of_day = static_cast<int>(second_of_day / 60);
  m.weekday = WeekdayOfDay(day);
  m.day = day;
  // The UTC seconds this local minute spans, within the slot whose offset it used
  // (an offset need not be whole minutes: local mean time before 1883). Far from
  // the plan's times (whose microseconds could not be held) nothing is kept.
  constexpr int64_t kMaxSeconds = INT64_MAX / 1'000'000 - 2 * kSlotSeconds;
  if (seconds > -kMaxSeconds && seconds < kMaxSeconds) {
    const int64_t from = std::max(seconds - second_of_day % 60, slot * kSlotSeconds);
    const int64_t to = std::min(seconds - second_of_day % 60 + 60, (slot + 1) * kSlotSeconds);
    minute_ = m;
    minute_from_us_ = from * 1'000'000;
    minute_to_us_ = to * 1'000'000;
  }
  return m;
}

uint8_t WeekdayMask(const std::vector<absl::Weekday>& days) {
  if (days.empty()) return 0x7f;
  uint8_t mask = 0;
  for (absl::Weekday day : days) mask |= static_cast<uint8_t>(1u << WeekdayIndex(day));
  return mask;
}

int64_t LocalDayOf(const absl::TimeZone& zone, int64_t t_us) {
  const int64_t seconds = FloorDiv(t_us, 1'000'000);
  return FloorDiv(seconds + zone.At(absl::FromUnixSeconds(seconds)).offset, 86'400);
}

// 1970-01-01 was a Thursday (index 3).
int WeekdayOfDay(int64_t day) { return static_cast<int>(((day + 3) % 7 + 7) % 7); }

OpenInterval WindowOnDay(const absl::TimeZone& zone, absl::CivilDay day,
                         const DailyWindow& window) {
  const absl::CivilMinute midnight(day);
  return {ToMicros(absl::FromCivil(midnight + window.begin_minute, zone)),
          ToMicros(absl::FromCivil(midnight + window.end_minute, zone))};
}

OpenInterval NextOpenInterval(const absl::TimeZone& zone, int64_t t_us, const DailyWindow& window,
                              uint8_t day_mask) {
  return NextOpenIntervalBy(zone, t_us, day_mask, [&](int64_t day) {
    return WindowOnDay(zone, absl::CivilDay(1970, 1, 1) + day, window);
  });
}

}  // namespace smslint
