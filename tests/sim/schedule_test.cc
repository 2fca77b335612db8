// The event source: windows, days, DST, midnight, multi-day queues, determinism.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <iterator>
#include <limits>
#include <map>

#include "sim/local_time.h"
#include "sim/plan_inputs.h"
#include "sim/simulator.h"
#include "sim/sliding_window.h"
#include "sim_test_util.h"

namespace smslint {
namespace {

using testing::At;
using testing::MakeCampaign;
using testing::MakeRecipients;
using testing::Micros;

const Profile& P2P() {
  static const Profile p = testing::MustLoad("p2p");
  return p;
}

SendPlan Plan(const Campaign& c, const RecipientTable& r, uint64_t seed = 1) {
  SimulationInput in;
  in.campaign = &c;
  in.recipients = &r;
  in.profile = &P2P();
  in.seed = seed;
  return PlanSends(in);
}

TEST_CASE("schedule: rate per sender from the start, round robin over senders") {
  Campaign c = MakeCampaign(Route::kP2P, 0.5, 2);
  SendPlan plan = Plan(c, MakeRecipients(6));
  REQUIRE(plan.events.size() == 6);
  const int64_t start = Micros(absl::CivilSecond(2026, 12, 1, 10, 0, 0), "America/New_York");
  // Sender 0 gets rows 0, 2, 4 every 2 s; sender 1 rows 1, 3, 5.
  CHECK(plan.events[0].sender == 0);
  CHECK(plan.events[0].row == 0);
  CHECK(plan.events[0].time_us() == start);
  CHECK(plan.events[1].row == 2);
  CHECK(plan.events[1].time_us() == start + 2'000'000);
  CHECK(plan.events[3].sender == 1);
  CHECK(plan.events[3].row == 1);
  CHECK(plan.events[3].time_us() == start);
}

TEST_CASE("schedule: sticky senders keep a recipient on one number") {
  Campaign c = MakeCampaign(Route::kP2P, 1, 3);
  c.traffic.sender_strategy = At(SenderStrategy::kSticky);
  RecipientTable a = MakeRecipients(50);
  RecipientTable b = MakeRecipients(50);
  std::reverse(b.e164.begin(), b.e164.end());
  auto sender_of = [](const SendPlan& plan, const RecipientTable& t) {
    std::map<uint64_t, int> m;
    for (const SendEvent& e : plan.events) m[t.e164[e.row]] = e.sender;
    return m;
  };
  CHECK(sender_of(Plan(c, a), a) == sender_of(Plan(c, b), b));
}

TEST_CASE("schedule: invalid, duplicate and suppressed rows are never sent") {
  RecipientTable r = MakeRecipients(5);
  r.flags[1] = kRecipientInvalid;
  r.flags[2] = kRecipientDuplicate;
  r.flags[3] = kRecipientSuppressed;
  r.flags[4] = kRecipientNoConsent;
  SendPlan plan = Plan(MakeCampaign(Route::kP2P, 1), r);
  REQUIRE(plan.events.size() == 2);
  CHECK(plan.events[0].row == 0);
  CHECK(plan.events[1].row == 4);
}

TEST_CASE("schedule: A/B weights are drawn deterministically from the seed") {
  Campaign c = MakeCampaign(Route::kP2P, 1);
  Template b = c.templates[0];
  b.id = At(std::string("b"));
  b.weight = At(1.0);
  c.templates[0].weight = At(3.0);
  c.templates.push_back(b);
  RecipientTable r = MakeRecipients(4000);
  SendPlan one = Plan(c, r, 7);
  int a_count = 0;
  for (const SendEvent& e : one.events) a_count += e.template_index == 0;
  CHECK(a_count > 2850);
  CHECK(a_count < 3150);
  SendPlan again = Plan(c, r, 7);
  SendPlan other = Plan(c, r, 8);
  bool same = true, differs = false;
  for (size_t i = 0; i < one.events.size(); ++i) {
    same &= one.events[i].template_index == again.events[i].template_index;
    differs |= one.events[i].template_index != other.events[i].template_index;
  }
  CHECK(same);
  CHECK(differs);
}

TEST_CASE("schedule: what misses the window waits for the next day (midnight rollover)") {
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 16, 0), 30);  // Tuesday
  c.schedule.window = At(DailyWindow{9 * 60, 17 * 60}, 33);
  SendPlan plan = Plan(c, MakeRecipients(120));
  REQUIRE(plan.events.size() == 120);
  CHECK(plan.events[59].time_us() ==
        Micros(absl::CivilSecond(2026, 12, 1, 16, 59, 0), "America/New_York"));
  CHECK(!plan.events[59].late());
  CHECK(plan.events[60].time_us() ==
        Micros(absl::CivilSecond(2026, 12, 2, 9, 0, 0), "America/New_York"));
  CHECK(plan.events[60].late());
  CHECK(plan.events[119].time_us() ==
        Micros(absl::CivilSecond(2026, 12, 2, 9, 59, 0), "America/New_York"));
}

