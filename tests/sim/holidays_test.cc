#include "sim/holidays.h"

#include "doctest/doctest.h"

namespace smslint {
namespace {

TEST_CASE("holidays: nth-weekday and last-weekday rules") {
  CHECK(FederalHolidayOn(absl::CivilDay(2026, 1, 19)) == "Birthday of Martin Luther King, Jr.");
  CHECK(FederalHolidayOn(absl::CivilDay(2026, 2, 16)) == "Washington's Birthday");
  CHECK(FederalHolidayOn(absl::CivilDay(2026, 5, 25)) == "Memorial Day");
  CHECK(FederalHolidayOn(absl::CivilDay(2027, 5, 31)) == "Memorial Day");
  CHECK(FederalHolidayOn(absl::CivilDay(2026, 9, 7)) == "Labor Day");
  CHECK(FederalHolidayOn(absl::CivilDay(2026, 10, 12)) == "Columbus Day");
  CHECK(FederalHolidayOn(absl::CivilDay(2026, 11, 26)) == "Thanksgiving Day");
  CHECK(FederalHolidayOn(absl::CivilDay(2030, 11, 28)) == "Thanksgiving Day");
  // The Monday after the third is not a holiday.
  CHECK_FALSE(IsFederalHoliday(absl::CivilDay(2026, 1, 26)));
  CHECK_FALSE(IsFederalHoliday(absl::CivilDay(2026, 11, 27)));
}

TEST_CASE("holidays: fixed dates and their observed weekdays") {
  CHECK(FederalHolidayOn(absl::CivilDay(2026, 7, 4)) == "Independence Day");  // Saturday
  CHECK(FederalHolidayOn(absl::CivilDay(2026, 7, 3)) == "Independence Day");  // observed Friday
  CHECK(FederalHolidayOn(absl::CivilDay(2027, 12, 25)) == "Christmas Day");   // Saturday
  CHECK(FederalHolidayOn(absl::CivilDay(2027, 12, 24)) == "Christmas Day");
  CHECK(FederalHolidayOn(absl::CivilDay(2028, 1, 1)) == "New Year's Day");  // Saturday
  // ...observed on the last day of the year before.
  CHECK(FederalHolidayOn(absl::CivilDay(2027, 12, 31)) == "New Year's Day");
  CHECK(FederalHolidayOn(absl::CivilDay(2023, 1, 2)) == "New Year's Day");  // Sunday -> Monday
  CHECK(FederalHolidayOn(absl::CivilDay(2028, 11, 10)) == "Veterans Day");  // Sat 11th -> Fri
  CHECK_FALSE(IsFederalHoliday(absl::CivilDay(2026, 7, 6)));
}

TEST_CASE("holidays: Juneteenth only from 2021") {
  CHECK(IsFederalHoliday(absl::CivilDay(2026, 6, 19)));
  CHECK_FALSE(IsFederalHoliday(absl::CivilDay(2020, 6, 19)));
  CHECK(FederalHolidayOn(absl::CivilDay(2022, 6, 20)) ==
        "Juneteenth National Independence Day");  // Sunday -> Monday
}

TEST_CASE("holidays: an ordinary day in every month is none") {
  for (int month = 1; month <= 12; ++month) {
    CAPTURE(month);
    CHECK_FALSE(IsFederalHoliday(absl::CivilDay(2026, month, 14)));
  }
}

}  // namespace
}  // namespace smslint
