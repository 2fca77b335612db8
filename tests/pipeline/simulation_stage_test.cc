// RunSimulationStage with the plan built on another thread (as `check` builds it
// beside the content checks): the search starts before that plan is in, and the
// result must be the one of a plan built in the stage itself.
#include <doctest/doctest.h>

#include <chrono>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/stages.h"
#include "sim/sim_test_util.h"

namespace smslint {
namespace {

using testing::At;

// A plan that arrives late: the search has started by then.
std::future<PlannedRun> LatePlan(const Campaign& c, const RecipientTable& r, const Profile& p) {
  return std::async(std::launch::async, [&c, &r, &p] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return PlanSimulationRun(c, r, p, 1);
  });
}

std::vector<std::string> Lines(const SimulationStageResult& stage) {
  std::vector<std::string> out = stage.facts;
  for (const Diagnostic& d : stage.diagnostics) out.push_back(d.rule + ": " + d.message);
  return out;
}

// Over T-Mobile's daily cap at 100/s from 09:00 New York, on more rows than the
// search samples.
Campaign OverCap(double per_second) {
  Campaign c = testing::MakeCampaign(Route::k10DLC, per_second, 1);
  c.campaign.trust_score = At(10, 6);
  c.schedule.window = At(DailyWindow{9 * 60, 20 * 60}, 33);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 9, 0), 30);
  return c;
}

TEST_CASE("simulation stage: a plan still being built gives the stage's own result") {
  const Campaign c = OverCap(100.0);
  const RecipientTable r = testing::MakeRecipients(static_cast<size_t>(kSampleAbove) + 5000);
  const Profile p = testing::MustLoad("10dlc");
  const PlanSearchOptions search;
  const SimulationStageResult own = RunSimulationStage(c, r, p, 1, {}, false, &search);
  REQUIRE(own.sim.has_value());
  REQUIRE(!own.sim->recommendation.plan.empty());
  // The search begun ahead stands (told the plan is within the horizon).
  PlanSearchOptions ahead;
  bool stood = false;
  ahead.ahead_stood = &stood;
  const SimulationStageResult late =
      RunSimulationStage(c, r, p, 1, {}, false, &ahead, LatePlan(c, r, p));
  REQUIRE(late.sim.has_value());
  CHECK(stood);
  CHECK(Lines(late) == Lines(own));
  testing::CheckSameRecommendation(own.sim->recommendation, late.sim->recommendation);
}

TEST_CASE("simulation stage: a plan that fails to build fails the stage, no wait for ever") {
  // The search, begun before the plan is in, waits on whether it passed the horizon:
  // a plan that throws must reach it (it once waited for ever).
  const Campaign c = OverCap(100.0);
  const RecipientTable r = testing::MakeRecipients(static_cast<size_t>(kSampleAbove) + 5000);
  const Profile p = testing::MustLoad("10dlc");
  const PlanSearchOptions search;
  std::future<PlannedRun> failing = std::async(std::launch::async, []() -> PlannedRun {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    throw std::runtime_error("no plan");
  });
  CHECK_THROWS_AS(RunSimulationStage(c, r, p, 1, {}, false, &search, std::move(failing)),
                  std::runtime_error);
}

TEST_CASE("simulation stage: a plan past the horizon, still being built: no run, no plan") {
  // A message every 31.7 years: the send does not end before the year 33658.
  const Campaign c = OverCap(1e-9);
  const RecipientTable r = testing::MakeRecipients(static_cast<size_t>(kSampleAbove) + 5000);
  const Profile p = testing::MustLoad("10dlc");
  // Told the plan passed it, the search starts no run on every row.
  PlanSearchOptions search;
  int full_runs = 0;
  search.on_full_run = [&full_runs] { ++full_runs; };
  const SimulationStageResult late =
      RunSimulationStage(c, r, p, 1, {}, false, &search, LatePlan(c, r, p));
  CHECK(full_runs == 0);
  CHECK(!late.sim.has_value());
  REQUIRE(late.diagnostics.size() == 1);
  CHECK(late.diagnostics[0].rule == "traffic/stale-delivery");
  CHECK(late.diagnostics[0].message.find("the send is not simulated") != std::string::npos);
  REQUIRE(late.facts.size() == 1);
  CHECK(late.facts[0].rfind("simulation skipped: ", 0) == 0);
}

}  // namespace
}  // namespace smslint
