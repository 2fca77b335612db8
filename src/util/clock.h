// The current time, with one override for reproducible runs: SMSLINT_NOW.
#ifndef SMSLINT_UTIL_CLOCK_H_
#define SMSLINT_UTIL_CLOCK_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace smslint {

// Environment variable that fixes the clock (tests, golden outputs, CI replays).
inline constexpr char kNowEnvVar[] = "SMSLINT_NOW";

// "2026-11-01T09:00:00Z", "2026-11-01T09:00:00-05:00", "2026-11-01T09:00Z" or
// "2026-11-01" (midnight UTC) -> the instant; anything else is an error.
absl::StatusOr<absl::Time> ParseClockOverride(std::string_view text);

// SMSLINT_NOW when set (an error when it cannot be read), else the system clock.
absl::StatusOr<absl::Time> CurrentTime();

}  // namespace smslint

#endif  // SMSLINT_UTIL_CLOCK_H_
