// US federal legal public holidays (5 U.S.C. 6103), computed by rule for any year:
// fixed dates, "nth weekday of a month" and "last weekday of a month", plus the
// observed day when a fixed date falls on a weekend (Saturday -> the Friday before,
// Sunday -> the Monday after). No list of dates that expires.
#ifndef SMSLINT_SIM_HOLIDAYS_H_
#define SMSLINT_SIM_HOLIDAYS_H_

#include <string_view>

#include "absl/time/civil_time.h"

namespace smslint {

// The holiday `day` is, or is observed on; "" when it is neither. Both the date
// itself and its observed weekday count: state laws that close on "legal holidays"
// differ on which of the two they mean, and a closure on either keeps both safe.
std::string_view FederalHolidayOn(absl::CivilDay day);

inline bool IsFederalHoliday(absl::CivilDay day) { return !FederalHolidayOn(day).empty(); }

}  // namespace smslint

#endif  // SMSLINT_SIM_HOLIDAYS_H_
