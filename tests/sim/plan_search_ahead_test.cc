// The search begun while the run of the campaign as written is still going
// (SearchPlanAhead, a large list): its sample's screening stands in for that run in
// what the first round learns. Whether that guess holds or not, the recommendation
// must be SearchPlan's; the tests check both ways happen.
#include <doctest/doctest.h>

#include <future>
#include <optional>
#include <string>
#include <vector>

#include "sim/plan_search.h"
#include "sim/simulator.h"
#include "sim_test_util.h"

namespace smslint {
namespace {

using testing::At;

struct Ahead {
  Recommendation rec;
  bool stood = false;
  bool waited = false;  // `current` was asked for
  int full_runs = 0;    // runs on every row submitted
  int full_runs_before_waited = 0;
};

// The run as written on another thread, as the check pipeline starts it.
// `told_past_horizon`: the pipeline's plan_past_horizon, for a plan that passed it.
Ahead SearchAhead(const SimulationInput& in, int threads = 2, int64_t confirm_ahead_messages = 0,
                  bool told_past_horizon = false) {
  PlanSearchOptions options;
  options.threads = threads;
  options.confirm_ahead_messages = confirm_ahead_messages;
  if (told_past_horizon) options.plan_past_horizon = [] { return true; };
  Ahead out;
  options.on_full_run = [&out] {
    ++out.full_runs;
    if (!out.waited) ++out.full_runs_before_waited;
  };
  options.ahead_stood = &out.stood;
  const int64_t messages = static_cast<int64_t>(PlanSends(in).events.size());
  std::future<SimulationOutput> running =
      std::async(std::launch::async, [&in] { return Simulate(in); });
  std::optional<SimulationOutput> current;
  out.rec = SearchPlanAhead(
      in, messages,
      [&]() -> const SimulationOutput& {
        out.waited = true;
        if (!current) current = running.get();
        return *current;
      },
      options);
  if (running.valid()) running.wait();
  return out;
}

Recommendation Search(const SimulationInput& in) {
  PlanSearchOptions options;
  options.threads = 2;
  return SearchPlan(in, Simulate(in), options);
}

// A low-trust brand at 100/s from 09:00 New York: over T-Mobile's daily cap on the
// sample as on every row.
Campaign OverCap() {
  Campaign c = testing::MakeCampaign(Route::k10DLC, 100.0, 1);
  c.campaign.trust_score = At(10, 6);
  c.schedule.window = At(DailyWindow{9 * 60, 20 * 60}, 33);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 9, 0), 30);
  return c;
}

const size_t kRows = static_cast<size_t>(kSampleAbove) + 5000;

// OverCap() on kRows recipients under the 10dlc profile.
struct OverCapList {
  const Campaign c = OverCap();
  const RecipientTable r = testing::MakeRecipients(kRows);
  const Profile p = testing::MustLoad("10dlc");
  const SimulationInput in = testing::InputOf(c, r, p, 1, {});
};

TEST_CASE("plan search ahead: the sample's guess holds, the recommendation is SearchPlan's") {
  const OverCapList list;
  const SimulationInput& in = list.in;
  const Recommendation plain = Search(in);
  REQUIRE(!plain.plan.empty());
  const Ahead ahead = SearchAhead(in);
  CHECK(ahead.stood);
  CHECK(ahead.waited);  // the plan's outcomes are compared with the run as written
  testing::CheckSameRecommendation(plain, ahead.rec);
}

TEST_CASE(
    "plan search ahead: above the two-runs limit the confirmation waits, same recommendation") {
  // As at 10,000,000 recipients (kConfirmAheadMessages): the sample's search goes on
  // beside the run as written, the confirmation on every row only after it.
  const OverCapList list;
  const Recommendation plain = Search(list.in);
  REQUIRE(!plain.plan.empty());
  const SimulationInput& in = list.in;
  const Ahead ahead = SearchAhead(in, 2, /*confirm_ahead_messages=*/1000);
  CHECK(ahead.stood);
  CHECK(ahead.full_runs >= 1);
  CHECK(ahead.full_runs_before_waited == 0);
  testing::CheckSameRecommendation(plain, ahead.rec);
  // Below the limit the confirmation starts beside the run as written.
  const Ahead beside = SearchAhead(in, 2);
  CHECK(beside.full_runs_before_waited >= 1);
  testing::CheckSameRecommendation(plain, beside.rec);
}