TEST_CASE(
    "schedule: days of the week skip the weekend, multi-day queue reports late and duration") {
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 4, 16, 0), 30);  // Friday
  c.schedule.window = At(DailyWindow{9 * 60, 17 * 60}, 33);
  c.schedule.days = At(std::vector<absl::Weekday>{absl::Weekday::monday, absl::Weekday::tuesday,
                                                  absl::Weekday::wednesday, absl::Weekday::thursday,
                                                  absl::Weekday::friday},
                       34);
  RecipientTable r = MakeRecipients(60 + 480 + 10);
  SendPlan plan = Plan(c, r);
  CHECK(plan.events[60].time_us() ==
        Micros(absl::CivilSecond(2026, 12, 7, 9, 0, 0), "America/New_York"));
  CHECK(plan.events.back().time_us() ==
        Micros(absl::CivilSecond(2026, 12, 8, 9, 9, 0), "America/New_York"));
  SimulationOutput out = testing::Run(c, r, P2P());
  CHECK(out.result.late == 490);
  const Diagnostic* d = nullptr;
  for (const Diagnostic& x : out.diagnostics) {
    if (x.rule == "traffic/stale-delivery" && x.level == Level::kInfo) d = &x;
  }
  REQUIRE(d != nullptr);
  CHECK(d->message.find("490 messages do not fit") == 0);
  CHECK(d->message.find("2026-12-08 09:09:00 EST") != std::string::npos);
}

TEST_CASE("schedule: the window is recipient-local, per zone") {
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 8, 0), 30);
  c.schedule.window = At(DailyWindow{9 * 60, 20 * 60}, 33);
  RecipientTable r = MakeRecipients(2, {"America/Los_Angeles", "America/New_York"});
  r.zone_set = {0, 1};
  SendPlan plan = Plan(c, r);
  REQUIRE(plan.events.size() == 2);
  // New York opens first though its row comes second.
  CHECK(plan.events[0].row == 1);
  CHECK(plan.events[0].time_us() ==
        Micros(absl::CivilSecond(2026, 12, 1, 9, 0, 0), "America/New_York"));
  CHECK(plan.events[1].time_us() ==
        Micros(absl::CivilSecond(2026, 12, 1, 9, 0, 0), "America/Los_Angeles"));
}

// Arizona's 602 may be Denver or Phoenix: in July Denver is an hour ahead, so a
// 09:00-20:00 window opens at 09:00 Phoenix (10:00 Denver) and closes at 19:00
// Phoenix (20:00 Denver); in December both clocks agree.
TEST_CASE("schedule: a number with several candidate zones waits until all are open") {
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 3600);  // one message an hour
  c.schedule.timezone = At(std::string("America/Los_Angeles"), 31);
  c.schedule.start = At(absl::CivilMinute(2027, 7, 6, 6, 0), 30);
  c.schedule.window = At(DailyWindow{9 * 60, 20 * 60}, 33);
  RecipientTable r = MakeRecipients(12, {"America/Denver", "America/Phoenix"});
  r.zone_sets = {{"America/Denver", "America/Phoenix"}};
  SendPlan plan = Plan(c, r);
  REQUIRE(plan.events.size() == 12);
  CHECK(plan.events[0].time_us() ==
        Micros(absl::CivilSecond(2027, 7, 6, 9, 0, 0), "America/Phoenix"));
  // 10 hourly sends fit 09:00-18:59 Phoenix; the 11th waits for the next morning.
  CHECK(plan.events[9].time_us() ==
        Micros(absl::CivilSecond(2027, 7, 6, 18, 0, 0), "America/Phoenix"));
  CHECK(plan.events[10].time_us() ==
        Micros(absl::CivilSecond(2027, 7, 7, 9, 0, 0), "America/Phoenix"));
  CHECK(plan.events[10].late());
  // December: one clock, the window closes at 20:00 Phoenix.
  c.schedule.start = At(absl::CivilMinute(2026, 12, 8, 6, 0), 30);
  SendPlan winter = Plan(c, r);
  REQUIRE(winter.events.size() == 12);
  CHECK(winter.events[10].time_us() ==
        Micros(absl::CivilSecond(2026, 12, 8, 19, 0, 0), "America/Phoenix"));
}

