// RuleInfo: one descriptor per rule, from which `rules`, `explain`, SARIF and docs are made.
#ifndef SMSLINT_DIAG_RULE_INFO_H_
#define SMSLINT_DIAG_RULE_INFO_H_

#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace smslint {

struct RuleOption {
  std::string name;
  std::string default_value;  // as written in YAML
  std::string description;
};

struct RuleInfo {
  std::string id;  // "content/missing-brand"
  Level level = Level::kWarning;
  std::string summary;  // one line
  std::string why;
  std::string fix;
  std::string source;                      // citation
  std::vector<std::string> fire_examples;  // inputs that must fire
  std::vector<std::string> pass_examples;  // inputs that must not fire
  std::vector<RuleOption> options;
  std::string origin;  // "builtin" or the rule file's path
};

}  // namespace smslint

#endif  // SMSLINT_DIAG_RULE_INFO_H_
