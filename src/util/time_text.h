// Rates, durations and daily windows as people write them: one parser each, shared
// by the campaign loader, the config and the profiles, so they accept the same text.
#ifndef SMSLINT_UTIL_TIME_TEXT_H_
#define SMSLINT_UTIL_TIME_TEXT_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/time/time.h"

namespace smslint {

// The rates a schedule may name: from one message per 30 days to 10,000 a second
// (more than any route carries). Outside them the arithmetic of a schedule means
// nothing (a message every 31,000 years), so the loader rejects them.
inline constexpr double kMinRatePerSecond = 1.0 / (30 * 86400);
inline constexpr double kMaxRatePerSecond = 10000;
inline constexpr char kRateBoundsText[] = "from 1 message per 30 days to 10000/s";

// "30/min", "1/s", "500/h", "2000/day" (also sec, second, m, minute, hr, hour, d;
// spaces and case ignored) -> messages per second; the count must be > 0 and
// finite. Callers check the result against kMin/kMaxRatePerSecond.
std::optional<double> ParseRate(std::string_view text);

// A rate for people, in the largest unit that keeps at least one message: "2 msg/s",
// "30 msg/min", "12.5 msg/h", "1 msg/day" (one decimal, rounded down, so a rate is
// never overstated; never "0 msg/h"). The one formatter for rates in every output.
std::string FormatRate(double per_second);

// Durations longer than this are no duration of a campaign (and their sums could
// leave absl's finite range): ParseDuration rejects them.
inline constexpr absl::Duration kMaxParsedDuration = absl::Hours(24 * 366 * 100);

// "45s", "30m" or "30min", "6h", "2d", and sums of them ("1h30m") -> a duration of
// at most kMaxParsedDuration.
std::optional<absl::Duration> ParseDuration(std::string_view text);

// "09:00" (or "9:00") -> minutes after midnight, 0 to 1440 ("24:00" ends a day).
std::optional<int> ParseClockMinutes(std::string_view text);

// "09:00-20:00" -> [begin, end) minutes after midnight, end after begin (a window
// that crosses midnight is not one window).
struct MinuteWindow {
  int begin_minute = 0;
  int end_minute = 24 * 60;
};
std::optional<MinuteWindow> ParseMinuteWindow(std::string_view text);

}  // namespace smslint

#endif  // SMSLINT_UTIL_TIME_TEXT_H_
