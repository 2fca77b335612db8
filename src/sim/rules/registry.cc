#include "sim/rules/registry.h"

#include "sim/rules/balance_rule.h"
#include "sim/rules/carrier_cap_rule.h"
#include "sim/rules/frequency_cap_rule.h"
#include "sim/rules/limit_rules.h"
#include "sim/rules/opt_out_rate_rule.h"
#include "sim/rules/predicted_filtering_rule.h"
#include "sim/rules/queue_rule.h"
#include "sim/rules/quiet_hours_rule.h"
#include "sim/rules/snowshoeing_rule.h"
#include "sim/rules/stale_delivery_rule.h"
#include "sim/simulator.h"

namespace smslint {

std::vector<std::unique_ptr<TrafficRule>> MakeTrafficRules() {
  std::vector<std::unique_ptr<TrafficRule>> rules;
  // One line per rule class, alphabetical.
  rules.push_back(std::make_unique<BalanceRule>());
  rules.push_back(std::make_unique<CarrierCapRule>());
  rules.push_back(std::make_unique<FrequencyCapRule>());
  rules.push_back(std::make_unique<LimitRules>());
  rules.push_back(std::make_unique<OptOutRateRule>());
  rules.push_back(std::make_unique<PredictedFilteringRule>());
  rules.push_back(std::make_unique<QueueRule>());
  rules.push_back(std::make_unique<QuietHoursRule>());
  rules.push_back(std::make_unique<SnowshoeingRule>());
  rules.push_back(std::make_unique<StaleDeliveryRule>());
  return rules;
}

void AddTrafficRules(RuleCatalog& catalog) {
  for (const auto& rule : MakeTrafficRules()) {
    for (RuleInfo& info : rule->Infos()) catalog.Add(std::move(info));
  }
}

}  // namespace smslint
