// The one pluralisation helper, the one rate formatter and the clock override.
#include <cstdlib>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "doctest/doctest.h"
#include "text/template.h"
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

TEST_CASE("Utf8Prefix and ClipText: cut where a character starts, marked when cut") {
  const std::string text = "ab\xC3\xA9\xE2\x98\x95z";  // a b é ☕ z: 1+1+2+3+1 bytes
  CHECK(Utf8Prefix(text, 100) == text);
  CHECK(Utf8Prefix(text, 3) == "ab");  // not half of é
  CHECK(Utf8Prefix(text, 4) == "ab\xC3\xA9");
  CHECK(Utf8Prefix(text, 6) == "ab\xC3\xA9");  // not two thirds of ☕
  CHECK(Utf8Prefix(text, 0).empty());
  CHECK(ClipText(text, 8) == text);
  CHECK(ClipText(text, 7) == "ab\xC3\xA9\xE2\x98\x95\u2026");
}

TEST_CASE("RenderTemplate: at most max_bytes, whole characters, false when cut") {
  const ParsedTemplate parsed = ParseTemplate("Hi {{name|there}}, \xE2\x98\x95 {{code}}!");
  std::string out;
  CHECK(RenderTemplate(parsed, {"Ann", "42"}, out));
  CHECK(out == "Hi Ann, \xE2\x98\x95 42!");
  CHECK(RenderTemplate(parsed, {"", "42"}, out, out.size() + 2));  // fits: whole
  CHECK(out == "Hi there, \xE2\x98\x95 42!");
  CHECK_FALSE(RenderTemplate(parsed, {"Ann", "42"}, out, 10));  // inside ☕
  CHECK(out == "Hi Ann, ");
  CHECK_FALSE(RenderTemplate(parsed, {std::string(1000, 'x'), "42"}, out, 64));
  CHECK(out == "Hi " + std::string(61, 'x'));
}

TEST_CASE("ParseDecimal: decimal numbers only") {
  double v = 0;
  for (const auto& [text, expected] : std::vector<std::pair<const char*, double>>{{"16", 16},
                                                                                  {" 2.5 ", 2.5},
                                                                                  {"-0.25", -0.25},
                                                                                  {"+3", 3},
                                                                                  {".5", 0.5},
                                                                                  {"5.", 5},
                                                                                  {"1e-3", 0.001},
                                                                                  {"2E+2", 200}}) {
    CAPTURE(text);
    CHECK(ParseDecimal(text, &v));
    CHECK(v == doctest::Approx(expected));
  }
  for (const char* text :
       {"0x10", "0X1p4", "inf", "nan", "", ".", "-", "1e", "1e+", "1.2.3", "12abc", "1 2", "١٢"}) {
    CAPTURE(text);
    CHECK_FALSE(ParseDecimal(text, &v));
  }
  CHECK_FALSE(ParseRate("0x10/s").has_value());
  CHECK(ParseRate("16/s").has_value());
}

}  // namespace
}  // namespace smslint
