#include "campaign/loader.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>

namespace smslint {
namespace {

constexpr char kGood[] = R"(version: 1
campaign:
  name: Promo
  brand: Acme Coffee
  use_case: marketing
  country: US
  route: 10dlc
  trust_score: 62
  domain: acme.com
senders:
  - "+14155550100"
templates:
  - id: promo
    body: "Acme Coffee: 20% off at https://acme.com/x Reply STOP to opt out"
    weight: 2
    expires: 6h
recipients:
  list: ["+12125550142"]
schedule:
  start: 2026-12-01T09:00
  timezone: America/New_York
  rate: 30/min
  window: "09:00-20:00"
  days: [mon, tue]
traffic:
  reply_rate: 0.04
  sender_strategy: sticky
)";

std::vector<std::string> Rules(const LoadResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics) out.push_back(d.rule);
  return out;
}

const Diagnostic* FindAt(const LoadResult& r, const std::string& rule, int line) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule == rule && d.span.line == line) return &d;
  }
  return nullptr;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

TEST_CASE("a valid campaign loads into typed values with positions") {
  auto r = LoadCampaign("c.yaml", kGood);
  REQUIRE(r.ok());
  CHECK(r->diagnostics.empty());
  const Campaign& c = r->campaign;
  CHECK(c.campaign.brand.value == "Acme Coffee");
  CHECK(c.campaign.brand.pos.line == 4);
  CHECK(c.campaign.brand.pos.column == 10);
  CHECK(c.campaign.use_case.value == UseCase::kMarketing);
  CHECK(c.campaign.route.value == Route::k10DLC);
  CHECK(c.campaign.trust_score.value == 62);
  REQUIRE(c.senders.size() == 1);
  CHECK(c.senders[0].number.value == "+14155550100");
  REQUIRE(c.templates.size() == 1);
  CHECK(c.templates[0].weight.value == 2);
  CHECK(c.templates[0].expires.value == absl::Hours(6));
  CHECK(c.templates[0].body.value.style == TextValue::Style::kDoubleQuoted);
  CHECK(c.schedule.start.value == absl::CivilMinute(2026, 12, 1, 9, 0));
  CHECK(c.schedule.rate.value.per_second == doctest::Approx(0.5));
  CHECK(c.schedule.window.value.begin_minute == 9 * 60);
  CHECK(c.schedule.window.value.end_minute == 20 * 60);
  CHECK(c.schedule.days.value.size() == 2);
  CHECK(c.traffic.sender_strategy.value == SenderStrategy::kSticky);
  CHECK(c.traffic.reply_rate.value == doctest::Approx(0.04));
}

TEST_CASE("unknown keys are warnings with a did-you-mean from the same mapping") {
  auto r = LoadCampaign("c.yaml", Replace(kGood, "  rate: 30/min", "  rat: 30/min"));
  REQUIRE(r.ok());
  const Diagnostic* d = FindAt(*r, "schema/unknown-key", 22);
  REQUIRE(d != nullptr);
  CHECK(d->level == Level::kWarning);
  CHECK(d->suggestion == "rate");
  CHECK(d->message.find("did you mean 'rate'") != std::string::npos);
  // The missing rate is reported too: every problem in one run.
  CHECK(FindAt(*r, "schema/missing-field", 20) != nullptr);
}

TEST_CASE("a key with no close match lists the known keys") {
  auto r = LoadCampaign("c.yaml", Replace(kGood, "traffic:", "colour: blue\ntraffic:"));
  REQUIRE(r.ok());
  REQUIRE(r->diagnostics.size() == 1);
  CHECK(r->diagnostics[0].suggestion.find("known keys: version") == 0);
}

TEST_CASE("missing required fields are errors") {
  auto r = LoadCampaign("c.yaml", "version: 1\ncampaign:\n  name: x\n");
  REQUIRE(r.ok());
  auto rules = Rules(*r);
  CHECK(std::count(rules.begin(), rules.end(), "schema/missing-field") >= 6);
}

TEST_CASE("invalid values are each reported at their position") {
  struct Case {
    const char* from;
    const char* to;
    int line;
  } cases[] = {
      {"use_case: marketing", "use_case: marketting", 5},
      {"country: US", "country: XX", 6},
      {"route: 10dlc", "route: 10-dlc", 7},
      {"trust_score: 62", "trust_score: 101", 8},
      {"domain: acme.com", "domain: http://acme.com", 9},
      {"\"+14155550100\"", "\"4155550100\"", 11},
      {"weight: 2", "weight: -1", 15},
      {"expires: 6h", "expires: soon", 16},
      {"start: 2026-12-01T09:00", "start: 2026-02-30T09:00", 20},
      {"timezone: America/New_York", "timezone: America/New_Yrok", 21},
      {"rate: 30/min", "rate: 30 per minute", 22},
      {"window: \"09:00-20:00\"", "window: \"20:00-09:00\"", 23},
      {"days: [mon, tue]", "days: [mon, funday]", 24},
      {"reply_rate: 0.04", "reply_rate: 1.5", 26},
      {"sender_strategy: sticky", "sender_strategy: random", 27},
      // An empty path names no file: not the same as leaving it out.
      {"list: [\"+12125550142\"]", "file: \"\"", 18},
      {"list: [\"+12125550142\"]", "file: \"  \"", 18},
      {"schedule:\n", "suppression:\n  file: ''\nschedule:\n", 20},
  };
  for (const Case& c : cases) {
    CAPTURE(c.to);
    auto r = LoadCampaign("c.yaml", Replace(kGood, c.from, c.to));
    REQUIRE(r.ok());
    CHECK(FindAt(*r, "schema/invalid-value", c.line) != nullptr);
  }
}

