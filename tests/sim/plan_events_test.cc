// The compact plan: SendEvent's packing, PlanSends against the straightforward
// scan over every place per message that it replaced, and the queue's release order
// (kept only when it is not the plan's own).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <tuple>
#include <vector>

#include "campaign/time_zones.h"
#include "sim/local_time.h"
#include "sim/plan_inputs.h"
#include "sim/provider_queue.h"
#include "sim/recipient_zones.h"
#include "sim/simulator.h"
#include "sim_test_util.h"

namespace smslint {
namespace {

using testing::At;
using testing::MakeCampaign;
using testing::MakeRecipients;

// The template draw in double arithmetic, as TemplateDraw is specified: the 53 bits
// scaled to [0, total), then the count of cumulative ends at or below it.
int DrawTemplateBits(const std::vector<double>& cumulative, uint64_t bits) {
  if (cumulative.size() <= 1) return 0;
  const double u = static_cast<double>(bits) * (1.0 / 9007199254740992.0) * cumulative.back();
  size_t k = 0;
  for (double end : cumulative) k += static_cast<size_t>(end <= u);
  return static_cast<int>(std::min(k, cumulative.size() - 1));
}
int DrawTemplate(const std::vector<double>& cumulative, uint64_t seed, uint64_t row) {
  return DrawTemplateBits(cumulative, TemplateBits(seed, row));
}

TEST_CASE("send event: 16 bytes, time and late flag round-trip over the plan's range") {
  static_assert(sizeof(SendEvent) == 16);
  for (int64_t t : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{1'764'601'200'000'000},
                    int64_t{-62'135'596'800'000'000}, kLatestPlanTimeUs, -kLatestPlanTimeUs,
                    kLatestPlanTimeUs - 1, -kLatestPlanTimeUs + 1}) {
    for (bool late : {false, true}) {
      CAPTURE(t);
      CAPTURE(late);
      SendEvent e(t, 4'000'000'000u, 65535, 65534, late);
      CHECK(e.time_us() == t);
      CHECK(e.late() == late);
      CHECK(e.row == 4'000'000'000u);
      CHECK(e.sender == 65535);
      CHECK(e.template_index == 65534);
      e.set_late(!late);
      CHECK(e.time_us() == t);
      CHECK(e.late() == !late);
      e.set_time_us(-t + 3);
      CHECK(e.time_us() == -t + 3);
      CHECK(e.late() == !late);
    }
  }
  const SendEvent zero;
  CHECK(zero.time_us() == 0);
  CHECK_FALSE(zero.late());
  CHECK(zero.row == 0);
}

// The plan as PlanSends made it before the heap: every place looked at for every
// message (kept here as the oracle).
std::vector<SendEvent> ReferencePlan(const SimulationInput& input) {
  const Campaign& campaign = *input.campaign;
  const Schedule& schedule = campaign.schedule;
  const absl::TimeZone schedule_zone = ScheduleTimeZone(campaign);
  const absl::Time start = absl::FromCivil(schedule.start.value, schedule_zone);
  double rate = schedule.rate.present ? schedule.rate->per_second : 0;
  if (!(rate > 0)) rate = ProfileMaxRate(*input.profile);
  const double interval = std::ceil(1e6 / rate - 1e-6);
  const int64_t interval_us =
      interval >= static_cast<double>(kLatestPlanTimeUs)
          ? kLatestPlanTimeUs
          : std::max<int64_t>(1, static_cast<int64_t>(std::max(interval, 1.0)));
  const int64_t start_us = std::clamp(ToMicros(start), -kLatestPlanTimeUs, kLatestPlanTimeUs);
  const RecipientTable& table = *input.recipients;
  const int senders = SenderCount(campaign);
  const RecipientZones zones = ResolveRecipientZones(&table, schedule_zone, start);
  const size_t zone_count = zones.places.size();
  const std::vector<double> cumulative = CumulativeWeights(campaign);
  const size_t rows = table.size();
  std::vector<uint16_t> row_sender(rows), row_template(rows);
  std::vector<uint32_t> bucket_size(static_cast<size_t>(senders) * zone_count + 1, 0);
  int64_t next_round_robin = 0;
  const bool sticky = campaign.traffic.sender_strategy.present &&
                      campaign.traffic.sender_strategy.value == SenderStrategy::kSticky;
  for (size_t r = 0; r < rows; ++r) {
    if (!RowIsSent(table, r)) continue;
    row_template[r] = static_cast<uint16_t>(DrawTemplate(cumulative, input.seed, r));
    row_sender[r] = static_cast<uint16_t>(sticky ? Mix64(table.e164[r] ^ 0x5bd1e995ULL) % senders
                                                 : next_round_robin++ % senders);
    ++bucket_size[row_sender[r] * zone_count + zones.PlaceOfRow(table, r) + 1];
  }
  for (size_t b = 1; b < bucket_size.size(); ++b) bucket_size[b] += bucket_size[b - 1];
  std::vector<uint32_t> ordered(bucket_size.back());
  std::vector<uint32_t> fill(bucket_size.begin(), bucket_size.end() - 1);
  for (size_t r = 0; r < rows; ++r) {
    if (!RowIsSent(table, r)) continue;
    ordered[fill[row_sender[r] * zone_count + zones.PlaceOfRow(table, r)]++] =
        static_cast<uint32_t>(r);
  }
  const bool has_window = schedule.window.present || schedule.days.present;
  const DailyWindow window = schedule.window.present ? schedule.window.value : DailyWindow{};
  const uint8_t day_mask = schedule.days.present ? WeekdayMask(schedule.days.value) : 0x7f;
  std::vector<int64_t> first_close(zone_count, INT64_MAX);
  if (has_window) {
    for (size_t z = 0; z < zone_count; ++z) {
      first_close[z] = NextOpenIntervalInAll(zones, z, start_us, window, day_mask).close_us;
    }
  }
  std::vector<SendEvent> events;
  std::vector<OpenInterval> open(zone_count);
  std::vector<uint32_t> head(zone_count), end(zone_count);
  for (int s = 0; s < senders; ++s) {
    for (size_t z = 0; z < zone_count; ++z) {
      head[z] = bucket_size[s * zone_count + z];
      end[z] = bucket_size[s * zone_count + z + 1];
      open[z] = {INT64_MIN, INT64_MIN};
    }
    int64_t t = start_us;
    for (;;) {
      size_t best = zone_count;
      int64_t next_open = INT64_MAX;
      bool pending = false;
      const bool at_horizon = t >= kLatestPlanTimeUs;
      for (size_t z = 0; z < zone_count; ++z) {
        if (head[z] == end[z]) continue;
        pending = true;
        if (has_window && !at_horizon) {
          if (t >= open[z].close_us) open[z] = NextOpenIntervalInAll(zones, z, t, window, day_mask);
          if (t < open[z].open_us) {
            next_open = std::min(next_open, open[z].open_us);
            continue;
          }
        }
        if (best == zone_count || ordered[head[z]] < ordered[head[best]]) best = z;
      }
      if (!pending) break;
      if (best == zone_count) {
        t = std::min(next_open, kLatestPlanTimeUs);
        continue;
      }
      const uint32_t row = ordered[head[best]++];
      events.emplace_back(t, row, static_cast<uint16_t>(s), row_template[row],
                          t >= first_close[best]);
      t = std::min(t + interval_us, kLatestPlanTimeUs);
    }
  }
  return events;
}

bool SameEvents(const std::vector<SendEvent>& a, const std::vector<SendEvent>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].time_us() != b[i].time_us() || a[i].late() != b[i].late() || a[i].row != b[i].row ||
        a[i].sender != b[i].sender || a[i].template_index != b[i].template_index) {
      return false;
    }
  }
  return true;
}

TEST_CASE("schedule: the plan is the every-place scan's, event for event") {
  const Profile& p2p = testing::P2P();
  // Places with one zone and with several (a prefix across zones), rows not sent.
  RecipientTable r = MakeRecipients(
      3000, {"America/New_York", "America/Chicago", "America/Los_Angeles", "Pacific/Honolulu"});
  r.zone_sets.push_back({"America/Denver", "America/Phoenix"});
  r.zone_sets.push_back({"America/New_York", "America/Los_Angeles"});
  r.zone_sets.push_back({});
  for (size_t i = 0; i < r.size(); ++i) {
    r.zone_set[i] = static_cast<uint16_t>(Mix64(i) % r.zone_sets.size());
    if (i % 37 == 5) r.flags[i] = kRecipientDuplicate;
  }
  struct Shape {
    double rate;
    int senders;
    bool window;
    bool weekdays;
    bool sticky;
    absl::CivilMinute start;
  };
  const std::vector<Shape> shapes = {
      {1.0, 1, true, false, false, absl::CivilMinute(2026, 12, 1, 10, 0)},
      {0.05, 3, true, true, false, absl::CivilMinute(2026, 12, 4, 19, 30)},
      {0.02, 2, true, false, true, absl::CivilMinute(2027, 3, 13, 8, 0)},  // across DST
      {0.01, 1, false, true, false, absl::CivilMinute(2026, 11, 1, 1, 30)},
      {5.0, 4, false, false, true, absl::CivilMinute(2026, 12, 1, 23, 59)},
      {1e-9, 2, true, false, false, absl::CivilMinute(2026, 12, 1, 10, 0)},  // the horizon
  };
  for (const Shape& shape : shapes) {
    CAPTURE(shape.rate);
    CAPTURE(shape.senders);
    Campaign c = MakeCampaign(Route::kP2P, shape.rate, shape.senders);
    c.schedule.start = At(shape.start, 30);
    Template t = c.templates[0];
    t.id = At(std::string("second"));
    t.weight = At(2.5);
    c.templates.push_back(t);
    if (shape.window) c.schedule.window = At(DailyWindow{9 * 60, 17 * 60 + 30}, 33);
    if (shape.weekdays) {
      c.schedule.days = At(std::vector<absl::Weekday>{
          absl::Weekday::monday, absl::Weekday::wednesday, absl::Weekday::friday});
    }
    if (shape.sticky) c.traffic.sender_strategy = At(SenderStrategy::kSticky);
    SimulationInput in = testing::InputOf(c, r, p2p, 7, {});
    const SendPlan plan = PlanSends(in);
    const std::vector<SendEvent> reference = ReferencePlan(in);
    CHECK(plan.events.size() == reference.size());
    CHECK(SameEvents(plan.events, reference));
  }
}

TEST_CASE("TemplateDraw: the same template as DrawTemplate for every draw, at every edge") {
  const std::vector<std::vector<double>> tables = {
      {1},
      {1, 2, 3, 4, 5},                 // five templates, equal weights
      {0.1, 0.3, 0.6000000000000001},  // weights that do not sum exactly
      {1e-9, 1e-9, 3},                 // a zero weight between two
      {0, 0, 7},                       // leading zero weights
      {2.5, 2.5, 2.5},                 // only the first can be drawn
      {1e-300, 2e-300},                // tiny totals
      {1e300, 1.5e300},                // huge ones
      {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}};  // > 16
  for (const std::vector<double>& cumulative : tables) {
    CAPTURE(cumulative.size());
    const TemplateDraw draw(cumulative);
    for (uint64_t seed : {uint64_t{0}, uint64_t{1}, uint64_t{0x9e3779b97f4a7c15}}) {
      for (uint64_t row = 0; row < 20'000; ++row) {
        REQUIRE(draw(seed, row) == DrawTemplate(cumulative, seed, row));
      }
    }
  }
  // The draws on either side of each end, where a rounding difference would show.
  for (const std::vector<double>& cumulative : tables) {
    CAPTURE(cumulative.size());
    const TemplateDraw draw(cumulative);
    for (double end : cumulative) {
      const double at = std::floor(end / cumulative.back() * 9007199254740992.0);
      for (int64_t d = -4; d <= 4; ++d) {
        const double bits = at + static_cast<double>(d);
        if (bits < 0 || bits >= 9007199254740992.0) continue;
        const uint64_t b = static_cast<uint64_t>(bits);
        REQUIRE(draw.OfBits(b) == DrawTemplateBits(cumulative, b));
      }
    }
  }
}

TEST_CASE("ReleaseTimes: waits in 32 bits, then 40, odd releases in the side table") {
  constexpr int64_t kSubmit = 1'796'000'000'000'000;  // 2026-12
  const std::vector<int64_t> short_waits = {
      0, 1, 59'999'999, (int64_t{1} << 31) - 1, int64_t{1} << 31, (int64_t{1} << 32) - 2};
  const std::vector<int64_t> wide_waits = {(int64_t{1} << 32) - 1, int64_t{1} << 32,
                                           int64_t{36'000} * 1'000'000,  // the 10-hour limit
                                           (int64_t{1} << 40) - 2};
  const std::vector<int64_t> long_waits = {(int64_t{1} << 40) - 1, int64_t{1} << 40,
                                           int64_t{100} * 365 * 86'400'000'000, -1,
                                           -(int64_t{1} << 33)};
  for (const bool wide_first : {false, true}) {
    CAPTURE(wide_first);
    std::vector<int64_t> waits;
    // Long and short waits before the first wide one (kept as they were when the fifth
    // byte comes), or after it.
    if (wide_first) waits.insert(waits.end(), wide_waits.begin(), wide_waits.end());
    waits.insert(waits.end(), long_waits.begin(), long_waits.end());
    waits.insert(waits.end(), short_waits.begin(), short_waits.end());
    if (!wide_first) waits.insert(waits.end(), wide_waits.begin(), wide_waits.end());
    ReleaseTimes times;
    times.Resize(waits.size() + 2);
    for (size_t i = 0; i < waits.size(); ++i) {
      times.Set(i, kSubmit, kSubmit + waits[i]);
      CHECK(times.wide() == (wide_first || i >= long_waits.size() + short_waits.size()));
    }
    // A release saturated at the end of time, and a submission before the epoch.
    times.Set(waits.size(), -kSubmit, INT64_MAX);
    times.Set(waits.size() + 1, -kSubmit, -kSubmit + 5);
    for (size_t i = 0; i < waits.size(); ++i) {
      CAPTURE(waits[i]);
      CHECK(times.Get(i, kSubmit) == kSubmit + waits[i]);
    }
    CHECK(times.Get(waits.size(), -kSubmit) == INT64_MAX);
    CHECK(times.Get(waits.size() + 1, -kSubmit) == -kSubmit + 5);
    // Only waits of 2^40 - 1 and more, negative ones and the saturated one are whole.
    CHECK(times.long_waits() == long_waits.size() + 1);
    // Overwriting a long wait with a short or a wide one drops it from the side table.
    const size_t first_long = wide_first ? wide_waits.size() : 0;
    times.Set(first_long, kSubmit, kSubmit + 7);
    CHECK(times.Get(first_long, kSubmit) == kSubmit + 7);
    times.Set(first_long + 1, kSubmit, kSubmit + (int64_t{1} << 35));
    CHECK(times.Get(first_long + 1, kSubmit) == kSubmit + (int64_t{1} << 35));
    CHECK(times.long_waits() == long_waits.size() - 1);
    // And a wide wait overwritten with a long one is read from the table.
    const size_t a_wide = wide_first ? 0 : waits.size() - 1;
    times.Set(a_wide, kSubmit, kSubmit - 3);
    CHECK(times.Get(a_wide, kSubmit) == kSubmit - 3);
    CHECK(times.long_waits() == long_waits.size());
  }
}

TEST_CASE("CarrierDraw: a row always draws the same carrier for a seed, by the shares") {
  const Profile& p2p = testing::P2P();
  REQUIRE(!p2p.carriers.empty());
  const CarrierDraw draw(p2p, 7);
  const CarrierDraw again(p2p, 7);
  std::vector<int> counts(p2p.carriers.size() + 1, 0);
  constexpr int kRows = 100'000;
  int unstable = 0;
  for (uint32_t row = 0; row < kRows; ++row) {
    const int8_t c = draw.Of(row);
    REQUIRE(c >= -1);
    REQUIRE(c < static_cast<int>(p2p.carriers.size()));
    unstable += c != again.Of(row);
    ++counts[c + 1];
  }
  CHECK(unstable == 0);
  // The draw compares integers: the same carrier as the shares' ends compared with
  // the draw in [0, 1) as a double, for every row (and rows at the shares' edges).
  std::vector<double> ends;
  double total = 0;
  for (const CarrierShare& c : p2p.carriers) ends.push_back(total += c.share);
  auto by_double = [&](uint32_t row) {
    const double u =
        static_cast<double>(Mix64(row ^ (uint64_t{7} * 0x9e3779b97f4a7c15ULL)) >> 11) * 0x1.0p-53;
    size_t k = 0;
    for (double end : ends) k += static_cast<size_t>(end <= u);
    return k < ends.size() ? static_cast<int8_t>(k) : int8_t{-1};
  };
  for (uint32_t row = 0; row < kRows; ++row) REQUIRE(draw.Of(row) == by_double(row));
  for (double end : ends) {
    const uint64_t at = static_cast<uint64_t>(std::ceil(end * 9007199254740992.0));
    if (at >= (uint64_t{1} << 53)) continue;
    CHECK(LeastDrawReaching(end, 1.0) == at);  // end * 2^53 is exact: its ceiling
  }
  for (size_t k = 0; k < p2p.carriers.size(); ++k) {
    CAPTURE(p2p.carriers[k].name);
    CHECK(std::abs(counts[k + 1] / double{kRows} - p2p.carriers[k].share) < 0.01);
  }
  // Another seed draws another carrier for some rows.
  const CarrierDraw other(p2p, 8);
  int differ = 0;
  for (uint32_t row = 0; row < 1000; ++row) differ += draw.Of(row) != other.Of(row);
  CHECK(differ > 100);
}

// The release order as ReleaseOrder reads it.
std::vector<uint32_t> ReleaseOrderOf(const QueueOutcome& q) {
  std::vector<uint32_t> out;
  ReleaseOrder order(q);
  while (!order.done()) {
    const uint32_t peek = order.Peek();
    CHECK(order.PeekTime() == q.TimeUs(peek));
    const uint32_t popped = order.Pop();
    CHECK(popped == peek);
    out.push_back(popped);
  }
  return out;
}

TEST_CASE("provider queue: release order is time, sender, plan position, merged as it is read") {
  const Profile& p2p = testing::P2P();
  const RecipientTable r = MakeRecipients(500);
  const std::vector<int> segments = {1, 2};
  // One sender, one run, released as submitted: no order array, Index() is the plan's.
  {
    Campaign c = MakeCampaign(Route::kP2P, 0.01);
    SimulationInput in = testing::InputOf(c, r, p2p, 1, {});
    const SendPlan plan = PlanSends(in);
    const QueueOutcome q = RunProviderQueue(c, p2p, &r, plan, segments, 1);
    REQUIRE(q.size() == plan.events.size());
    CHECK(q.in_order);
    CHECK(q.submission.empty());
    const std::vector<uint32_t> got = ReleaseOrderOf(q);
    REQUIRE(got.size() == q.size());
    for (size_t k = 0; k < q.size(); ++k) CHECK(got[k] == k);
  }
  // Several senders, at a rate the queue holds back: the order is every event once, in
  // submission order (time, sender, plan position), sorted stably by release time and
  // sender when the queue's releases are not already in that order.
  for (int senders : {2, 3}) {
    CAPTURE(senders);
    Campaign c = MakeCampaign(Route::kP2P, 50.0, senders);
    SimulationInput in = testing::InputOf(c, r, p2p, 1, {});
    SendPlan plan = PlanSends(in);
    for (size_t i = 0; i < plan.events.size(); i += 3) plan.events[i].template_index = 1;
    const QueueOutcome q = RunProviderQueue(c, p2p, &r, plan, segments, 1);
    REQUIRE(q.size() == plan.events.size());
    std::vector<uint32_t> expected(plan.events.size());
    std::iota(expected.begin(), expected.end(), 0u);
    std::sort(expected.begin(), expected.end(), [&](uint32_t a, uint32_t b) {
      return std::make_tuple(plan.events[a].time_us(), plan.events[a].sender, a) <
             std::make_tuple(plan.events[b].time_us(), plan.events[b].sender, b);
    });
    bool in_order = true;
    for (size_t k = 1; k < expected.size(); ++k) {
      in_order &= q.TimeUs(expected[k]) >= q.TimeUs(expected[k - 1]);
    }
    CHECK_FALSE(in_order);  // the case this covers
    std::stable_sort(expected.begin(), expected.end(), [&](uint32_t a, uint32_t b) {
      return std::make_tuple(q.TimeUs(a), plan.events[a].sender) <
             std::make_tuple(q.TimeUs(b), plan.events[b].sender);
    });
    CHECK(ReleaseOrderOf(q) == expected);
  }
  // One sender over a low-trust brand's 10DLC carrier rates: T-Mobile's messages wait
  // behind its own gate while the other carriers' go ahead (the run is one sender's,
  // its streams one per carrier), some of them for longer than the validity period.
  {
    const Profile tendlc = testing::MustLoad("10dlc");
    Campaign c = MakeCampaign(Route::k10DLC, 40.0);
    c.campaign.trust_score = At(10, 6);
    c.traffic.validity_period = At(absl::Seconds(30), 40);
    const RecipientTable big = MakeRecipients(3000);
    SimulationInput in = testing::InputOf(c, big, tendlc, 1, {});
    SendPlan plan = PlanSends(in);
    for (size_t i = 0; i < plan.events.size(); i += 5) plan.events[i].template_index = 1;
    const QueueOutcome q = RunProviderQueue(c, tendlc, &big, plan, segments, 1);
    CHECK_FALSE(q.in_order);
    size_t expired = 0;
    for (size_t i = 0; i < q.size(); ++i) expired += q.expired[i];
    CHECK(expired > 0);
    CHECK(expired < q.size());
    std::vector<uint32_t> expected(plan.events.size());
    std::iota(expected.begin(), expected.end(), 0u);
    std::sort(expected.begin(), expected.end(), [&](uint32_t a, uint32_t b) {
      return std::make_tuple(q.TimeUs(a), plan.events[a].sender, a) <
             std::make_tuple(q.TimeUs(b), plan.events[b].sender, b);
    });
    CHECK(ReleaseOrderOf(q) == expected);
  }
}

}  // namespace
}  // namespace smslint
