// Each traffic/* rule at, just below and just above its profile threshold.
#include <doctest/doctest.h>

#include "sim/simulator.h"
#include "sim_test_util.h"

namespace smslint {
namespace {

using testing::At;
using testing::CountRule;
using testing::MakeCampaign;
using testing::MakeRecipients;
using testing::Run;

using testing::P2P;
TEST_CASE("traffic/throughput: per-second limit of p2p") {
  RecipientTable r = MakeRecipients(20);
  // At the limit (1/s): no error.
  SimulationOutput at = Run(MakeCampaign(Route::kP2P, 1.0), r, P2P());
  CHECK(CountRule(at, "traffic/throughput", Level::kError) == 0);
  // Just above: two messages inside one second.
  SimulationOutput above = Run(MakeCampaign(Route::kP2P, 2.0), r, P2P());
  REQUIRE(CountRule(above, "traffic/throughput", Level::kError) == 1);
  const Diagnostic* d = testing::FindRule(above, "traffic/throughput");
  CHECK(d->message.find("+14155551000 sends 2 messages in one second") == 0);
  CHECK(d->message.find("2026-12-01 10:00:00 EST") != std::string::npos);
  CHECK(d->message.find("19 messages sent over it") != std::string::npos);
  CHECK(d->span.line == 32);  // schedule.rate
  CHECK(d->span.file == "campaign.yaml");
}

TEST_CASE("traffic/throughput: the typical 15/min warning") {
  RecipientTable r = MakeRecipients(40);
  SimulationOutput at = Run(MakeCampaign(Route::kP2P, 15.0 / 60), r, P2P());
  CHECK(CountRule(at, "traffic/throughput") == 0);
  SimulationOutput below = Run(MakeCampaign(Route::kP2P, 14.0 / 60), r, P2P());
  CHECK(CountRule(below, "traffic/throughput") == 0);
  SimulationOutput above = Run(MakeCampaign(Route::kP2P, 16.0 / 60), r, P2P());
  CHECK(CountRule(above, "traffic/throughput", Level::kWarning) == 1);
  CHECK(CountRule(above, "traffic/throughput", Level::kError) == 0);
}

TEST_CASE("traffic/throughput: an error hides the same rule's warning") {
  SimulationOutput out = Run(MakeCampaign(Route::kP2P, 3.0), MakeRecipients(300), P2P());
  CHECK(CountRule(out, "traffic/throughput", Level::kError) == 2);  // per second and per minute
  CHECK(CountRule(out, "traffic/throughput", Level::kWarning) == 0);
}

TEST_CASE("traffic/daily-volume: 1,000 a day on p2p") {
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  CHECK(CountRule(Run(c, MakeRecipients(999), P2P()), "traffic/daily-volume") == 0);
  CHECK(CountRule(Run(c, MakeRecipients(1000), P2P()), "traffic/daily-volume") == 0);
  SimulationOutput above = Run(c, MakeRecipients(1001), P2P());
  REQUIRE(CountRule(above, "traffic/daily-volume", Level::kError) == 1);
  CHECK(testing::FindRule(above, "traffic/daily-volume")->message.find("(peak 1,001, 1 messages") !=
        std::string::npos);
  CHECK(testing::FindRule(above, "traffic/daily-volume")->span.line == 10);  // the sender
}

TEST_CASE("traffic/unique-recipients: 3,000 a day on p2p") {
  Campaign c = MakeCampaign(Route::kP2P, 0.1);
  CHECK(CountRule(Run(c, MakeRecipients(3000), P2P()), "traffic/unique-recipients") == 0);
  CHECK(CountRule(Run(c, MakeRecipients(3001), P2P()), "traffic/unique-recipients",
                  Level::kWarning) == 1);
}

TEST_CASE("traffic/repetition and traffic/fan-out: one identical body") {
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  SimulationOutput at25 = Run(c, MakeRecipients(25), P2P());
  CHECK(CountRule(at25, "traffic/repetition") == 0);
  SimulationOutput above25 = Run(c, MakeRecipients(26), P2P());
  CHECK(CountRule(above25, "traffic/repetition", Level::kWarning) == 1);
  CHECK(testing::FindRule(above25, "traffic/repetition")->template_id == "promo");
  CHECK(CountRule(above25, "traffic/fan-out") == 0);
  CHECK(CountRule(Run(c, MakeRecipients(100), P2P()), "traffic/fan-out") == 0);
  SimulationOutput above100 = Run(c, MakeRecipients(101), P2P());
  CHECK(CountRule(above100, "traffic/fan-out", Level::kWarning) == 1);
  CHECK(testing::FindRule(above100, "traffic/fan-out")->span.line == 21);  // the body
}

TEST_CASE("traffic/repetition: bodies differing only in digits or placeholder values are identical") {
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  Template second = c.templates[0];
  second.id = At(std::string("promo2"), 24);
  second.body.value.text =
      "Acme: hi {{nickname}}, 30% off today at https://acme.com/x Reply STOP to opt out";
  c.templates.push_back(second);
  // 26 messages split across two templates with one masked body: still 26 identical.
  CHECK(CountRule(Run(c, MakeRecipients(26), P2P()), "traffic/repetition") == 1);
  c.templates[1].body.value.text = "Acme: a different message. Reply STOP to opt out";
  CHECK(CountRule(Run(c, MakeRecipients(26), P2P()), "traffic/repetition") == 0);
}

TEST_CASE("traffic/balance: reply rate against p2p tolerance") {
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  RecipientTable r = MakeRecipients(25);
  CHECK(CountRule(Run(c, MakeRecipients(24), P2P()), "traffic/balance") == 0);  // no reply_rate
  c.traffic.reply_rate = At(0.04, 40);
  CHECK(CountRule(Run(c, MakeRecipients(24), P2P()), "traffic/balance") == 0);  // below minimum
  SimulationOutput over = Run(c, r, P2P());
  REQUIRE(CountRule(over, "traffic/balance", Level::kWarning) == 1);
  CHECK(testing::FindRule(over, "traffic/balance")->message.find("25:1") != std::string::npos);
  c.traffic.reply_rate = At(0.4, 40);  // 2.5:1
  CHECK(CountRule(Run(c, r, P2P()), "traffic/balance") == 0);
  c.traffic.reply_rate = At(0.32, 40);  // 3.1:1
  CHECK(CountRule(Run(c, r, P2P()), "traffic/balance") == 1);
}

TEST_CASE("traffic/carrier-cap: T-Mobile daily cap by trust score") {
  Profile p = testing::MustLoad("10dlc");
  Campaign c = MakeCampaign(Route::k10DLC, 1.0);
  c.campaign.trust_score = At(20, 6);
  // 30% of 6,666 = 1,999.8 <= 2,000; 30% of 6,667 = 2,000.1 > 2,000.
  CHECK(CountRule(Run(c, MakeRecipients(6666), p), "traffic/carrier-cap") == 0);
  SimulationOutput over = Run(c, MakeRecipients(6667), p);
  REQUIRE(CountRule(over, "traffic/carrier-cap", Level::kError) == 1);
  const Diagnostic* d = testing::FindRule(over, "traffic/carrier-cap");
  CHECK(d->message.find("T-Mobile") != std::string::npos);
  CHECK(d->span.line == 6);  // campaign.trust_score
  c.campaign.trust_score = At(80, 6);
  CHECK(CountRule(Run(c, MakeRecipients(6667), p), "traffic/carrier-cap") == 0);
}

TEST_CASE("traffic/carrier-cap: toll-free per-second rate") {
  Profile p = testing::MustLoad("toll_free");
  Campaign c = MakeCampaign(Route::kTollFree, 3.0);
  CHECK(CountRule(Run(c, MakeRecipients(100), p), "traffic/carrier-cap") == 0);
  c.schedule.rate.value.per_second = 4.0;
  CHECK(CountRule(Run(c, MakeRecipients(100), p), "traffic/carrier-cap") == 1);
}

TEST_CASE("traffic/stale-delivery: messages after the template expires") {
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  c.templates[0].expires = At(absl::Hours(2), 23);
  // 121 messages at 1/min: the last leaves exactly 2 h after the start.
  CHECK(CountRule(Run(c, MakeRecipients(121), P2P()), "traffic/stale-delivery") == 0);
  SimulationOutput over = Run(c, MakeRecipients(122), P2P());
  REQUIRE(CountRule(over, "traffic/stale-delivery", Level::kWarning) == 1);
  CHECK(over.result.stale == 1);
  CHECK(testing::FindRule(over, "traffic/stale-delivery")->span.line == 23);
}

TEST_CASE("traffic/quiet-hours: per zone and state") {
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 19, 58), 30);  // New York time
  RecipientTable r = MakeRecipients(4, {"America/New_York", "America/Los_Angeles"}, {"", "FL", "NY"});
  // Row 0: NY zone, FL state (20:00 window); row 1: NY zone, NY state; rows 2, 3: LA.
  r.state = {1, 2, 0, 0};
  r.zone_set = {0, 0, 1, 1};
  SimulationOutput out = Run(c, r, P2P());
  // Row 0 leaves 19:58 (allowed in FL), row 1 19:59: no finding.
  CHECK(CountRule(out, "traffic/quiet-hours") == 0);
  r.state = {2, 1, 0, 0};  // the FL recipient is now second: 19:59 is fine; still none
  CHECK(CountRule(Run(c, r, P2P()), "traffic/quiet-hours") == 0);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 19, 59), 30);
  out = Run(c, r, P2P());  // FL recipient at 20:00 local: one too late
  REQUIRE(CountRule(out, "traffic/quiet-hours", Level::kError) == 1);
  CHECK(out.result.quiet_hours == 1);
  const Diagnostic* d = testing::FindRule(out, "traffic/quiet-hours");
  REQUIRE(d->notes.size() == 1);
  CHECK(d->notes[0].find("America/New_York, FL: 1 messages") == 0);
  // Federal 21:00 for NY; LA is three hours earlier and fine.
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 21, 0), 30);
  r.state = {0, 0, 0, 0};
  out = Run(c, r, P2P());
  CHECK(out.result.quiet_hours == 2);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 20, 58), 30);
  CHECK(Run(c, r, P2P()).result.quiet_hours == 0);
  // Early morning: 07:59 NY is too early, 08:00 is allowed.
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 7, 59), 30);
  CHECK(Run(c, r, P2P()).result.quiet_hours == 1 + 2);  // row 0 and both LA rows (04:59-05:02)
  // A window keeps every message inside the allowed hours.
  c.schedule.window = At(DailyWindow{9 * 60, 20 * 60}, 33);
  CHECK(CountRule(Run(c, r, P2P()), "traffic/quiet-hours") == 0);
}