TEST_CASE("plan search ahead: a finding only the full run has makes the search start again") {
  // One recipient whose prefix spans New York and Kolkata, with Rhode Island's hours
  // (09:00-18:00): no window is open in both zones. Its row is one the sample leaves
  // out (every fourth sendable row from the first is sampled at this size), so only
  // the run on every row has quiet hours to learn from.
  const Campaign c = OverCap();
  RecipientTable r = testing::MakeRecipients(kRows, {"America/New_York"}, {"", "RI"});
  r.zone_sets.push_back({"America/New_York", "Asia/Kolkata"});
  r.zone_set[1] = 1;
  r.state[1] = 1;
  const Profile p = testing::MustLoad("10dlc");
  const SimulationInput in = testing::InputOf(c, r, p, 1, {});
  const SimulationOutput now = Simulate(in);
  REQUIRE(testing::CountRule(now, "traffic/quiet-hours") > 0);
  const Recommendation plain = SearchPlan(in, now, PlanSearchOptions{});
  const Ahead ahead = SearchAhead(in);
  CHECK(!ahead.stood);
  testing::CheckSameRecommendation(plain, ahead.rec);
}

TEST_CASE("plan search ahead: a clean run as written is kept, whatever was guessed") {
  Campaign c = testing::MakeCampaign(Route::k10DLC, 2.0, 1);
  c.campaign.trust_score = At(80, 6);
  const RecipientTable r = testing::MakeRecipients(kRows);
  const Profile p = testing::MustLoad("10dlc");
  const SimulationInput in = testing::InputOf(c, r, p, 1, {});
  const Recommendation plain = Search(in);
  REQUIRE(plain.kind == Recommendation::Kind::kKeep);
  const Ahead ahead = SearchAhead(in);
  CHECK(!ahead.stood);
  testing::CheckSameRecommendation(plain, ahead.rec);
}

TEST_CASE("plan search ahead: on one thread, or a small list, the search waits for the run") {
  const Campaign c = OverCap();
  const Profile p = testing::MustLoad("10dlc");
  const RecipientTable large = testing::MakeRecipients(kRows);
  const SimulationInput in = testing::InputOf(c, large, p, 1, {});
  const Ahead one = SearchAhead(in, 1);
  CHECK(!one.stood);
  testing::CheckSameRecommendation(Search(in), one.rec);
  const RecipientTable small = testing::MakeRecipients(2000);
  const SimulationInput small_in = testing::InputOf(c, small, p, 1, {});
  const Ahead ahead = SearchAhead(small_in);
  CHECK(!ahead.stood);
  testing::CheckSameRecommendation(Search(small_in), ahead.rec);
}

TEST_CASE("plan search ahead: a plan past the horizon starts no run on every row") {
  // A message every 31.7 years: the plan as written passes the simulator's horizon and
  // its run is not simulated. The pipeline starts the search before that plan is built
  // and tells it once it is (plan_past_horizon): no run on every row is started for a
  // recommendation that will not be made.
  Campaign c = OverCap();
  c.schedule.rate.value.per_second = 1e-9;
  const RecipientTable r = testing::MakeRecipients(kRows);
  const Profile p = testing::MustLoad("10dlc");
  const SimulationInput in = testing::InputOf(c, r, p, 1, {});
  REQUIRE(PlanSends(in).past_horizon > 0);
  const Ahead told = SearchAhead(in, 2, 0, /*told_past_horizon=*/true);
  CHECK(told.full_runs == 0);
  CHECK(told.rec.kind == Recommendation::Kind::kNone);
  CHECK(told.rec.plan.empty());
  // Not told, the search confirmed its sample's winner on every row for nothing.
  const Ahead untold = SearchAhead(in, 2);
  CHECK(untold.full_runs >= 1);
  CHECK(untold.rec.kind == Recommendation::Kind::kNone);
}

}  // namespace
}  // namespace smslint
