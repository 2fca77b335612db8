// The catalog of every rule: schema, content (C++ checks and rule packs), data, traffic.
#ifndef SMSLINT_CLI_CATALOG_H_
#define SMSLINT_CLI_CATALOG_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/rule_catalog.h"

namespace smslint {

// `rule_dirs` are extra rule packs (--rules); a broken pack is an error (exit 2).
absl::StatusOr<RuleCatalog> BuildRuleCatalog(const std::vector<std::string>& rule_dirs);

}  // namespace smslint

#endif  // SMSLINT_CLI_CATALOG_H_