TEST_CASE("traffic/quiet-hours: one-time passcodes are not held to it") {
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 23, 0), 30);
  CHECK(CountRule(Run(c, MakeRecipients(3), P2P()), "traffic/quiet-hours") == 1);
  c.campaign.use_case = At(UseCase::kTwoFactor, 3);
  CHECK(CountRule(Run(c, MakeRecipients(3), P2P()), "traffic/quiet-hours") == 0);
}

TEST_CASE("traffic: a slow compliant send stays clean") {
  Campaign c = MakeCampaign(Route::kP2P, 10.0 / 60);
  c.schedule.window = At(DailyWindow{9 * 60, 20 * 60}, 33);
  c.traffic.reply_rate = At(0.5, 40);
  Template t = c.templates[0];
  for (int i = 1; i < 5; ++i) {
    t.id = At("v" + std::to_string(i), 24);
    t.body.value.text = "Acme: variant " + std::string(i, 'x') + " Reply STOP to opt out";
    c.templates.push_back(t);
  }
  SimulationOutput out = Run(c, MakeRecipients(60), P2P());
  for (const Diagnostic& d : out.diagnostics) FAIL_CHECK(d.rule << ": " << d.message);
  CHECK(out.result.delivered == 60);
  CHECK(out.result.recommendation.find("stays within the p2p profile") != std::string::npos);
}

}  // namespace
}  // namespace smslint
