// RuleEngine: runs every content rule on one message body: the YAML rules of the
// embedded pack and of --rules directories, and the C++ checks it is given
// (checks/registry.h lists them; the pipeline passes them in).
#ifndef SMSLINT_LINT_ENGINE_H_
#define SMSLINT_LINT_ENGINE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "diag/rule_catalog.h"
#include "lint/check.h"
#include "lint/config.h"
#include "lint/yaml_rule.h"

namespace smslint {

class RuleEngine {
 public:
  // An engine over `yaml_rules` (see LoadRulePacks) and `checks`, with `config`
  // (may be null) applied: options of YAML rules and of C++ checks (Configure),
  // and rules turned off are skipped. A bad option is an error
  // "path:line:col: error: ..." (exit 2).
  static absl::StatusOr<RuleEngine> Create(std::vector<YamlRule> yaml_rules,
                                           std::vector<std::unique_ptr<ContentCheck>> checks,
                                           const Config* config);

  // Findings of every rule on `context.body`, ordered by offset then rule id.
  std::vector<Finding> CheckMessage(const MessageContext& context) const;

  // The descriptors of every YAML rule and C++ check, and lint/unused-suppression.
  void AddRulesTo(RuleCatalog& catalog) const;

  // Ids of the rules that run (sorted), for FileResult::rules_run.
  std::vector<std::string> RuleIds() const;

  const std::vector<YamlRule>& yaml_rules() const { return yaml_rules_; }

  // The C++ check with this id (configured), or null.
  const ContentCheck* FindCheck(std::string_view id) const;

 private:
  std::vector<YamlRule> yaml_rules_;
  std::vector<std::unique_ptr<ContentCheck>> checks_;
  absl::flat_hash_set<std::string> disabled_;
};

// The embedded pack, then each extra directory (a rule there with an embedded
// rule's id replaces it), sorted by id. A broken rule file is an error
// "path:line:col: error: ..." (exit 2).
absl::StatusOr<std::vector<YamlRule>> LoadRulePacks(
    const std::vector<std::string>& extra_rule_dirs);

}  // namespace smslint

#endif  // SMSLINT_LINT_ENGINE_H_
