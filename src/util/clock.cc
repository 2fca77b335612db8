#include "util/clock.h"

#include <cstdlib>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace smslint {

absl::StatusOr<absl::Time> ParseClockOverride(std::string_view text) {
  const std::string value(text);
  absl::Time t;
  std::string error;
  for (const char* format : {"%Y-%m-%d%ET%H:%M:%E*S%Ez", "%Y-%m-%d%ET%H:%M%Ez", "%Y-%m-%d"}) {
    if (absl::ParseTime(format, value, absl::UTCTimeZone(), &t, &error)) return t;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("smslint: error: ", kNowEnvVar, "='", value,
                   "' is not a time such as 2026-11-01T09:00:00Z or 2026-11-01"));
}

absl::StatusOr<absl::Time> CurrentTime() {
  const char* value = std::getenv(kNowEnvVar);
  if (value == nullptr || *value == '\0') return absl::Now();
  return ParseClockOverride(value);
}

}  // namespace smslint
