// The recommendation: a rate and a number of days that keep the campaign within
// its profile, or the route that would carry it, and when the last message lands.
#ifndef SMSLINT_SIM_RECOMMEND_H_
#define SMSLINT_SIM_RECOMMEND_H_

#include <string>
#include <vector>

#include "sim/rules/traffic_rule.h"
#include "sim/simulator.h"

namespace smslint {

struct SendCapacity {
  double rate_per_second = 0;  // per number
  double per_day = 0;          // messages per day, all numbers together
  int numbers = 1;
};

// What `profile` lets `numbers` numbers send under the campaign's window, days and
// trust score, at most `wanted_rate` per number (0: as fast as the profile allows).
SendCapacity CapacityUnder(const Campaign& campaign, const Profile& profile, int numbers,
                           double wanted_rate);

// One paragraph for SimResult.recommendation, from the rules' outcomes.
std::string Recommend(const SimulationInput& input, const SendPlan& plan, const SimResult& result,
                      const std::vector<RuleOutcome>& outcomes);

}  // namespace smslint

#endif  // SMSLINT_SIM_RECOMMEND_H_
