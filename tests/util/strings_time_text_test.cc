// The one pluralisation helper, the one rate formatter and the clock override.
#include <cstdlib>

#include "absl/time/civil_time.h"
#include "doctest/doctest.h"
#include "util/clock.h"
#include "util/strings.h"
#include "util/time_text.h"

namespace smslint {
namespace {

TEST_CASE("Plural: singular for one, thousands separators, irregular plurals") {
  CHECK(Plural(1, "message") == "1 message");
  CHECK(Plural(0, "message") == "0 messages");
  CHECK(Plural(2, "message") == "2 messages");
  CHECK(Plural(1234, "recipient") == "1,234 recipients");
  CHECK(Plural(1, "entry", "entries") == "1 entry");
  CHECK(Plural(3, "entry", "entries") == "3 entries");
  CHECK(PluralWord(1, "message", "messages") == "message");
  CHECK(PluralWord(1.5, "message", "messages") == "messages");
}

TEST_CASE("FormatRate: the largest unit with at least one message, never 0") {
  CHECK(FormatRate(2) == "2 msg/s");
  CHECK(FormatRate(1) == "1 msg/s");
  CHECK(FormatRate(1.5) == "1.5 msg/s");
  CHECK(FormatRate(*ParseRate("30/min")) == "30 msg/min");
  CHECK(FormatRate(*ParseRate("61/min")) == "1 msg/s");
  CHECK(FormatRate(*ParseRate("500/h")) == "8.3 msg/min");
  CHECK(FormatRate(*ParseRate("12/h")) == "12 msg/h");
  CHECK(FormatRate(*ParseRate("1/day")) == "1 msg/day");
  CHECK(FormatRate(*ParseRate("2000/day")) == "1.3 msg/min");
  CHECK(FormatRate(*ParseRate("20/day")) == "20 msg/day");
  CHECK(FormatRate(kMinRatePerSecond) == "1 msg every 30 days");
  for (double r : {kMinRatePerSecond, 1.0 / 86400, 1.0 / 3600, 1.0 / 60, 1.0, kMaxRatePerSecond}) {
    CAPTURE(r);
    CHECK(FormatRate(r).rfind("0 ", 0) != 0);
  }
}

TEST_CASE("clock: SMSLINT_NOW in the forms documented, an error otherwise") {
  const absl::Time expected =
      absl::FromCivil(absl::CivilSecond(2026, 11, 1, 9, 0, 0), absl::UTCTimeZone());
  CHECK(*ParseClockOverride("2026-11-01T09:00:00Z") == expected);
  CHECK(*ParseClockOverride("2026-11-01T09:00Z") == expected);
  CHECK(*ParseClockOverride("2026-11-01T04:00:00-05:00") == expected);
  CHECK(*ParseClockOverride("2026-11-01") == expected - absl::Hours(9));
  CHECK(!ParseClockOverride("yesterday").ok());
  CHECK(!ParseClockOverride("2026-13-01").ok());
  // tests/test_main.cc fixes the clock for the whole suite.
  CHECK(*CurrentTime() ==
        absl::FromCivil(absl::CivilSecond(2026, 11, 1, 0, 0, 0), absl::UTCTimeZone()));
}

}  // namespace
}  // namespace smslint
