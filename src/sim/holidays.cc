#include "sim/holidays.h"

namespace smslint {
namespace {

// How a holiday's date is found in a year.
struct HolidayRule {
  const char* name;
  int month;
  int day;                // a fixed date; 0 when `weekday` and `nth` decide
  absl::Weekday weekday;  // for nth-weekday rules
  int nth;                // 1..4; -1: the last one in the month
  int since_year;         // first year it is a federal holiday
};

// 5 U.S.C. 6103(a), in calendar order. Juneteenth since 2021 (the Juneteenth
// National Independence Day Act, Pub. L. 117-17, signed 2021-06-17).
constexpr HolidayRule kFederalHolidays[] = {
    {"New Year's Day", 1, 1, absl::Weekday::monday, 0, 0},
    {"Birthday of Martin Luther King, Jr.", 1, 0, absl::Weekday::monday, 3, 0},
    {"Washington's Birthday", 2, 0, absl::Weekday::monday, 3, 0},
    {"Memorial Day", 5, 0, absl::Weekday::monday, -1, 0},
    {"Juneteenth National Independence Day", 6, 19, absl::Weekday::monday, 0, 2021},
    {"Independence Day", 7, 4, absl::Weekday::monday, 0, 0},
    {"Labor Day", 9, 0, absl::Weekday::monday, 1, 0},
    {"Columbus Day", 10, 0, absl::Weekday::monday, 2, 0},
    {"Veterans Day", 11, 11, absl::Weekday::monday, 0, 0},
    {"Thanksgiving Day", 11, 0, absl::Weekday::thursday, 4, 0},
    {"Christmas Day", 12, 25, absl::Weekday::monday, 0, 0},
};

absl::CivilDay NthWeekday(absl::civil_year_t year, int month, absl::Weekday weekday, int nth) {
  if (nth < 0) {
    const absl::CivilDay last = absl::CivilDay(absl::CivilMonth(year, month) + 1) - 1;
    return absl::PrevWeekday(last + 1, weekday);
  }
  const absl::CivilDay first(year, month, 1);
  return absl::NextWeekday(first - 1, weekday) + 7 * (nth - 1);
}

}  // namespace

std::string_view FederalHolidayOn(absl::CivilDay day) {
  const absl::civil_year_t year = day.year();
  // A fixed date observed on a neighbouring day may belong to the next or the
  // previous year (New Year's Day on a Saturday is observed on December 31).
  for (absl::civil_year_t y = year - 1; y <= year + 1; ++y) {
    for (const HolidayRule& rule : kFederalHolidays) {
      if (y < rule.since_year) continue;
      if (rule.day == 0) {
        if (y == year && NthWeekday(y, rule.month, rule.weekday, rule.nth) == day) {
          return rule.name;
        }
        continue;
      }
      const absl::CivilDay date(y, rule.month, rule.day);
      if (date == day) return rule.name;
      const absl::Weekday weekday = absl::GetWeekday(date);
      if (weekday == absl::Weekday::saturday && date - 1 == day) return rule.name;
      if (weekday == absl::Weekday::sunday && date + 1 == day) return rule.name;
    }
  }
  return "";
}

}  // namespace smslint