TEST_CASE("a sender written without + gets the E.164 form as a suggestion") {
  auto r = LoadCampaign("c.yaml", Replace(kGood, "\"+14155550100\"", "\"(415) 555-0100\""));
  REQUIRE(r.ok());
  const Diagnostic* d = FindAt(*r, "schema/invalid-value", 11);
  REQUIRE(d != nullptr);
  CHECK(d->suggestion == "+14155550100");
}

TEST_CASE("duplicate keys are reported") {
  auto r =
      LoadCampaign("c.yaml", Replace(kGood, "  name: Promo\n", "  name: Promo\n  name: Again\n"));
  REQUIRE(r.ok());
  CHECK(FindAt(*r, "schema/invalid-value", 4) != nullptr);
}

TEST_CASE("YAML syntax errors are one path:line:col error") {
  auto r = LoadCampaign("bad.yaml", "version: 1\ncampaign: [unclosed\n");
  REQUIRE(!r.ok());
  CHECK(std::string(r.status().message()).rfind("bad.yaml:", 0) == 0);
  CHECK(std::string(r.status().message()).find(": error: YAML syntax") != std::string::npos);
}

TEST_CASE("hostile input: empty, NUL, invalid UTF-8, deep nesting, alias bombs") {
  CHECK(!LoadCampaign("e.yaml", "").ok());
  CHECK(!LoadCampaign("e.yaml", "   \n# only a comment\n").ok());
  auto nul = LoadCampaign("n.yaml", std::string("version: 1\nname: a\0b\n", 20));
  REQUIRE(!nul.ok());
  CHECK(std::string(nul.status().message()).find("n.yaml:2:8: error: NUL") == 0);
  auto utf = LoadCampaign("u.yaml", "version: 1\ncampaign:\n  name: caf\xC3\n");
  REQUIRE(!utf.ok());
  CHECK(std::string(utf.status().message()).find("u.yaml:3:12: error: invalid UTF-8") == 0);

  std::string deep = "version: 1\ncampaign: " + std::string(100000, '[') + "\n";
  auto start = std::chrono::steady_clock::now();
  CHECK(!LoadCampaign("d.yaml", deep).ok());

  // A billion-laughs document: each level doubles; walking it expanded would never end.
  std::string bomb = "a0: &a0 [x, x]\n";
  for (int i = 1; i < 40; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) +
            ", *a" + std::to_string(i - 1) + "]\n";
  }
  bomb += "version: 1\nsenders: *a39\ntemplates: *a39\nrecipients:\n  list: *a39\n";
  // Aliases are counted at every use (CheckYamlBudget): exit 2 at the first alias
  // past the budget, before any node is built.
  auto bombed = LoadCampaign("b.yaml", bomb);
  REQUIRE(!bombed.ok());
  CHECK(std::string(bombed.status().message()).find("aliases counted at every use") !=
        std::string::npos);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("TextSpan maps offsets inside a quoted body to file columns") {
  auto r = LoadCampaign("c.yaml", kGood);
  REQUIRE(r.ok());
  const Campaign& c = r->campaign;
  const auto& body = c.templates[0].body;
  size_t at = body.value.text.find("STOP");
  Span span = TextSpan(c, body, at, at + 4);
  CHECK(span.line == 14);
  std::string line(c.lines.Line(c.source, 14));
  CHECK(line.substr(span.column - 1, 4) == "STOP");
  CHECK(span.end_column == span.column + 4);
}

TEST_CASE("TextSpan follows escapes and block scalars") {
  std::string source = Replace(
      kGood, "    body: \"Acme Coffee: 20% off at https://acme.com/x Reply STOP to opt out\"",
      "    body: |\n      Acme Coffee: 20% off\n      Reply STOP to opt out");
  auto r = LoadCampaign("c.yaml", source);
  REQUIRE(r.ok());
  const Campaign& c = r->campaign;
  const auto& body = c.templates[0].body;
  CHECK(body.value.style == TextValue::Style::kLiteral);
  size_t at = body.value.text.find("STOP");
  Span span = TextSpan(c, body, at, at + 4);
  CHECK(span.line == 16);
  CHECK(std::string(c.lines.Line(c.source, 16)).substr(span.column - 1, 4) == "STOP");

  auto escaped =
      LoadCampaign("c.yaml", Replace(kGood, "Acme Coffee: 20%", "Acme \\u2019Coffee: 20%"));
  REQUIRE(escaped.ok());
  const auto& b2 = escaped->campaign.templates[0].body;
  size_t stop = b2.value.text.find("STOP");
  Span s2 = TextSpan(escaped->campaign, b2, stop, stop + 4);
  CHECK(std::string(escaped->campaign.lines.Line(escaped->campaign.source, 14))
            .substr(s2.column - 1, 4) == "STOP");
}

