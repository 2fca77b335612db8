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
  SimulationOutput split = Run(MakeCampaign(Route::kP2P, 0.5, 3), MakeRecipients(90), P2P());
  REQUIRE(CountRule(split, rule_ids::kSnowshoeing, Level::kError) == 1);
  CHECK(split.result.recommendation.find("per number from 1 number") != std::string::npos);
}

TEST_CASE("SnowshoeingRule: one number is never snowshoeing") {
  SimulationOutput one = Run(MakeCampaign(Route::kP2P, 1.0 / 60, 1), MakeRecipients(20), P2P());
  CHECK(CountRule(one, rule_ids::kSnowshoeing) == 0);
  CHECK(one.result.recommendation.find("stays within the p2p profile") != std::string::npos);
}

}  // namespace
}  // namespace smslint
