// The filter model, snowshoeing, determinism and the text rendering.
#include <doctest/doctest.h>

#include "absl/strings/str_cat.h"
#include "sim/sim_text.h"
#include "sim/simulator.h"
#include "sim_test_util.h"
#include "util/strings.h"

namespace smslint {
namespace {

using testing::At;
using testing::CountRule;
using testing::MakeCampaign;
using testing::MakeRecipients;
using testing::Run;

using testing::P2P;
TEST_CASE("snowshoeing: on P2P one body from several numbers is an error, filtered together") {
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60, 3);
  SimulationOutput out = Run(c, MakeRecipients(90), P2P());
  REQUIRE(CountRule(out, "traffic/snowshoeing", Level::kError) == 1);
  const Diagnostic* d = testing::FindRule(out, "traffic/snowshoeing");
  CHECK(d->message.find("+14155551000 30, +14155551001 30, +14155551002 30") != std::string::npos);
  CHECK(d->message.find("link domain acme.com") != std::string::npos);
  CHECK(d->message.find("carriers block the numbers together") != std::string::npos);
  // Few messages: the model filters none, and the finding says so.
  CHECK(out.result.filtered == 0);
  CHECK(d->message.find("not reflected in the outcome counts") != std::string::npos);
  CHECK(d->span.line == 11);  // the second sender
  // At volume the numbers are scored as one sender: each of them gets filtered.
  SimulationOutput big = Run(MakeCampaign(Route::kP2P, 20.0 / 60, 3), MakeRecipients(3600), P2P());
  REQUIRE(CountRule(big, "traffic/snowshoeing", Level::kError) == 1);
  CHECK(big.result.filtered > 0);
  for (const SenderStats& s : big.result.senders) CHECK(s.filtered > 0);
  CHECK(
      testing::FindRule(big, "traffic/predicted-filtering")->message.find("traffic/snowshoeing") !=
      std::string::npos);
}

TEST_CASE("snowshoeing: severity never falls as the per-number rate rises") {
  for (double rate : {1.0 / 60, 0.5, 2.0}) {
    SimulationOutput out = Run(MakeCampaign(Route::kP2P, rate, 3), MakeRecipients(300), P2P());
    CHECK_MESSAGE(CountRule(out, "traffic/snowshoeing", Level::kError) == 1, rate);
  }
  // One number: nothing.
  CHECK(CountRule(Run(MakeCampaign(Route::kP2P, 1.0 / 60, 1), MakeRecipients(20), P2P()),
                  "traffic/snowshoeing") == 0);
}

TEST_CASE("snowshoeing: on registered routes only a pool larger than the rate needs warns") {
  Profile p = testing::MustLoad("10dlc");
  const double number_rate = p.snowshoeing.number_rate;
  REQUIRE(number_rate > 0);
  // Four numbers, each sending at one number's rate: the pool carries the rate.
  SimulationOutput sized = Run(MakeCampaign(Route::k10DLC, number_rate, 4), MakeRecipients(400), p);
  CHECK(CountRule(sized, "traffic/snowshoeing") == 0);
  // Twelve numbers at a slow rate: one number would carry it.
  SimulationOutput spread =
      Run(MakeCampaign(Route::k10DLC, number_rate / 60, 12), MakeRecipients(240), p);
  REQUIRE(CountRule(spread, "traffic/snowshoeing", Level::kWarning) == 1);
  CHECK(CountRule(spread, "traffic/snowshoeing", Level::kError) == 0);
  CHECK(testing::FindRule(spread, "traffic/snowshoeing")->message.find("where 1 number carries") !=
        std::string::npos);
}

TEST_CASE("filter model: a number pushed past human volume is predicted filtered") {
  SimulationOutput slow = Run(MakeCampaign(Route::kP2P, 1.0 / 60), MakeRecipients(200), P2P());
  CHECK(slow.result.filtered == 0);
  CHECK(CountRule(slow, "traffic/predicted-filtering") == 0);

  SimulationOutput fast = Run(MakeCampaign(Route::kP2P, 5), MakeRecipients(2000), P2P());
  CHECK(fast.result.filtered > 0);
  CHECK(fast.result.filtered + fast.result.delivered + fast.result.failed == 2000);
  REQUIRE(CountRule(fast, "traffic/predicted-filtering", Level::kError) == 1);
  const Diagnostic* d = testing::FindRule(fast, "traffic/predicted-filtering");
  CHECK(
      d->message.find("predicted filtered (error 30007), first on +14155551000 from 2026-12-01") !=
      std::string::npos);
  CHECK(d->message.find("traffic/daily-volume") != std::string::npos);
  CHECK(d->message.find("not carrier data") != std::string::npos);
}

TEST_CASE("filter model: the block cools off once the score decays") {
  Campaign c = MakeCampaign(Route::kP2P, 1);
  RecipientTable r = MakeRecipients(1700);
  SimulationInput in;
  in.campaign = &c;
  in.recipients = &r;
  in.profile = &P2P();
  SendPlan plan;
  plan.start = absl::FromCivil(absl::CivilMinute(2026, 12, 1, 10, 0), absl::UTCTimeZone());
  const int64_t start = absl::ToUnixMicros(plan.start);
  // 1,600 messages at 1/s (over the daily volume), then 100 one per ten minutes, starting
  // 26 h later.
  for (uint32_t i = 0; i < 1600; ++i) plan.events.push_back({start + i * 1'000'000LL, i, 0, 0, 0});
  for (uint32_t i = 0; i < 100; ++i) {
    plan.events.push_back({start + 26 * 3'600'000'000LL + i * 600'000'000LL, 1600 + i, 0, 0, 0});
  }
  SimulationOutput out = Simulate(in, plan);
  CHECK(out.result.filtered > 0);
  CHECK(out.result.filtered < 600);
  CHECK(out.result.senders[0].filtered_series.values.size() ==
        out.result.senders[0].sends.values.size());
  // Every slow message after the cool-off is delivered.
  CHECK(out.result.delivered >= 1100);
  CHECK(out.result.senders[0].filtered_series.values.back() == 0);
}

TEST_CASE("filter model: content findings by rule add to the score") {
  Campaign c = MakeCampaign(Route::kP2P, 10.0 / 60);
  Diagnostic shortener;
  shortener.rule = "content/public-url-shortener";
  shortener.level = Level::kError;
  shortener.template_id = "promo";
  Diagnostic brand = shortener;
  brand.rule = "content/missing-brand";  // not a filtering feature: weight 0
  SimulationOutput clean = Run(c, MakeRecipients(150), P2P(), 1, {brand});
  CHECK(clean.result.filtered == 0);
  SimulationOutput flagged = Run(c, MakeRecipients(150), P2P(), 1, {shortener});
  CHECK(flagged.result.filtered > 0);
  CHECK(testing::FindRule(flagged, "traffic/predicted-filtering")
            ->message.find("content/public-url-shortener") != std::string::npos);
}

TEST_CASE("determinism: the same input and seed give identical output") {
  Campaign c = MakeCampaign(Route::kP2P, 2, 2);
  Template b = c.templates[0];
  b.id = At(std::string("b"));
  b.body.value.text = "Acme: other text https://acme.com/y Reply STOP to opt out";
  c.templates.push_back(b);
  c.templates[1].expires = At(absl::Minutes(5));
  RecipientTable r = MakeRecipients(3000);
  SimulationOutput one = Run(c, r, P2P(), 42);
  SimulationOutput two = Run(c, r, P2P(), 42);
  REQUIRE(one.diagnostics.size() == two.diagnostics.size());
  for (size_t i = 0; i < one.diagnostics.size(); ++i) {
    CHECK(one.diagnostics[i].message == two.diagnostics[i].message);
    CHECK(one.diagnostics[i].notes == two.diagnostics[i].notes);
  }
  CHECK(RenderSimulationText(one.result, false, false) ==
        RenderSimulationText(two.result, false, false));
  CHECK(testing::Recommend(c, r, P2P(), 42).text == testing::Recommend(c, r, P2P(), 42).text);
}

TEST_CASE("render: table and chart, ASCII on request") {
  SimulationOutput out = Run(MakeCampaign(Route::kP2P, 2), MakeRecipients(500), P2P());
  std::string unicode = RenderSimulationText(out.result, false, false);
  CHECK(unicode.find("+14155551000") != std::string::npos);
  // The chart's line: what the provider releases per number in a minute.
  CHECK(unicode.find(absl::StrCat("sends per minute (limit ", P2P().queue.release[0].value * 60,
                                  ")")) != std::string::npos);
  CHECK(unicode.find("█") != std::string::npos);
  out.result.recommendation.text = "Keep the schedule.";
  CHECK(RenderSimulationText(out.result, false, false).find("Recommendation: Keep") !=
        std::string::npos);
  std::string ascii = RenderSimulationText(out.result, true, false);
  CHECK(ascii.find('#') != std::string::npos);
  for (unsigned char ch : ascii) REQUIRE(ch < 0x80);
  // Colour marks buckets over the line; the queue keeps every bucket at or under it.
  std::string color = RenderSimulationText(out.result, false, true);
  CHECK(color.find("\x1b[31m") == std::string::npos);
  SimResult over = out.result;
  over.senders[0].limit_per_bucket /= 2;
  CHECK(RenderSimulationText(over, false, true).find("\x1b[31m") != std::string::npos);
}

TEST_CASE("render: the sender table's columns widen for counts of millions") {
  // 10,000,000 recipients on one number: the counts used to run together
  // ("7,372,1352,422,524").
  SimulationOutput out = Run(MakeCampaign(Route::kP2P, 2), MakeRecipients(50), P2P());
  REQUIRE(out.result.senders.size() == 1);
  SenderStats& s = out.result.senders[0];
  s.sent = 9'794'659;
  s.delivered = 7'372'135;
  s.failed = 2'422'524;
  s.filtered = 12'000'000;
  s.late = 3'635'168;
  s.stale = 1'000'000;
  s.quiet_hours = 8'491'000;
  const std::string text = RenderSimulationText(out.result, true, false);
  const size_t row = text.find("\n  +14155551000  ");
  REQUIRE(row != std::string::npos);
  const std::string line = text.substr(row + 1, text.find('\n', row + 1) - row - 1);
  CHECK(line.find(
            "  9,794,659  7,372,135  2,422,524  12,000,000  3,635,168  1,000,000  8,491,000  ") !=
        std::string::npos);
  // The header's names end where their columns end.
  const size_t header = text.rfind('\n', row - 1) + 1;
  const std::string head = text.substr(header, row - header);
  CAPTURE(head);
  CAPTURE(line);
  CHECK(head.find("failed") + 6 == line.find("2,422,524") + 9);
  CHECK(head.find("quiet") + 5 == line.find("8,491,000") + 9);
}

TEST_CASE(
    "recommendation: a P2P send over its daily limits moves to a rate or a route "
    "whose simulation is clean") {
  Campaign c = MakeCampaign(Route::kP2P, 2);
  c.schedule.window = At(DailyWindow{9 * 60, 20 * 60}, 33);
  const RecipientTable r = MakeRecipients(5000);
  REQUIRE(!Run(c, r, P2P()).diagnostics.empty());
  const Recommendation rec = testing::Recommend(c, r, P2P());
  CHECK(rec.kind == Recommendation::Kind::kPlan);
  CHECK(rec.remaining.empty());
  CHECK(rec.simulations > 1);
  CHECK(rec.predicted.delivered == 5000);
  // The plan, applied to the campaign and simulated again, is what the search says.
  Campaign applied = c;
  for (const PlanSetting& s : rec.plan) {
    if (s.key == "schedule.rate")
      applied.schedule.rate = At(Rate{*ParseRate(s.value), s.value}, 31);
    if (s.key == "campaign.route") applied.campaign.route = At(*ParseRoute(s.value), 5);
  }
  absl::StatusOr<Profile> profile = LoadProfile(RouteName(applied.campaign.route.value));
  REQUIRE(profile.ok());
  const SimulationOutput again = Run(applied, r, *profile);
  for (const Diagnostic& d : again.diagnostics) {
    if (d.level != Level::kInfo) FAIL_CHECK(d.rule << ": " << d.message);
  }
  CHECK(again.result.end == rec.end);
}

}  // namespace
}  // namespace smslint
