#include "cli/catalog.h"

#include "campaign/schema_rules.h"
#include "checks/registry.h"

namespace smslint {

absl::StatusOr<RuleCatalog> BuildRuleCatalog(const std::vector<std::string>& rule_dirs) {
  (void)rule_dirs;
  RuleCatalog catalog;
  AddSchemaRules(catalog);
  for (const auto& check : BuiltinChecks()) catalog.Add(check->Info());
  // One line per rule family below.
  return catalog;
}

}  // namespace smslint
