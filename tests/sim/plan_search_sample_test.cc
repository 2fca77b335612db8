// The recommendation's search on a sample (large lists): a winner whose quiet-hours
// finding no shape clears still gets its rate searched when it runs over a cap.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "sim/plan_search.h"
#include "sim/simulator.h"
#include "sim_test_util.h"

namespace smslint {
namespace {

using testing::At;

TEST_CASE(
    "plan search: a sampled winner over T-Mobile's cap gets a slower rate, quiet hours or not") {
  // A low-trust brand at 100/s: far over T-Mobile's daily cap. Every tenth number's
  // prefix spans New York and Kolkata with Rhode Island's hours (09:00-18:00): no
  // window is open in both zones, so quiet hours stay whatever the shape.
  Campaign c = testing::MakeCampaign(Route::k10DLC, 100.0, 1);
  c.campaign.trust_score = At(10, 6);
  c.schedule.window = At(DailyWindow{9 * 60, 20 * 60}, 33);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 9, 0), 30);
  RecipientTable r = testing::MakeRecipients(static_cast<size_t>(kSampleAbove) + 5000,
                                             {"America/New_York"}, {"", "RI"});
  r.zone_sets.push_back({"America/New_York", "Asia/Kolkata"});
  for (size_t i = 0; i < r.size(); i += 10) {
    r.zone_set[i] = 1;
    r.state[i] = 1;
  }
  const Profile p = testing::MustLoad("10dlc");
  const SimulationInput in = testing::InputOf(c, r, p, 1, {});
  const SimulationOutput now = Simulate(in);
  REQUIRE(now.result.failed > 0);
  const Recommendation rec = SearchPlan(in, now, PlanSearchOptions{});
  REQUIRE(rec.kind == Recommendation::Kind::kPartial);
  CHECK(std::find(rec.remaining.begin(), rec.remaining.end(), "traffic/quiet-hours") !=
        rec.remaining.end());
  bool slower = false;
  for (const PlanSetting& s : rec.plan) slower |= s.key == "schedule.rate";
  CHECK(slower);
  // The cap is cleared: the rate was searched on the sample, not stepped down on
  // every row three grid steps at most.
  CHECK(rec.predicted.failed == 0);
  CHECK(std::find(rec.remaining.begin(), rec.remaining.end(), "traffic/carrier-cap") ==
        rec.remaining.end());
}

}  // namespace
}  // namespace smslint
