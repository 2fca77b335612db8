// The engine the session builds, for tests: the embedded pack (plus `dirs`), every
// C++ check, and `config` (may be null).
#ifndef SMSLINT_TESTS_LINT_TEST_ENGINE_H_
#define SMSLINT_TESTS_LINT_TEST_ENGINE_H_

#include <string>
#include <vector>

#include "checks/registry.h"
#include "lint/engine.h"
#include "util/status.h"

namespace smslint {

inline absl::StatusOr<RuleEngine> LoadTestEngine(const std::vector<std::string>& dirs,
                                                 const Config* config) {
  ASSIGN_OR_RETURN(std::vector<YamlRule> pack, LoadRulePacks(dirs));
  return RuleEngine::Create(std::move(pack), BuiltinChecks(), config);
}

}  // namespace smslint

#endif  // SMSLINT_TESTS_LINT_TEST_ENGINE_H_
