// Each traffic/* rule at, just below and just above its profile threshold. The
// thresholds are read from the profile files, never copied here.
#include <doctest/doctest.h>

#include "absl/strings/str_cat.h"
#include "sim/simulator.h"
#include "sim_test_util.h"
#include "util/strings.h"

namespace smslint {
namespace {

using testing::At;
using testing::CountOf;
using testing::CountRule;
using testing::LimitOf;
using testing::MakeCampaign;
using testing::MakeRecipients;
using testing::Run;

using testing::P2P;

// Minutes after midnight as a start time on Tuesday 2026-12-01 (New York time).
Located<absl::CivilMinute> StartAt(int minute_of_day) {
  return At(absl::CivilMinute(2026, 12, 1, minute_of_day / 60, minute_of_day % 60), 30);
}

// A diagnostic of `rule` whose message contains `text`, or null.
const Diagnostic* FindWith(const SimulationOutput& out, const std::string& rule,
                           const std::string& text) {
  for (const Diagnostic& d : out.diagnostics) {
    if (d.rule == rule && d.message.find(text) != std::string::npos) return &d;
  }
  return nullptr;
}

TEST_CASE(
    "traffic/throughput: the provider queue holds what is submitted faster than it releases") {
  const Profile& p = P2P();
  REQUIRE(p.queue.release.size() == 1);
  const double release = p.queue.release[0].value;  // segments a second per number
  const size_t n = 200;
  RecipientTable r = MakeRecipients(n);
  SimulationOutput at = Run(MakeCampaign(Route::kP2P, release), r, p);
  CHECK(FindWith(at, "traffic/throughput", "provider queue") == nullptr);
  CHECK(at.result.late == 0);
  // Twice as fast: queued and late, never filtered or failed for it.
  SimulationOutput fast = Run(MakeCampaign(Route::kP2P, 2 * release), r, p);
  const Diagnostic* d = FindWith(fast, "traffic/throughput", "provider queue");
  REQUIRE(d != nullptr);
  CHECK(d->level == Level::kWarning);
  CHECK(d->message.find("schedule.rate rate is faster than the provider releases 1 segments/s "
                        "per number") == 0);
  CHECK(d->span.line == 32);  // schedule.rate
  CHECK(fast.result.failed == 0);
  CHECK(fast.result.filtered == 0);
  CHECK(fast.result.late > 0);
  CHECK(fast.result.delivered == static_cast<int64_t>(n));
  // The last message leaves the queue about n / release seconds after the start.
  CHECK(fast.result.end - absl::FromCivil(absl::CivilMinute(2026, 12, 1, 10, 0),
                                          absl::FixedTimeZone(-5 * 3600)) >=
        absl::Seconds(static_cast<double>(n - 1) / release));
}

TEST_CASE("traffic/queue-expiry: messages that wait past the validity period fail") {
  Campaign c = MakeCampaign(Route::kP2P, 2 * P2P().queue.release[0].value);
  c.traffic.validity_period = At(absl::Seconds(30), 40);
  SimulationOutput out = Run(c, MakeRecipients(300), P2P());
  REQUIRE(CountRule(out, "traffic/queue-expiry", Level::kError) == 1);
  const Diagnostic* d = testing::FindRule(out, "traffic/queue-expiry");
  CHECK(d->message.find("the validity period (30s, traffic.validity_period)") != std::string::npos);
  CHECK(out.result.failed_queue > 0);
  CHECK(out.result.failed == out.result.failed_queue);
  CHECK(out.result.delivered + out.result.failed + out.result.filtered == 300);
  CHECK(d->message.find(WithCommas(out.result.failed_queue) + " of 300") != std::string::npos);
  // The provider maximum (10 hours) holds the same campaign without a loss.
  c.traffic.validity_period = {};
  SimulationOutput held = Run(c, MakeRecipients(300), P2P());
  CHECK(CountRule(held, "traffic/queue-expiry") == 0);
  CHECK(held.result.failed == 0);
}

TEST_CASE("traffic: 61 messages a minute is not an order of magnitude worse than 60") {
  RecipientTable r = MakeRecipients(900);
  SimulationOutput sixty = Run(MakeCampaign(Route::kP2P, 60.0 / 60), r, P2P());
  SimulationOutput sixty_one = Run(MakeCampaign(Route::kP2P, 61.0 / 60), r, P2P());
  CHECK(sixty.result.filtered == sixty_one.result.filtered);
  CHECK(sixty.result.failed == sixty_one.result.failed);
  CHECK(sixty_one.result.delivered >= sixty.result.delivered - 9);
}

TEST_CASE("traffic/throughput: the typical per-minute warning") {
  const size_t typical = CountOf(P2P(), "per-minute-typical");
  RecipientTable r = MakeRecipients(2 * typical + 10);
  SimulationOutput at = Run(MakeCampaign(Route::kP2P, typical / 60.0), r, P2P());
  CHECK(CountRule(at, "traffic/throughput") == 0);
  SimulationOutput below = Run(MakeCampaign(Route::kP2P, (typical - 1) / 60.0), r, P2P());
  CHECK(CountRule(below, "traffic/throughput") == 0);
  SimulationOutput above = Run(MakeCampaign(Route::kP2P, (typical + 1) / 60.0), r, P2P());
  CHECK(CountRule(above, "traffic/throughput", Level::kWarning) == 1);
  CHECK(CountRule(above, "traffic/throughput", Level::kError) == 0);
}

TEST_CASE("traffic/daily-volume: the p2p messages per day") {
  const size_t per_day = CountOf(P2P(), "per-day");
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  CHECK(CountRule(Run(c, MakeRecipients(per_day - 1), P2P()), "traffic/daily-volume") == 0);
  CHECK(CountRule(Run(c, MakeRecipients(per_day), P2P()), "traffic/daily-volume") == 0);
  SimulationOutput above = Run(c, MakeRecipients(per_day + 1), P2P());
  REQUIRE(CountRule(above, "traffic/daily-volume", Level::kError) == 1);
  CHECK(testing::FindRule(above, "traffic/daily-volume")
            ->message.find(absl::StrCat("(peak ", WithCommas(per_day + 1), ", 1 message")) !=
        std::string::npos);
  CHECK(testing::FindRule(above, "traffic/daily-volume")->span.line == 10);  // the sender
}

TEST_CASE("traffic/unique-recipients: the p2p distinct recipients per day") {
  const size_t limit = CountOf(P2P(), "unique-recipients");
  Campaign c = MakeCampaign(Route::kP2P, 0.1);
  CHECK(CountRule(Run(c, MakeRecipients(limit), P2P()), "traffic/unique-recipients") == 0);
  CHECK(CountRule(Run(c, MakeRecipients(limit + 1), P2P()), "traffic/unique-recipients",
                  Level::kWarning) == 1);
}

TEST_CASE("traffic/repetition and traffic/fan-out: one identical body") {
  const size_t repetition = CountOf(P2P(), "repetition");
  const size_t fan_out = CountOf(P2P(), "fan-out");
  REQUIRE(repetition + 1 <= fan_out);
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  SimulationOutput at = Run(c, MakeRecipients(repetition), P2P());
  CHECK(CountRule(at, "traffic/repetition") == 0);
  SimulationOutput above = Run(c, MakeRecipients(repetition + 1), P2P());
  CHECK(CountRule(above, "traffic/repetition", Level::kWarning) == 1);
  CHECK(testing::FindRule(above, "traffic/repetition")->template_id == "promo");
  CHECK(CountRule(above, "traffic/fan-out") == 0);
  CHECK(CountRule(Run(c, MakeRecipients(fan_out), P2P()), "traffic/fan-out") == 0);
  SimulationOutput above_fan_out = Run(c, MakeRecipients(fan_out + 1), P2P());
  CHECK(CountRule(above_fan_out, "traffic/fan-out", Level::kWarning) == 1);
  CHECK(testing::FindRule(above_fan_out, "traffic/fan-out")->span.line == 21);  // the body
}

TEST_CASE(
    "traffic/repetition: bodies differing only in digits or placeholder values are identical") {
  const size_t over = CountOf(P2P(), "repetition") + 1;
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  Template second = c.templates[0];
  second.id = At(std::string("promo2"), 24);
  second.body.value.text =
      "Acme: hi {{nickname}}, 30% off today at https://acme.com/x Reply STOP to opt out";
  c.templates.push_back(second);
  // Messages split across two templates with one masked body: still all identical.
  CHECK(CountRule(Run(c, MakeRecipients(over), P2P()), "traffic/repetition") == 1);
  c.templates[1].body.value.text = "Acme: a different message. Reply STOP to opt out";
  CHECK(CountRule(Run(c, MakeRecipients(over), P2P()), "traffic/repetition") == 0);
}

TEST_CASE("traffic/balance: reply rate against p2p tolerance") {
  REQUIRE(P2P().balance);
  const BalanceModel& balance = *P2P().balance;
  const size_t min_messages = static_cast<size_t>(balance.min_messages);
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  RecipientTable r = MakeRecipients(min_messages);
  CHECK(CountRule(Run(c, r, P2P()), "traffic/balance") == 0);  // no reply_rate
  c.traffic.reply_rate = At(0.04, 40);
  CHECK(CountRule(Run(c, MakeRecipients(min_messages - 1), P2P()), "traffic/balance") == 0);
  SimulationOutput over = Run(c, r, P2P());
  REQUIRE(CountRule(over, "traffic/balance", Level::kWarning) == 1);
  CHECK(testing::FindRule(over, "traffic/balance")->message.find("25:1") != std::string::npos);
  c.traffic.reply_rate = At(1.0 / (balance.tolerance - 0.5), 40);  // just inside the tolerance
  CHECK(CountRule(Run(c, r, P2P()), "traffic/balance") == 0);
  c.traffic.reply_rate = At(1.0 / (balance.tolerance + 0.1), 40);  // just beyond
  CHECK(CountRule(Run(c, r, P2P()), "traffic/balance") == 1);
  // reply_rate 0: said once, in words ("all outgoing outgoing" once).
  c.traffic.reply_rate = At(0.0, 40);
  SimulationOutput none = Run(c, r, P2P());
  REQUIRE(CountRule(none, "traffic/balance") == 1);
  const std::string& text = testing::FindRule(none, "traffic/balance")->message;
  CHECK(text.find("sends only outgoing messages, none incoming (reply_rate 0)") !=
        std::string::npos);
  CHECK(text.find("outgoing outgoing") == std::string::npos);
  CHECK(text.find("once a number sends 25 messages a day (") != std::string::npos);
}

TEST_CASE("traffic/carrier-cap: T-Mobile daily cap in segments, by trust score") {
  Profile p = testing::MustLoad("10dlc");
  REQUIRE(!p.caps.empty());
  const DailyCap& cap = p.caps[0];
  const int low_score = 20, high_score = 80;
  REQUIRE(cap.ValueFor(high_score, true) > cap.ValueFor(low_score, true));
  const double low = cap.ValueFor(low_score, true);
  // Enough recipients that T-Mobile's share is well over the low tier's cap in one day.
  const size_t n = static_cast<size_t>(2 * low / p.CarrierShareOf(cap.carrier));
  Campaign c = MakeCampaign(Route::k10DLC, 1.0);
  c.campaign.trust_score = At(low_score, 6);
  SimulationOutput over = Run(c, MakeRecipients(n), p);
  REQUIRE(CountRule(over, "traffic/carrier-cap", Level::kError) == 1);
  const Diagnostic* d = testing::FindRule(over, "traffic/carrier-cap");
  CHECK(d->message.find(cap.carrier) != std::string::npos);
  CHECK(d->message.find("(trust score 20)") != std::string::npos);
  CHECK(d->span.line == 6);  // campaign.trust_score
  // The messages over the cap fail: T-Mobile's messages less the cap's worth.
  const int64_t to_tmobile = over.result.failed_cap + static_cast<int64_t>(low);
  CHECK(to_tmobile == doctest::Approx(n * p.CarrierShareOf(cap.carrier)).epsilon(0.05));
  CHECK(over.result.failed == over.result.failed_cap);
  CHECK(over.result.delivered + over.result.failed == static_cast<int64_t>(n));
  CHECK(over.result.senders[0].first_violation_rule == "traffic/carrier-cap");
  // Two segments a message: the cap is reached after half as many messages.
  Campaign two = c;
  two.templates[0].body.value.text = std::string(200, 'a') + " Acme Reply STOP to opt out";
  SimulationOutput segments = Run(two, MakeRecipients(n), p);
  CHECK(segments.result.segments == 2 * static_cast<int64_t>(n));
  CHECK(segments.result.failed_cap == to_tmobile - static_cast<int64_t>(low / 2));
  // At trust 80 the cap is far away.
  c.campaign.trust_score = At(high_score, 6);
  CHECK(CountRule(Run(c, MakeRecipients(n), p), "traffic/carrier-cap") == 0);
}

TEST_CASE("traffic/carrier-cap: brand types have their own caps") {
  Profile p = testing::MustLoad("10dlc");
  Campaign c = MakeCampaign(Route::k10DLC, 1.0);
  c.campaign.trust_score = At(80, 6);
  c.campaign.brand_type = At(BrandType::kSoleProprietor, 7);
  SimulationOutput out = Run(c, MakeRecipients(6000), p);
  REQUIRE(CountRule(out, "traffic/carrier-cap", Level::kError) == 1);
  CHECK(testing::FindRule(out, "traffic/carrier-cap")->message.find("brand type sole_proprietor") !=
        std::string::npos);
}

TEST_CASE("traffic: toll-free faster than its release rate is late, not filtered") {
  Profile p = testing::MustLoad("toll_free");
  const double per_second = p.queue.release[0].value;
  Campaign c = MakeCampaign(Route::kTollFree, per_second);
  SimulationOutput at = Run(c, MakeRecipients(600), p);
  CHECK(at.result.late == 0);
  c.schedule.rate.value.per_second = per_second + 2;
  SimulationOutput fast = Run(c, MakeRecipients(600), p);
  CHECK(fast.result.filtered == 0);
  CHECK(fast.result.failed == 0);
  CHECK(fast.result.late > 0);
  CHECK(FindWith(fast, "traffic/throughput", "provider queue") != nullptr);
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
  const QuietHours& hours = P2P().quiet_hours;
  const int tuesday = 1;
  const int fl_end = hours.For("FL").days[tuesday].end;
  const int federal_begin = hours.federal.days[tuesday].begin;
  const int federal_end = hours.federal.days[tuesday].end;
  REQUIRE(fl_end < federal_end);
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  c.schedule.start = StartAt(fl_end - 2);  // New York time
  RecipientTable r =
      MakeRecipients(4, {"America/New_York", "America/Los_Angeles"}, {"", "FL", "NY"});
  // Row 0: NY zone, FL state; row 1: NY zone, NY state; rows 2, 3: LA.
  r.state = {1, 2, 0, 0};
  r.zone_set = {0, 0, 1, 1};
  SimulationOutput out = Run(c, r, P2P());
  // The FL row leaves two minutes before its window closes, the NY row one: none.
  CHECK(CountRule(out, "traffic/quiet-hours") == 0);
  r.state = {2, 1, 0, 0};  // the FL recipient is now second: one minute before; still none
  CHECK(CountRule(Run(c, r, P2P()), "traffic/quiet-hours") == 0);
  c.schedule.start = StartAt(fl_end - 1);
  out = Run(c, r, P2P());  // FL recipient as its window closes: one too late
  REQUIRE(CountRule(out, "traffic/quiet-hours", Level::kError) == 1);
  CHECK(out.result.quiet_hours == 1);
  const Diagnostic* d = testing::FindRule(out, "traffic/quiet-hours");
  REQUIRE(d->notes.size() == 1);
  CHECK(d->notes[0].find("America/New_York, FL: 1 message") == 0);
  // The federal window for NY; LA is three hours earlier and fine.
  c.schedule.start = StartAt(federal_end);
  r.state = {0, 0, 0, 0};
  out = Run(c, r, P2P());
  CHECK(out.result.quiet_hours == 2);
  c.schedule.start = StartAt(federal_end - 2);
  CHECK(Run(c, r, P2P()).result.quiet_hours == 0);
  // Early morning: a minute before the window opens is too early, the opening is fine.
  c.schedule.start = StartAt(federal_begin - 1);
  CHECK(Run(c, r, P2P()).result.quiet_hours == 1 + 2);  // row 0 and both LA rows
  // The recommended window keeps every message inside the allowed hours.
  c.schedule.window = At(DailyWindow{hours.recommended.begin, hours.recommended.end}, 33);
  CHECK(CountRule(Run(c, r, P2P()), "traffic/quiet-hours") == 0);
}

TEST_CASE("traffic/quiet-hours: the exempt use cases are not held to it") {
  const QuietHours& hours = P2P().quiet_hours;
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  c.schedule.start = StartAt(23 * 60);
  CHECK(CountRule(Run(c, MakeRecipients(3), P2P()), "traffic/quiet-hours") == 1);
  REQUIRE(!hours.exempt_use_cases.empty());
  for (UseCase use_case : hours.exempt_use_cases) {
    c.campaign.use_case = At(use_case, 3);
    CHECK(CountRule(Run(c, MakeRecipients(3), P2P()), "traffic/quiet-hours") == 0);
  }
  c.campaign.use_case = At(UseCase::kMarketing, 3);
  REQUIRE(!hours.Exempts(UseCase::kMarketing));
  CHECK(CountRule(Run(c, MakeRecipients(3), P2P()), "traffic/quiet-hours") == 1);
}

TEST_CASE("traffic: a slow compliant send stays clean") {
  Campaign c = MakeCampaign(Route::kP2P, 10.0 / 60);
  REQUIRE(10 < CountOf(P2P(), "per-minute-typical"));
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
  CHECK(testing::Recommend(c, MakeRecipients(60), P2P()).kind == Recommendation::Kind::kKeep);
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

TEST_CASE("traffic/opt-out-rate: the expected STOP rate against the carriers' flag") {
  const Profile& p = testing::P2P();
  REQUIRE(p.opt_out.has_value());
  Campaign c = testing::MakeCampaign(Route::kP2P, 10.0 / 60);
  const RecipientTable r =
      testing::MakeRecipients(static_cast<size_t>(p.opt_out->min_messages) + 50);
  // Below the flag: nothing.
  c.traffic.opt_out_rate = testing::At(p.opt_out->flag_rate / 2, 41);
  SimulationOutput below = testing::Run(c, r, p);
  CHECK(testing::CountRule(below, "traffic/opt-out-rate") == 0);
  // At twice the flag: a warning at traffic.opt_out_rate, and the filter weighs it in.
  c.traffic.opt_out_rate = testing::At(p.opt_out->flag_rate * 2, 41);
  SimulationOutput above = testing::Run(c, r, p);
  REQUIRE(testing::CountRule(above, "traffic/opt-out-rate", Level::kWarning) == 1);
  const Diagnostic* d = testing::FindRule(above, "traffic/opt-out-rate");
  CHECK(d->span.line == 41);
  CHECK(d->message.find("reaches the daily opt-out rate at which carriers flag a number") !=
        std::string::npos);
  // Too few messages in a day to judge: nothing.
  SimulationOutput few = testing::Run(c, testing::MakeRecipients(10), p);
  CHECK(testing::CountRule(few, "traffic/opt-out-rate") == 0);
}

}  // namespace
}  // namespace smslint