TEST_CASE("schedule: DST spring forward and fall back move the UTC window") {
  absl::TimeZone ny;
  REQUIRE(absl::LoadTimeZone("America/New_York", &ny));
  const DailyWindow window{8 * 60, 9 * 60};
  // Saturday 2026-03-07 08:00 EST = 13:00 UTC; Sunday 2026-03-08 08:00 EDT = 12:00 UTC.
  OpenInterval sat =
      NextOpenInterval(ny, Micros(absl::CivilSecond(2026, 3, 7, 0, 0, 0), "UTC"), window, 0x7f);
  CHECK(sat.open_us == Micros(absl::CivilSecond(2026, 3, 7, 13, 0, 0), "UTC"));
  OpenInterval sun = NextOpenInterval(ny, sat.close_us, window, 0x7f);
  CHECK(sun.open_us == Micros(absl::CivilSecond(2026, 3, 8, 12, 0, 0), "UTC"));
  // Fall back: Sunday 2026-11-01 08:00 EST = 13:00 UTC.
  OpenInterval nov =
      NextOpenInterval(ny, Micros(absl::CivilSecond(2026, 10, 31, 14, 0, 0), "UTC"), window, 0x7f);
  CHECK(nov.open_us == Micros(absl::CivilSecond(2026, 11, 1, 13, 0, 0), "UTC"));

  // The local clock agrees through the change, minute by minute.
  LocalClock clock(ny);
  for (int64_t t = Micros(absl::CivilSecond(2026, 3, 8, 5, 0, 0), "UTC");
       t < Micros(absl::CivilSecond(2026, 3, 8, 9, 0, 0), "UTC"); t += 60'000'000) {
    const absl::CivilSecond cs = ny.At(absl::FromUnixMicros(t)).cs;
    const LocalMoment m = clock.At(t);
    CHECK(m.minute_of_day == cs.hour() * 60 + cs.minute());
    CHECK(m.weekday == 6);  // Sunday
  }
  for (int64_t t = Micros(absl::CivilSecond(2026, 11, 1, 4, 0, 0), "UTC");
       t < Micros(absl::CivilSecond(2026, 11, 1, 8, 0, 0), "UTC"); t += 60'000'000) {
    const absl::CivilSecond cs = ny.At(absl::FromUnixMicros(t)).cs;
    CHECK(clock.At(t).minute_of_day == cs.hour() * 60 + cs.minute());
  }
}

