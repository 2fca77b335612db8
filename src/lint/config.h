// Config: `.smslint.yaml` (next to the campaign or in a parent folder, or --config)
// turns rules off, changes their level and sets their options:
//
//   rules:
//     content/spam-phrase: off
//     content/excessive-caps: {level: error, max_caps_ratio: 0.6}
//     traffic/*: warning
//   select: [content/*]
//   ignore: [content/stock-trading]
#ifndef SMSLINT_LINT_CONFIG_H_
#define SMSLINT_LINT_CONFIG_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "diag/diagnostic.h"

namespace smslint {

struct RuleSetting {
  std::string pattern;  // a rule id or a glob ("content/*")
  bool off = false;
  std::optional<Level> level;
  std::vector<std::pair<std::string, std::string>> options;  // name, value as written
  std::string where;  // "path:line:col" of the key, for errors about it
};

struct Config {
  std::string path;                 // "" when no config file was found
  std::vector<RuleSetting> rules;   // in file order; a later match wins
  std::vector<std::string> select;  // globs; empty selects everything
  std::vector<std::string> ignore;  // globs
  // Where each glob is written ("path:line:col"), for errors.
  std::vector<std::string> select_where, ignore_where;
};

// `*` matches any run of characters (also '/'), `?` one character.
bool RuleGlobMatch(std::string_view glob, std::string_view rule_id);

// Parses a config file's text; errors are "path:line:col: error: ...".
absl::StatusOr<Config> ParseConfig(std::string_view path, std::string_view contents);

// The config for a campaign: `explicit_config_path` when given (it must exist),
// else the nearest `.smslint.yaml` (or `.smslint.yml`) in the campaign's folder or a
// parent folder ("-" or "" start from the working directory), else an empty Config.
absl::StatusOr<Config> LoadConfigFor(const std::string& campaign_path,
                                     const std::string& explicit_config_path);

// Filters and re-levels diagnostics of any family: --select / --ignore (added to the
// config's own lists), then the config's `rules:` settings.
void ApplyConfig(const Config& config, const std::vector<std::string>& select,
                 const std::vector<std::string>& ignore, std::vector<Diagnostic>& diagnostics);

// The last setting that matches `rule_id`, or null.
const RuleSetting* FindRuleSetting(const Config& config, std::string_view rule_id);

}  // namespace smslint

#endif  // SMSLINT_LINT_CONFIG_H_
