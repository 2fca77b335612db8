// The recommendation's search runs candidates on a pool of threads, some started
// ahead of need; what it recommends, and how many candidates it counts, must not
// depend on the pool's size.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "sim/plan_search.h"
#include "sim/simulator.h"
#include "sim_test_util.h"

namespace smslint {
namespace {

using testing::At;

Recommendation SearchWith(const SimulationInput& in, int threads) {
  PlanSearchOptions options;
  options.threads = threads;
  return SearchPlan(in, Simulate(in), options);
}

using testing::CheckSameRecommendation;

// Recipients spread over zones (a prefix across two of them too) and states, as a
// real list: the search varies window and days for quiet hours, and bisects rates.
RecipientTable SpreadRecipients(size_t count) {
  RecipientTable r = testing::MakeRecipients(
      count, {"America/New_York", "America/Chicago", "America/Los_Angeles", "Pacific/Honolulu"},
      {"", "FL", "NY", "TX"});
  r.zone_sets.push_back({"America/Denver", "America/Phoenix"});
  for (size_t i = 0; i < r.size(); ++i) {
    r.zone_set[i] = static_cast<uint16_t>(i % r.zone_sets.size());
    r.state[i] = static_cast<uint8_t>(i % r.states.size());
  }
  return r;
}

TEST_CASE("plan search: the same recommendation on 1, 2 and 3 threads (every row simulated)") {
  // Over a low-trust brand's T-Mobile daily cap at 40/s, sent into the evening: rate
  // bisection, then window and days.
  Campaign c = testing::MakeCampaign(Route::k10DLC, 40.0, 2);
  c.campaign.trust_score = At(10, 6);
  c.schedule.window = At(DailyWindow{9 * 60, 21 * 60}, 33);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 16, 0), 30);
  const RecipientTable r = SpreadRecipients(20000);
  const Profile p = testing::MustLoad("10dlc");
  const SimulationInput in = testing::InputOf(c, r, p, 3, {});
  const Recommendation one = SearchWith(in, 1);
  CHECK(one.simulations > 2);
  CHECK(one.kind != Recommendation::Kind::kKeep);
  for (int threads : {2, 3}) {
    CAPTURE(threads);
    CheckSameRecommendation(one, SearchWith(in, threads));
  }
}

TEST_CASE("plan search: the same recommendation on 1 and 2 threads (a sample, then every row)") {
  // Above kSampleAbove messages: candidates on a sample, the winner confirmed on every
  // row (started ahead on the second thread).
  Campaign c = testing::MakeCampaign(Route::k10DLC, 100.0, 1);
  c.campaign.trust_score = At(30, 6);
  c.schedule.window = At(DailyWindow{9 * 60, 20 * 60}, 33);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 9, 0), 30);
  const RecipientTable r = SpreadRecipients(static_cast<size_t>(kSampleAbove) + 5000);
  const Profile p = testing::MustLoad("10dlc");
  const SimulationInput in = testing::InputOf(c, r, p, 1, {});
  const Recommendation one = SearchWith(in, 1);
  CHECK(one.simulations > 2);
  CHECK(!one.plan.empty());
  CheckSameRecommendation(one, SearchWith(in, 2));
}

}  // namespace
}  // namespace smslint
