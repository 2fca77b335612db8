#include "lint/config.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "util/files.h"
#include "util/status.h"
#include "util/strings.h"
#include "util/yaml_reader.h"
#include "yaml-cpp/yaml.h"

namespace smslint {
namespace {

constexpr size_t kMaxConfigBytes = 1u << 20;

std::string Where(const std::string& path, const YAML::Mark& mark) {
  return YamlReader(path).Where(mark);
}

absl::Status ErrorAt(const std::string& path, const YAML::Node& node, const std::string& message) {
  return YamlReader(path).Error(node, message);
}

// The globs of `node` (one, or a list) and where each is written.
absl::Status Globs(const std::string& path, const YAML::Node& node, const std::string& key,
                   std::vector<std::string>& globs, std::vector<std::string>& where) {
  if (node.IsScalar()) {
    globs.push_back(node.Scalar());
    where.push_back(Where(path, node.Mark()));
    return absl::OkStatus();
  }
  if (!node.IsSequence())
    return ErrorAt(path, node, absl::StrCat("'", key, "' must be a list of rule globs"));
  for (const YAML::Node& item : node) {
    if (!item.IsScalar())
      return ErrorAt(path, item, absl::StrCat("'", key, "' must be a list of rule globs"));
    globs.push_back(item.Scalar());
    where.push_back(Where(path, item.Mark()));
  }
  return absl::OkStatus();
}

absl::Status SetLevel(const std::string& path, const YAML::Node& node, RuleSetting& setting) {
  if (!node.IsScalar()) return ErrorAt(path, node, "a level must be error, warning, info or off");
  const std::string& text = node.Scalar();
  if (text == "off" || text == "false") {
    setting.off = true;
    return absl::OkStatus();
  }
  std::optional<Level> level = ParseLevel(text);
  if (!level) {
    return ErrorAt(path, node,
                   absl::StrCat("unknown level '", text, "'; use error, warning, info or off"));
  }
  setting.level = level;
  return absl::OkStatus();
}

absl::StatusOr<Config> Decode(const std::string& path, const YAML::Node& root) {
  Config config;
  config.path = std::string(path);
  if (!root || root.IsNull()) return config;
  if (!root.IsMap())
    return ErrorAt(path, root, "a config file is a mapping with 'rules', 'select', 'ignore'");
  RETURN_IF_ERROR(YamlReader(path).CheckKeys(root, {"rules", "select", "ignore"}, ""));
  if (root["select"]) {
    RETURN_IF_ERROR(Globs(path, root["select"], "select", config.select, config.select_where));
  }
  if (root["ignore"]) {
    RETURN_IF_ERROR(Globs(path, root["ignore"], "ignore", config.ignore, config.ignore_where));
  }
  if (const YAML::Node& rules = root["rules"]) {
    if (rules.IsNull()) return config;
    if (!rules.IsMap())
      return ErrorAt(path, rules, "'rules' must map rule ids to a level, off, or settings");
    for (auto it = rules.begin(); it != rules.end(); ++it) {
      if (!it->first.IsScalar()) return ErrorAt(path, it->first, "rule ids must be plain strings");
      RuleSetting setting;
      setting.pattern = it->first.Scalar();
      setting.where = Where(path, it->first.Mark());
      // A copy: `it->second` lives in a proxy that dies at the end of this line.
      const YAML::Node value = it->second;
      if (value.IsScalar()) {
        RETURN_IF_ERROR(SetLevel(path, value, setting));
      } else if (value.IsMap()) {
        for (auto opt = value.begin(); opt != value.end(); ++opt) {
          if (!opt->first.IsScalar())
            return ErrorAt(path, opt->first, "option names must be plain strings");
          const std::string& name = opt->first.Scalar();
          if (name == "level") {
            RETURN_IF_ERROR(SetLevel(path, opt->second, setting));
          } else {
            if (!opt->second.IsScalar()) {
              return ErrorAt(path, opt->second,
                             absl::StrCat("option '", name, "' must be a number or word"));
            }
            setting.options.push_back({name, opt->second.Scalar()});
          }
        }
      } else {
        return ErrorAt(path, value,
                       "a rule setting is a level, off, or a mapping {level: ..., option: value}");
      }
      config.rules.push_back(std::move(setting));
    }
  }
  return config;
}

}  // namespace

bool RuleGlobMatch(std::string_view glob, std::string_view id) {
  // Iterative wildcard match with backtracking to the last '*': linear-ish, no recursion.
  size_t g = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (s < id.size()) {
    if (g < glob.size() && (glob[g] == '?' || glob[g] == id[s])) {
      ++g;
      ++s;
    } else if (g < glob.size() && glob[g] == '*') {
      star = g++;
      mark = s;
    } else if (star != std::string_view::npos) {
      g = star + 1;
      s = ++mark;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*') ++g;
  return g == glob.size();
}

absl::StatusOr<Config> ParseConfig(std::string_view path_view, std::string_view contents) {
  const std::string path(path_view);
  if (contents.size() > kMaxConfigBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ":1:1: error: config file larger than 1 MiB"));
  }
  std::string source(contents);
  if (absl::Status budget = CheckYamlBudget(path, source, YamlBudgetFor(source.size()), false);
      !budget.ok()) {
    return budget;
  }
  ASSIGN_OR_RETURN(const YAML::Node root, LoadYaml(path, source));
  try {
    return Decode(path, root);
  } catch (const YAML::Exception& e) {
    return YamlError(path, e);
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(absl::StrCat(path, ":1:1: error: ", e.what()));
  }
}

absl::StatusOr<Config> LoadConfigFor(const std::string& campaign_path,
                                     const std::string& explicit_config_path) {
  if (!explicit_config_path.empty()) {
    ASSIGN_OR_RETURN(std::string text, ReadFileBounded(explicit_config_path, kMaxConfigBytes));
    return ParseConfig(explicit_config_path, text);
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = (campaign_path.empty() || campaign_path == "-")
                     ? fs::current_path(ec)
                     : fs::absolute(fs::path(campaign_path), ec).parent_path();
  if (ec) return Config{};
  // Show the path as a user would write it: relative to the campaign when possible.
  fs::path shown_base = (campaign_path.empty() || campaign_path == "-")
                            ? fs::path()
                            : fs::path(campaign_path).parent_path();
  for (int depth = 0; depth < 64 && !dir.empty(); ++depth) {
    for (const char* name : {".smslint.yaml", ".smslint.yml"}) {
      fs::path candidate = dir / name;
      if (fs::is_regular_file(candidate, ec)) {
        ASSIGN_OR_RETURN(std::string text, ReadFileBounded(candidate.string(), kMaxConfigBytes));
        fs::path shown = depth == 0 ? shown_base / name : candidate;
        return ParseConfig(shown.string(), text);
      }
    }
    if (dir == dir.root_path()) break;
    dir = dir.parent_path();
  }
  return Config{};
}

const RuleSetting* FindRuleSetting(const Config& config, std::string_view rule_id) {
  const RuleSetting* found = nullptr;
  for (const RuleSetting& s : config.rules) {
    if (RuleGlobMatch(s.pattern, rule_id)) found = &s;
  }
  return found;
}

void ApplyConfig(const Config& config, const std::vector<std::string>& select,
                 const std::vector<std::string>& ignore, std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> selects = config.select;
  selects.insert(selects.end(), select.begin(), select.end());
  std::vector<std::string> ignores = config.ignore;
  ignores.insert(ignores.end(), ignore.begin(), ignore.end());
  auto any_match = [](const std::vector<std::string>& globs, std::string_view id) {
    for (const std::string& g : globs) {
      if (RuleGlobMatch(g, id)) return true;
    }
    return false;
  };
  std::vector<Diagnostic> kept;
  kept.reserve(diagnostics.size());
  for (Diagnostic& d : diagnostics) {
    if (!selects.empty() && !any_match(selects, d.rule)) continue;
    if (any_match(ignores, d.rule)) continue;
    // Settings apply in file order, so `content/*: warning` then
    // `content/shaft: error` gives shaft error and the rest warning.
    bool off = false;
    for (const RuleSetting& s : config.rules) {
      if (!RuleGlobMatch(s.pattern, d.rule)) continue;
      if (s.off) off = true;
      if (s.level) {
        off = false;
        d.level = *s.level;
      }
    }
    if (!off) kept.push_back(std::move(d));
  }
  diagnostics = std::move(kept);
}

}  // namespace smslint
