// RuleEngine: runs every content rule on one message body: the YAML rules of the
// embedded pack and of --rules directories, and the C++ checks of BuiltinChecks().
#ifndef SMSLINT_LINT_ENGINE_H_
#define SMSLINT_LINT_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "lint/check.h"
#include "lint/config.h"
#include "lint/rule_catalog.h"
#include "lint/yaml_rule.h"

namespace smslint {

class RuleEngine {
 public:
  // Loads the embedded pack, then each extra directory (a rule there with an
  // embedded rule's id replaces it), then applies `config` (may be null): options
  // of YAML rules, and rules turned off are skipped. A broken rule file or a bad
  // option is an error "path:line:col: error: ..." (exit 2).
  static absl::StatusOr<RuleEngine> Load(const std::vector<std::string>& extra_rule_dirs,
                                         const Config* config);

  // Findings of every rule on `context.body`, ordered by offset then rule id.
  std::vector<Finding> CheckMessage(const MessageContext& context) const;

  // The descriptors of every YAML rule and C++ check, and lint/unused-suppression.
  void AddRulesTo(RuleCatalog& catalog) const;

  // Ids of the rules that run (sorted), for FileResult::rules_run.
  std::vector<std::string> RuleIds() const;

  const std::vector<YamlRule>& yaml_rules() const { return yaml_rules_; }

 private:
  std::vector<YamlRule> yaml_rules_;
  std::vector<std::unique_ptr<ContentCheck>> checks_;
  absl::flat_hash_set<std::string> disabled_;
};

}  // namespace smslint

#endif  // SMSLINT_LINT_ENGINE_H_
