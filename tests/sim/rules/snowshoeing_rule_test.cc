// SnowshoeingRule: judged against the limits' outcomes; the recommendation reads
// its outcome, not its message.
#include "sim/rules/snowshoeing_rule.h"

#include <doctest/doctest.h>

#include "sim/rules/rule_ids.h"
#include "sim/sim_test_util.h"

namespace smslint {
namespace {

using testing::CountRule;
using testing::MakeCampaign;
using testing::MakeRecipients;
using testing::P2P;
using testing::Run;

TEST_CASE("SnowshoeingRule: an error split makes the recommendation use one number") {
  // Each number at half the per-second limit; three together are over it.
  const double rate = testing::LimitOf(P2P(), "per-second").value / 2;
  SimulationOutput split = Run(MakeCampaign(Route::kP2P, rate, 3), MakeRecipients(90), P2P());
  REQUIRE(CountRule(split, rule_ids::kSnowshoeing, Level::kError) == 1);
  CHECK(split.result.recommendation.find("per number from 1 number") != std::string::npos);

  SimulationOutput spread = Run(MakeCampaign(Route::kP2P, 1.0 / 60, 2), MakeRecipients(20), P2P());
  REQUIRE(CountRule(spread, rule_ids::kSnowshoeing, Level::kWarning) == 1);
  CHECK(spread.result.recommendation.find("per number from 2 numbers") != std::string::npos);
}

TEST_CASE("SnowshoeingRule: one number is never snowshoeing") {
  SimulationOutput one = Run(MakeCampaign(Route::kP2P, 1.0 / 60, 1), MakeRecipients(20), P2P());
  CHECK(CountRule(one, rule_ids::kSnowshoeing) == 0);
  CHECK(one.result.recommendation.find("stays within the p2p profile") != std::string::npos);
}

}  // namespace
}  // namespace smslint