// LocalClock keeps its answer for the last local minute: whatever the order of the
// times asked (forward by seconds, back, far off), each answer is absl's, through a
// DST change, in a zone whose offset was not whole minutes (New York's local mean
// time before 1883, UTC-4:56:02) and on a half-hour zone.
TEST_CASE("schedule: the local clock's kept minute is always absl's answer") {
  for (const char* name : {"America/New_York", "Asia/Kolkata", "Australia/Adelaide"}) {
    CAPTURE(name);
    absl::TimeZone zone;
    REQUIRE(absl::LoadTimeZone(name, &zone));
    LocalClock clock(zone);
    auto check = [&](int64_t t) {
      CAPTURE(t);
      const absl::TimeZone::CivilInfo info = zone.At(absl::FromUnixMicros(t));
      const absl::CivilSecond cs = info.cs;
      const LocalMoment m = clock.At(t);
      CHECK(m.minute_of_day == cs.hour() * 60 + cs.minute());
      CHECK(m.day == (absl::CivilDay(cs) - absl::CivilDay(1970, 1, 1)));
      CHECK(m.weekday == WeekdayOfDay(m.day));
    };
    for (const absl::CivilSecond from :
         {absl::CivilSecond(2026, 3, 8, 6, 58, 0), absl::CivilSecond(2026, 11, 1, 5, 58, 0),
          absl::CivilSecond(1883, 11, 18, 16, 58, 0), absl::CivilSecond(1850, 6, 1, 11, 58, 0)}) {
      const int64_t start = Micros(from, "UTC");
      // Forward a second and a bit at a time for ten minutes, then the same times
      // backwards, then jumps of a day and back.
      for (int64_t t = start; t < start + 600'000'000; t += 1'000'003) check(t);
      for (int64_t t = start + 600'000'000; t >= start; t -= 999'983) check(t);
      for (int k = 0; k < 20; ++k) check(start + (k % 2 == 0 ? k : -k) * 86'400'000'000 + k);
    }
    check(-1);  // the second before the epoch
    check(0);
  }
}

TEST_CASE("schedule: a campaign across spring forward counts quiet hours in local time") {
  Campaign c = MakeCampaign(Route::kP2P, 1.0 / 60);
  // Sunday 2026-03-08 06:30 EDT... 120 messages at 1/min: 06:30 to 08:29 local.
  c.schedule.start = At(absl::CivilMinute(2026, 3, 8, 6, 30), 30);
  SimulationOutput out = testing::Run(c, MakeRecipients(120), P2P());
  CHECK(out.result.quiet_hours == 90);  // 06:30-07:59
  // Starting 00:30 EST, the skipped hour 02:00-03:00 does not exist: 08:00 EDT comes
  // after 6.5 hours of minutes, not 7.5.
  c.schedule.start = At(absl::CivilMinute(2026, 3, 8, 0, 30), 30);
  out = testing::Run(c, MakeRecipients(420), P2P());
  CHECK(out.result.quiet_hours == 390);
}

// Adds `events` times, `next_gap(i, x)` apart from `start` (x: a new random number
// for each), to a SlidingCounts and checks every answer against a count of the times
// within each window.
void CheckSlidingCounts(int events, int64_t start, uint64_t seed,
                        const std::function<int64_t(int, uint64_t)>& next_gap) {
  SlidingCounts counts;
  std::vector<int64_t> times;
  uint64_t x = seed;
  int64_t t = start;
  for (int i = 0; i < events; ++i) {
    x = Mix64(x);
    t += next_gap(i, x);
    times.push_back(t);
    const SlidingCounts::Counts c = counts.Add(t);
    for (int w = 0; w < kWindowCount; ++w) {
      const int64_t cutoff = t - WindowMicros(static_cast<Window>(w));
      const auto first = std::upper_bound(times.begin(), times.end(), cutoff);
      REQUIRE(c[w] == times.end() - first);
    }
  }
}

TEST_CASE("sliding counts match a brute-force count") {
  CheckSlidingCounts(5000, 0, 1, [](int i, uint64_t x) {
    return static_cast<int64_t>(x % 3'000'000'000ULL) / (1 + (i % 7) * 50);
  });
}

// Bursts of thousands of events a second between quiet hours: many blocks live at
// once (the ring of blocks widens, then wraps as the day's first ones are dropped).
TEST_CASE("sliding counts: bursts that keep many blocks live") {
  CheckSlidingCounts(60000, 0, 11, [](int i, uint64_t x) {
    return i % 20000 < 15000 ? static_cast<int64_t>(x % 400) : static_cast<int64_t>(x % 30'000'000);
  });
}

TEST_CASE("sliding counts: 40-bit offsets survive gaps of weeks, bursts and times before 1970") {
  // Gaps from 0 to 30 days (past the 2^40 us = 12.7 days an offset holds), so the base
  // moves both when the buffer empties and while a day of events is live.
  const int64_t gaps[] = {0,
                          1,
                          999'999,
                          59'000'000,
                          3'599'999'999,
                          86'399'999'999,
                          86'400'000'000,
                          (int64_t{1} << 40) - 1,
                          int64_t{30} * 86'400'000'000};
  // Mostly dense sends, two minutes apart on average (weeks with a day's events live
  // at every step), now and then a gap from the list; from 1967.
  CheckSlidingCounts(30000, -int64_t{3} * 365 * 86'400'000'000, 7, [&](int, uint64_t x) {
    return x % 8192 == 0 ? gaps[(x >> 10) % std::size(gaps)]
                         : static_cast<int64_t>((x >> 16) % 240'000'000);
  });
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

// Rates the loader refuses, built in code: the plan's arithmetic saturates at the
// horizon instead of overflowing, and the simulation still ends (UBSan-clean).
TEST_CASE("schedule: absurd rates saturate at the horizon, never overflow") {
  for (double rate : {1e-12, 1e-300, 4.9e-324, 1e300, std::numeric_limits<double>::infinity()}) {
    CAPTURE(rate);
    for (bool window : {false, true}) {
      Campaign c = testing::MakeCampaign(Route::kP2P, rate);
      if (window) {
        c.schedule.window = testing::At(DailyWindow{9 * 60, 20 * 60});
        c.schedule.days = testing::At(std::vector<absl::Weekday>{absl::Weekday::monday});
      }
      RecipientTable r = MakeRecipients(100);
      SendPlan plan = Plan(c, r);
      REQUIRE(plan.events.size() == 100);
      for (size_t i = 1; i < plan.events.size(); ++i) {
        CHECK(plan.events[i].time_us() >= plan.events[i - 1].time_us());
        CHECK(plan.events[i].time_us() <= kLatestPlanTimeUs);
      }
      SimulationInput in;
      in.campaign = &c;
      in.recipients = &r;
      in.profile = &P2P();
      SimulationOutput out = Simulate(in, plan);
      // A message per 31,700 years or slower: the send passes the horizon and is not
      // simulated (one error says so); at the fastest rates all 100 are.
      const bool slow = rate < 1;
      CHECK((plan.past_horizon > 0) == slow);
      CHECK(out.simulated == !slow);
      CHECK(out.result.messages == (slow ? 0 : 100));
      if (slow) {
        REQUIRE(out.diagnostics.size() == 1);
        CHECK(out.diagnostics[0].rule == "traffic/stale-delivery");
        CHECK(out.diagnostics[0].level == Level::kError);
        CHECK(out.diagnostics[0].message.find("does not end before") != std::string::npos);
      }
    }
  }
}

// `campaign` simulated on `rows` recipients under the P2P profile.
SimulationOutput SimulateP2P(const Campaign& campaign, int rows) {
  const RecipientTable r = MakeRecipients(rows);
  SimulationInput in;
  in.campaign = &campaign;
  in.recipients = &r;
  in.profile = &P2P();
  return Simulate(in);
}

TEST_CASE("schedule: a send that ends before the horizon is simulated, one that does not is not") {
  // One message a year from one number: the send of n messages runs n - 1 years.
  // From 2026 the horizon (kLatestPlanTimeUs, the year 33658) is some 31,600 years
  // away: 30,000 messages end before it, 33,000 do not.
  const double per_year = 1.0 / (365.25 * 86400);
  for (const auto& [rows, fits] : {std::pair{30'000, true}, std::pair{33'000, false}}) {
    CAPTURE(rows);
    SimulationOutput out = SimulateP2P(testing::MakeCampaign(Route::kP2P, per_year), rows);
    CHECK(out.simulated == fits);
    CHECK(out.result.messages == (fits ? rows : 0));
    CHECK(testing::CountRule(out, "traffic/stale-delivery", Level::kError) == (fits ? 0 : 1));
    if (!fits) {
      // Only the messages that would still be waiting at the horizon are counted.
      CHECK(out.diagnostics.size() == 1);
      CHECK(out.diagnostics[0].message.find(" of 33,000 messages would still be waiting") !=
            std::string::npos);
    }
  }
}

TEST_CASE("schedule: the charts stay within 250,000 values over all series, in whole local days") {
  // 100 numbers, a message every 30 days each, three series a number: 833 values a
  // series. 28 messages a number run 810 days: daily buckets fit. 200 messages a
  // number run 16.4 years (5,970 days): the buckets widen to 8 days.
  for (const auto& [rows, days] : {std::pair{2'800, 1}, std::pair{20'000, 8}}) {
    CAPTURE(rows);
    SimulationOutput out =
        SimulateP2P(testing::MakeCampaign(Route::kP2P, 1.0 / (30 * 86400), 100), rows);
    REQUIRE(out.simulated);
    REQUIRE(out.result.senders.size() == 100);
    size_t values = 0;
    int64_t sends = 0;
    absl::TimeZone ny;
    REQUIRE(absl::LoadTimeZone("America/New_York", &ny));
    for (const SenderStats& s : out.result.senders) {
      for (const TimeSeries* series : {&s.sends, &s.filtered_series, &s.quiet_series}) {
        CHECK(series->bucket == absl::Hours(24 * days));
        // Days start at the schedule zone's midnight, not UTC's (19:00 in New York).
        const absl::CivilSecond local = absl::ToCivilSecond(series->start, ny);
        CHECK(local.hour() == 0);
        CHECK(local.minute() == 0);
        values += series->values.size();
      }
      for (double v : s.sends.values) sends += static_cast<int64_t>(v);
    }
    CHECK(values <= 250'000);
    CHECK(values >= 150'000 / days);
    CHECK(sends == rows);  // every message in some bucket
  }
}

}  // namespace
}  // namespace smslint
