// The traffic rules, one line each in registry.cc (no static self-registration).
#ifndef SMSLINT_SIM_RULES_REGISTRY_H_
#define SMSLINT_SIM_RULES_REGISTRY_H_

#include <memory>
#include <vector>

#include "diag/rule_catalog.h"
#include "sim/rules/traffic_rule.h"

namespace smslint {

// A fresh instance of every traffic rule class, in the list's (alphabetical) order.
std::vector<std::unique_ptr<TrafficRule>> MakeTrafficRules();

// RuleInfo for every traffic/* rule, from the classes' descriptors.
void AddTrafficRules(RuleCatalog& catalog);

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_REGISTRY_H_
