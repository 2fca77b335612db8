#include "lint/engine.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "checks/registry.h"
#include "lint/rule_pack.h"
#include "lint/suppression.h"
#include "text/words.h"
#include "util/status.h"

namespace smslint {
namespace {

bool IsGlob(std::string_view pattern) {
  return pattern.find_first_of("*?") != std::string_view::npos;
}

}  // namespace

absl::StatusOr<RuleEngine> RuleEngine::Load(const std::vector<std::string>& extra_rule_dirs,
                                            const Config* config) {
  RuleEngine engine;
  ASSIGN_OR_RETURN(engine.yaml_rules_, LoadEmbeddedRulePack());
  for (const std::string& dir : extra_rule_dirs) {
    ASSIGN_OR_RETURN(std::vector<YamlRule> extra, LoadRuleDirectory(dir));
    for (YamlRule& rule : extra) {
      auto same = std::find_if(engine.yaml_rules_.begin(), engine.yaml_rules_.end(),
                               [&](const YamlRule& r) { return r.info.id == rule.info.id; });
      if (same != engine.yaml_rules_.end()) {
        *same = std::move(rule);
      } else {
        engine.yaml_rules_.push_back(std::move(rule));
      }
    }
  }
  std::sort(engine.yaml_rules_.begin(), engine.yaml_rules_.end(),
            [](const YamlRule& a, const YamlRule& b) { return a.info.id < b.info.id; });
  engine.checks_ = BuiltinChecks();

  if (config != nullptr) {
    for (const RuleSetting& setting : config->rules) {
      bool matched_yaml = false;
      for (YamlRule& rule : engine.yaml_rules_) {
        if (!RuleGlobMatch(setting.pattern, rule.info.id)) continue;
        matched_yaml = true;
        for (const auto& [name, value] : setting.options) {
          // A glob sets an option only on the rules that have it.
          if (IsGlob(setting.pattern) && !rule.options.contains(name)) continue;
          RETURN_IF_ERROR(SetRuleOption(rule, name, value, setting.where));
        }
      }
      if (!matched_yaml && !IsGlob(setting.pattern)) {
        for (const auto& check : engine.checks_) {
          const RuleInfo& info = check->Info();
          if (info.id != setting.pattern) continue;
          for (const auto& [name, value] : setting.options) {
            bool known = std::any_of(info.options.begin(), info.options.end(),
                                     [&](const RuleOption& o) { return o.name == name; });
            if (!known) {
              return absl::InvalidArgumentError(absl::StrCat(setting.where, ": error: rule ", info.id,
                                                             " has no option '", name, "'"));
            }
          }
        }
      }
    }
    for (const std::string& id : engine.RuleIds()) {
      bool off = false;
      for (const RuleSetting& s : config->rules) {
        if (!RuleGlobMatch(s.pattern, id)) continue;
        if (s.off) off = true;
        if (s.level) off = false;
      }
      if (off) engine.disabled_.insert(id);
    }
  }
  return engine;
}

std::vector<Finding> RuleEngine::CheckMessage(const MessageContext& context) const {
  std::vector<Finding> findings;
  std::string masked = MaskPlaceholders(context.body);
  for (const YamlRule& rule : yaml_rules_) {
    if (disabled_.contains(rule.info.id)) continue;
    RunYamlRule(rule, context, masked, findings);
  }
  for (const auto& check : checks_) {
    if (disabled_.contains(check->Info().id)) continue;
    check->Run(context, findings);
  }
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.begin, a.rule) < std::tie(b.begin, b.rule);
  });
  return findings;
}

void RuleEngine::AddRulesTo(RuleCatalog& catalog) const {
  for (const YamlRule& rule : yaml_rules_) catalog.Add(rule.info);
  for (const auto& check : checks_) catalog.Add(check->Info());
  catalog.Add(UnusedSuppressionRuleInfo());
}

std::vector<std::string> RuleEngine::RuleIds() const {
  std::vector<std::string> ids;
  for (const YamlRule& rule : yaml_rules_) {
    if (!disabled_.contains(rule.info.id)) ids.push_back(rule.info.id);
  }
  for (const auto& check : checks_) {
    if (!disabled_.contains(check->Info().id)) ids.push_back(check->Info().id);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace smslint
