// PlanSends: the schedule turned into send events, per sender, in time order.
#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

#include "absl/time/civil_time.h"
#include "campaign/time_zones.h"
#include "sim/local_time.h"
#include "sim/plan_inputs.h"
#include "sim/recipient_zones.h"
#include "sim/simulator.h"
#include "util/heap.h"
#include "util/huge_pages.h"

namespace smslint {

SendPlan PlanSends(const SimulationInput& input) {
  const Campaign& campaign = *input.campaign;
  const Schedule& schedule = campaign.schedule;
  SendPlan plan;
  plan.rows_once = true;

  const absl::TimeZone schedule_zone = ScheduleTimeZone(campaign);
  plan.start = absl::FromCivil(schedule.start.value, schedule_zone);
  plan.rate_per_second = schedule.rate.present ? schedule.rate->per_second : 0;
  if (!(plan.rate_per_second > 0)) {
    plan.rate_per_second = ProfileMaxRate(*input.profile);
    plan.rate_from_profile = true;
  }
  // Rounded up: a rounded-down interval would fit one message too many into a window.
  // Bounded by the plan's horizon (the loader refuses such rates; a plan built in
  // code must not overflow either): start, interval and every sum stay in int64.
  const double interval = std::ceil(1e6 / plan.rate_per_second - 1e-6);
  const int64_t interval_us =
      interval >= static_cast<double>(kLatestPlanTimeUs)
          ? kLatestPlanTimeUs
          : std::max<int64_t>(1, static_cast<int64_t>(std::max(interval, 1.0)));
  const int64_t start_us = std::clamp(ToMicros(plan.start), -kLatestPlanTimeUs, kLatestPlanTimeUs);
  if (input.recipients == nullptr || campaign.templates.empty()) return plan;
  const RecipientTable& table = *input.recipients;

  const int senders = SenderCount(campaign);
  // Rows are bucketed by place (a recipient's candidate zones): a place's window is
  // open only while it is open in every candidate zone.
  const RecipientZones recipient_zones = ResolveRecipientZones(&table, schedule_zone, plan.start);
  const size_t zone_count = recipient_zones.places.size();

  // Bucket the sent rows by (sender, place) with a counting sort, so each sender can
  // take the earliest row among open places. A row's sender is worked out in both
  // passes, and its template when its event is made, rather than kept per row: at
  // 10M rows those arrays were 40 MB each beside the plan.
  const TemplateDraw draw_template(CumulativeWeights(campaign));
  const size_t rows = table.size();
  std::vector<uint32_t> bucket_size(static_cast<size_t>(senders) * zone_count + 1, 0);
  const bool sticky = campaign.traffic.sender_strategy.present &&
                      campaign.traffic.sender_strategy.value == SenderStrategy::kSticky;
  // Sticky: a recipient always hears from the same number, whatever the row order;
  // else round robin over the sent rows in file order (a counter that wraps: a
  // division per row was a quarter of a large list's plan).
  auto sender_of = [&](size_t r, int& next_round_robin) {
    if (sticky) return static_cast<uint16_t>(Mix64(table.e164[r] ^ 0x5bd1e995ULL) % senders);
    const int sender = next_round_robin;
    if (++next_round_robin == senders) next_round_robin = 0;
    return static_cast<uint16_t>(sender);
  };
  int next_round_robin = 0;
  for (size_t r = 0; r < rows; ++r) {
    if (!RowIsSent(table, r)) continue;
    const uint16_t sender = sender_of(r, next_round_robin);
    const size_t zone = recipient_zones.PlaceOfRow(table, r);
    ++bucket_size[sender * zone_count + zone + 1];
  }
  for (size_t b = 1; b < bucket_size.size(); ++b) bucket_size[b] += bucket_size[b - 1];
  std::vector<uint32_t> ordered(bucket_size.back());
  {
    std::vector<uint32_t> fill(bucket_size.begin(), bucket_size.end() - 1);
    next_round_robin = 0;
    for (size_t r = 0; r < rows; ++r) {
      if (!RowIsSent(table, r)) continue;
      const uint16_t sender = sender_of(r, next_round_robin);
      const size_t zone = recipient_zones.PlaceOfRow(table, r);
      ordered[fill[sender * zone_count + zone]++] = static_cast<uint32_t>(r);
    }
  }
  plan.events.reserve(ordered.size());
  // The events are written from the start below; their pages are faulted in ahead.
  const PageFaulter fault_events(plan.events.data(), ordered.size() * sizeof(SendEvent));

  const bool has_window = schedule.window.present || schedule.days.present;
  const DailyWindow window = schedule.window.present ? schedule.window.value : DailyWindow{};
  const uint8_t day_mask = schedule.days.present ? WeekdayMask(schedule.days.value) : 0x7f;

  // First window per place: a message sent after it closes was queued (late).
  PlaceWindows place_windows(recipient_zones, window, day_mask);
  std::vector<int64_t> first_close(zone_count, INT64_MAX);
  if (has_window) {
    for (size_t z = 0; z < zone_count; ++z)
      first_close[z] = place_windows.Next(z, start_us).close_us;
  }

  // Each sender takes, message by message, the pending row earliest in file order among
  // the places open at t. Which places are open changes only at a window's edge, so
  // the open places' next rows wait in a heap, and every place is looked at again only
  // when t reaches the next edge (or the heap runs dry): a message costs a heap step,
  // not a pass over every place.
  std::vector<OpenInterval> open(zone_count);
  std::vector<uint32_t> head(zone_count), end(zone_count);
  using Head = std::pair<uint32_t, uint32_t>;  // (row, place)
  // A heap of the open places' next rows, least first. A place's next row takes the
  // place of the one just sent (one sift down, not a pop and a push); rows are all
  // different, so the order out is the same whatever the heap's shape.
  std::vector<Head> ready;
  for (int s = 0; s < senders; ++s) {
    for (size_t z = 0; z < zone_count; ++z) {
      head[z] = bucket_size[s * zone_count + z];
      end[z] = bucket_size[s * zone_count + z + 1];
      open[z] = {INT64_MIN, INT64_MIN};
    }
    int64_t t = start_us;
    int64_t next_edge = INT64_MIN;  // look at every place again once t reaches this
    for (;;) {
      if (t >= next_edge || ready.empty()) {
        ready.clear();
        next_edge = INT64_MAX;
        int64_t next_open = INT64_MAX;
        bool pending = false;
        // At the horizon every place counts as open: the remaining messages go there.
        const bool at_horizon = t >= kLatestPlanTimeUs;
        for (size_t z = 0; z < zone_count; ++z) {
          if (head[z] == end[z]) continue;
          pending = true;
          if (has_window && !at_horizon) {
            if (t >= open[z].close_us) {
              open[z] = place_windows.Next(z, t);
            }
            if (t < open[z].open_us) {
              next_open = std::min(next_open, open[z].open_us);
              next_edge = std::min(next_edge, open[z].open_us);
              continue;
            }
            next_edge = std::min(next_edge, open[z].close_us);
          }
          ready.push_back({ordered[head[z]], static_cast<uint32_t>(z)});
        }
        std::make_heap(ready.begin(), ready.end(), std::greater<Head>());
        if (has_window && !at_horizon) next_edge = std::min(next_edge, kLatestPlanTimeUs);
        if (!pending) break;
        if (ready.empty()) {
          t = std::min(next_open, kLatestPlanTimeUs);
          continue;
        }
      }
      const size_t best_zone = ready.front().second;
      const uint32_t row = ordered[head[best_zone]++];
      if (head[best_zone] != end[best_zone]) {
        ready.front().first = ordered[head[best_zone]];
      } else {
        ready.front() = ready.back();
        ready.pop_back();
      }
      SiftDownFirst(ready, std::greater<Head>());
      plan.events.emplace_back(t, row, static_cast<uint16_t>(s),
                               static_cast<uint16_t>(draw_template(input.seed, row)),
                               t >= first_close[best_zone]);
      if (t >= kLatestPlanTimeUs) ++plan.past_horizon;
      t = std::min(t + interval_us, kLatestPlanTimeUs);
    }
  }
  return plan;
}

}  // namespace smslint
