// SnowshoeingRule: judged against the limits' outcomes; the recommendation's search
// clears it.
#include "sim/rules/snowshoeing_rule.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "sim/rules/rule_ids.h"
#include "sim/sim_test_util.h"

namespace smslint {
namespace {

using testing::CountRule;
using testing::MakeCampaign;
using testing::MakeRecipients;
using testing::P2P;
using testing::Run;

TEST_CASE("SnowshoeingRule: the recommended plan for an error split has no snowshoeing") {
  const Campaign c = MakeCampaign(Route::kP2P, 0.5, 3);
  SimulationOutput split = Run(c, MakeRecipients(90), P2P());
  REQUIRE(CountRule(split, rule_ids::kSnowshoeing, Level::kError) == 1);
  const Recommendation rec = testing::Recommend(c, MakeRecipients(90), P2P());
  CHECK(std::find(rec.remaining.begin(), rec.remaining.end(), rule_ids::kSnowshoeing) ==
        rec.remaining.end());
  bool fewer_numbers_or_route = false;
  for (const PlanSetting& s : rec.plan) {
    if ((s.key == "senders" && s.count < 3) || s.key == "campaign.route")
      fewer_numbers_or_route = true;
  }
  CHECK(fewer_numbers_or_route);
}

TEST_CASE("SnowshoeingRule: one number is never snowshoeing") {
  SimulationOutput one = Run(MakeCampaign(Route::kP2P, 1.0 / 60, 1), MakeRecipients(20), P2P());
  CHECK(CountRule(one, rule_ids::kSnowshoeing) == 0);
  CHECK(
      testing::Recommend(MakeCampaign(Route::kP2P, 1.0 / 60, 1), MakeRecipients(20), P2P()).kind ==
      Recommendation::Kind::kKeep);
}

}  // namespace
}  // namespace smslint
