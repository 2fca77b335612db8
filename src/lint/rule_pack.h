// Rule packs: the YAML rules compiled into the binary (rules/**.yml, except the
// data folders rules/profiles/ and rules/data/) and extra packs from --rules DIR.
#ifndef SMSLINT_LINT_RULE_PACK_H_
#define SMSLINT_LINT_RULE_PACK_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/yaml_rule.h"
#include "util/embedded_data.h"

namespace smslint {

// The embedded rule files the pack is read from, in path order.
std::vector<EmbeddedFile> EmbeddedRuleFiles();

// Every embedded rule, sorted by id; errors name the file as "rules/...".
absl::StatusOr<std::vector<YamlRule>> LoadEmbeddedRulePack();

// Every *.yml / *.yaml file below `dir` (sorted), each one rule; errors name the
// file by its real path. A missing directory is an error.
absl::StatusOr<std::vector<YamlRule>> LoadRuleDirectory(const std::string& dir);

}  // namespace smslint

#endif  // SMSLINT_LINT_RULE_PACK_H_
