#include "util/time_text.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "util/strings.h"

namespace smslint {

std::optional<double> ParseRate(std::string_view text) {
  std::string s = absl::AsciiStrToLower(absl::StripAsciiWhitespace(AsAbsl(text)));
  size_t slash = s.find('/');
  if (slash == std::string::npos) return std::nullopt;
  double count = 0;
  if (!ParseDecimal(s.substr(0, slash), &count) || !std::isfinite(count) || count <= 0)
    return std::nullopt;
  std::string unit(absl::StripAsciiWhitespace(s.substr(slash + 1)));
  double seconds;
  if (unit == "s" || unit == "sec" || unit == "second") {
    seconds = 1;
  } else if (unit == "min" || unit == "m" || unit == "minute") {
    seconds = 60;
  } else if (unit == "h" || unit == "hr" || unit == "hour") {
    seconds = 3600;
  } else if (unit == "d" || unit == "day") {
    seconds = 86400;
  } else {
    return std::nullopt;
  }
  return count / seconds;
}

std::optional<absl::Duration> ParseDuration(std::string_view text) {
  std::string s = absl::AsciiStrToLower(absl::StripAsciiWhitespace(AsAbsl(text)));
  if (s.empty()) return std::nullopt;
  absl::Duration total = absl::ZeroDuration();
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    while (i < s.size() && absl::ascii_isdigit(static_cast<unsigned char>(s[i]))) ++i;
    // Six digits at most per part: a million days is already no schedule.
    if (i == start || i == s.size() || i - start > 6) return std::nullopt;
    int64_t n = 0;
    if (!absl::SimpleAtoi(s.substr(start, i - start), &n)) return std::nullopt;
    switch (s[i]) {
      case 's':
        total += absl::Seconds(n);
        break;
      case 'm':
        total += absl::Minutes(n);
        if (s.compare(i, 3, "min") == 0) i += 2;
        break;
      case 'h':
        total += absl::Hours(n);
        break;
      case 'd':
        total += absl::Hours(24 * n);
        break;
      default:
        return std::nullopt;
    }
    if (total > kMaxParsedDuration) return std::nullopt;
    ++i;
  }
  return total;
}

std::optional<int> ParseClockMinutes(std::string_view text) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(absl::StripAsciiWhitespace(AsAbsl(text)), ':');
  int h, m;
  if (parts.size() != 2 || parts[1].size() != 2 || parts[0].empty() || parts[0].size() > 2 ||
      !absl::SimpleAtoi(parts[0], &h) || !absl::SimpleAtoi(parts[1], &m))
    return std::nullopt;
  if (h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::optional<MinuteWindow> ParseMinuteWindow(std::string_view text) {
  std::vector<absl::string_view> parts = absl::StrSplit(AsAbsl(text), '-');
  if (parts.size() != 2) return std::nullopt;
  std::optional<int> begin = ParseClockMinutes(AsStd(parts[0]));
  std::optional<int> end = ParseClockMinutes(AsStd(parts[1]));
  if (!begin || !end || *begin >= *end) return std::nullopt;
  return MinuteWindow{*begin, *end};
}

std::string FormatRate(double per_second) {
  if (!(per_second > 0) || !std::isfinite(per_second)) return "0 msg/s";
  struct Unit {
    double seconds;
    const char* name;
  };
  static constexpr Unit kUnits[] = {{1, "s"}, {60, "min"}, {3600, "h"}, {86400, "day"}};
  for (const Unit& unit : kUnits) {
    // Rounded down to one decimal (a hair of slack for 1/day read as 0.99999...).
    const double tenths = std::floor(per_second * unit.seconds * 10 + 1e-6);
    if (tenths >= 10) return absl::StrFormat("%g msg/%s", tenths / 10, unit.name);
  }
  // Slower than one a day: one message every N days.
  const double days = std::round(1 / (per_second * 86400));
  return absl::StrFormat("1 msg every %g days", days);
}

}  // namespace smslint