TEST_CASE("rates and durations parse in the documented forms") {
  CHECK(*ParseRate("1/s") == doctest::Approx(1));
  CHECK(*ParseRate("30/min") == doctest::Approx(0.5));
  CHECK(*ParseRate("3600/h") == doctest::Approx(1));
  CHECK(*ParseRate(" 86400 / day ") == doctest::Approx(1));
  CHECK(!ParseRate("fast"));
  CHECK(!ParseRate("0/s"));
  CHECK(!ParseRate("-5/min"));
  CHECK(!ParseRate("5/fortnight"));
  CHECK(*ParseDuration("1h30m") == absl::Minutes(90));
  CHECK(*ParseDuration("2d") == absl::Hours(48));
  CHECK(!ParseDuration("6"));
  CHECK(!ParseDuration("h"));
  CHECK(IsE164Syntax("+14155550100"));
  CHECK(!IsE164Syntax("14155550100"));
  CHECK(!IsE164Syntax("+0415555010"));
  CHECK(!IsE164Syntax("+1 415 555 0100"));
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

TEST_CASE("one syntax for durations and windows: 30m and 30min, 24:00 ends a day") {
  CHECK(*ParseDuration("30min") == absl::Minutes(30));
  CHECK(*ParseDuration("30m") == absl::Minutes(30));
  CHECK(*ParseDuration("1h30min") == absl::Minutes(90));
  CHECK(!ParseDuration("30mins"));
  CHECK(!ParseDuration("5mi"));
  CHECK(*ParseClockMinutes("9:05") == 545);
  CHECK(*ParseClockMinutes("24:00") == 1440);
  CHECK(!ParseClockMinutes("24:01"));
  std::optional<MinuteWindow> w = ParseMinuteWindow("09:00 - 20:00");
  REQUIRE(w);
  CHECK(w->begin_minute == 540);
  CHECK(w->end_minute == 1200);
  CHECK(!ParseMinuteWindow("20:00-09:00"));
  CHECK(!ParseMinuteWindow("09:00"));
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

TEST_CASE("schedule.rate outside 1 message per 30 days .. 10000/s is a positioned error") {
  for (const char* rate : {"1e-12/s", "1e-300/s", "20000/s", "1e300/min", "0.03/day"}) {
    CAPTURE(rate);
    auto r = LoadCampaign("c.yaml", Replace(kGood, "rate: 30/min", std::string("rate: ") + rate));
    REQUIRE(r.ok());
    const Diagnostic* d = FindAt(*r, "schema/invalid-value", 22);
    REQUIRE(d != nullptr);
    CHECK(d->span.column == 9);
    CHECK(!r->campaign.schedule.rate.present);
    CHECK(d->message.find(kRateBoundsText) != std::string::npos);
  }
  for (const char* rate : {"0.04/day", "10000/s", "1/day", "2/s"}) {
    CAPTURE(rate);
    auto r = LoadCampaign("c.yaml", Replace(kGood, "rate: 30/min", std::string("rate: ") + rate));
    REQUIRE(r.ok());
    CHECK(FindAt(*r, "schema/invalid-value", 22) == nullptr);
    CHECK(r->campaign.schedule.rate.present);
  }
}

TEST_CASE("durations beyond 100 years are not durations (sums cannot overflow)") {
  CHECK(*ParseDuration("36600d") == absl::Hours(24 * 36600));
  CHECK(!ParseDuration("36601d"));
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "999999d";
  CHECK(!ParseDuration(many));
  auto r = LoadCampaign("c.yaml", Replace(kGood, "expires: 6h", "expires: " + many));
  REQUIRE(r.ok());
  CHECK(FindAt(*r, "schema/invalid-value", 16) != nullptr);
  CHECK(!r->campaign.templates[0].expires.present);
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

TEST_CASE("campaign.brand_aliases: a list or one name, each with its position") {
  auto r = LoadCampaign("c.yaml",
                        Replace(kGood, "  brand: Acme Coffee\n",
                                "  brand: Acme Coffee\n  brand_aliases: [Acme, \"Acme Cafe\"]\n"));
  REQUIRE(r.ok());
  CHECK(r->diagnostics.empty());
  REQUIRE(r->campaign.campaign.brand_aliases.size() == 2);
  CHECK(r->campaign.campaign.brand_aliases[1].value == "Acme Cafe");
  CHECK(r->campaign.campaign.brand_aliases[0].pos.line == 5);
  auto one = LoadCampaign("c.yaml", Replace(kGood, "  brand: Acme Coffee\n",
                                            "  brand: Acme Coffee\n  brand_aliases: Acme\n"));
  REQUIRE(one.ok());
  CHECK(one->diagnostics.empty());
  REQUIRE(one->campaign.campaign.brand_aliases.size() == 1);
  CHECK(one->campaign.campaign.brand_aliases[0].value == "Acme");
}

}  // namespace
}  // namespace smslint
