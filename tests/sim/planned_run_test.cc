// A run's plan and queue built ahead (sim/planned_run.h, beside the content checks)
// give the simulation the same outcome as building them in Simulate: they read no
// content finding, and the filter model still weighs the ones the input carries.
#include "sim/planned_run.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "sim/simulator.h"
#include "sim_test_util.h"

namespace smslint {
namespace {

using testing::At;
using testing::CheckSameOutcomes;

TEST_CASE("planned run: a plan and queue built ahead simulate as Simulate builds them") {
  // Three numbers on P2P sending flagged content into the evening: quiet hours, the
  // filter model (content weight and snowshoeing) and the queue all have work.
  Campaign c = testing::MakeCampaign(Route::kP2P, 2.0, 3);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 20, 45), 30);
  RecipientTable r = testing::MakeRecipients(
      6000, {"America/New_York", "America/Chicago", "America/Los_Angeles"}, {"", "TX"});
  for (size_t i = 0; i < r.size(); ++i) r.zone_set[i] = static_cast<uint16_t>(i % 3);
  const Profile& p = testing::P2P();
  Diagnostic flagged;
  flagged.rule = "content/shaft";
  flagged.level = Level::kError;
  flagged.template_id = "promo";
  const SimulationInput in = testing::InputOf(c, r, p, 7, {flagged});
  const SimulationOutput direct = Simulate(in);
  // Built from an input without the content findings and moved from where it was
  // built (a future's result) before it is used, as the session does.
  std::optional<PlannedRun> held(PlanRun(testing::InputOf(c, r, p, 7, {})));
  PlannedRun taken = std::move(*held);
  held.reset();
  const SimulationOutput ahead = Simulate(in, std::move(taken));
  REQUIRE(direct.result.messages > 0);
  CHECK(direct.result.filtered > 0);
  CHECK(direct.result.quiet_hours > 0);
  CHECK(ahead.result.messages == direct.result.messages);
  CHECK(ahead.result.end == direct.result.end);
  CheckSameOutcomes(ahead.result, direct.result);
  REQUIRE(ahead.result.senders.size() == direct.result.senders.size());
  for (size_t s = 0; s < direct.result.senders.size(); ++s) {
    CheckSameOutcomes(ahead.result.senders[s], direct.result.senders[s]);
  }
  REQUIRE(ahead.diagnostics.size() == direct.diagnostics.size());
  for (size_t i = 0; i < direct.diagnostics.size(); ++i) {
    CHECK(ahead.diagnostics[i].rule == direct.diagnostics[i].rule);
    CHECK(ahead.diagnostics[i].message == direct.diagnostics[i].message);
  }
}

// A run of more than SimulationInput::pipelined_above_messages reads the release order
// on a thread of its own (simulator.cc, ObserveAll): the same batches through the same
// rules, so the same outcome as on one thread.
TEST_CASE("pipelined run: the release order read on another thread, the same outcome") {
  // 100/s on 10DLC from three numbers: the carriers' gates hold messages back, so
  // messages leave the queue out of the order they were submitted in.
  Campaign c = testing::MakeCampaign(Route::k10DLC, 100.0, 3);
  c.campaign.trust_score = At(10, 6);
  c.schedule.window = At(DailyWindow{9 * 60, 20 * 60}, 33);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 9, 0), 30);
  const RecipientTable r = testing::MakeRecipients(30000);
  const Profile p = testing::MustLoad("10dlc");
  SimulationInput one = testing::InputOf(c, r, p, 3, {});
  REQUIRE(!PlanRun(one).queue.in_order);
  SimulationInput two = one;
  two.pipelined_above_messages = 0;
  const SimulationOutput a = Simulate(one);
  const SimulationOutput b = Simulate(two);
  REQUIRE(a.result.messages == 30000);
  CHECK(a.result.failed > 0);
  CHECK(b.result.messages == a.result.messages);
  CheckSameOutcomes(b.result, a.result);
  REQUIRE(b.result.senders.size() == a.result.senders.size());
  for (size_t s = 0; s < a.result.senders.size(); ++s) {
    CheckSameOutcomes(b.result.senders[s], a.result.senders[s]);
    CHECK(b.result.senders[s].sends.values == a.result.senders[s].sends.values);
    CHECK(b.result.senders[s].first_violation == a.result.senders[s].first_violation);
  }
  REQUIRE(b.diagnostics.size() == a.diagnostics.size());
  for (size_t i = 0; i < a.diagnostics.size(); ++i) {
    CHECK(b.diagnostics[i].rule == a.diagnostics[i].rule);
    CHECK(b.diagnostics[i].message == a.diagnostics[i].message);
  }
}

}  // namespace
}  // namespace smslint
