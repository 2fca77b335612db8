#include "cli/catalog.h"

#include "campaign/schema_rules.h"
#include "checks/data_rules.h"
#include "checks/registry.h"
#include "lint/engine.h"
#include "sim/simulator.h"
#include "util/status.h"

namespace smslint {

absl::StatusOr<RuleCatalog> BuildRuleCatalog(const std::vector<std::string>& rule_dirs) {
  RuleCatalog catalog;
  AddSchemaRules(catalog);
  for (const auto& check : BuiltinChecks()) catalog.Add(check->Info());
  // One line per rule family below.
  AddDataRules(catalog);
  AddTrafficRules(catalog);
  ASSIGN_OR_RETURN(RuleEngine engine, RuleEngine::Load(rule_dirs, nullptr));
  engine.AddRulesTo(catalog);
  return catalog;
}

}  // namespace smslint
