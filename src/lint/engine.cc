#include "lint/engine.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
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

absl::StatusOr<std::vector<YamlRule>> LoadRulePacks(
    const std::vector<std::string>& extra_rule_dirs) {
  ASSIGN_OR_RETURN(std::vector<YamlRule> rules, LoadEmbeddedRulePack());
  for (const std::string& dir : extra_rule_dirs) {
    ASSIGN_OR_RETURN(std::vector<YamlRule> extra, LoadRuleDirectory(dir));
    for (YamlRule& rule : extra) {
      auto same = std::find_if(rules.begin(), rules.end(),
                               [&](const YamlRule& r) { return r.info.id == rule.info.id; });
      if (same != rules.end()) {
        *same = std::move(rule);
      } else {
        rules.push_back(std::move(rule));
      }
    }
  }
  std::sort(rules.begin(), rules.end(),
            [](const YamlRule& a, const YamlRule& b) { return a.info.id < b.info.id; });
  return rules;
}

absl::StatusOr<RuleEngine> RuleEngine::Create(std::vector<YamlRule> yaml_rules,
                                              std::vector<std::unique_ptr<ContentCheck>> checks,
                                              const Config* config) {
  RuleEngine engine;
  engine.yaml_rules_ = std::move(yaml_rules);
  engine.checks_ = std::move(checks);

  if (config != nullptr) {
    for (const RuleSetting& setting : config->rules) {
      for (YamlRule& rule : engine.yaml_rules_) {
        if (!RuleGlobMatch(setting.pattern, rule.info.id)) continue;
        for (const auto& [name, value] : setting.options) {
          // A glob sets an option only on the rules that have it.
          if (IsGlob(setting.pattern) && !rule.options.contains(name)) continue;
          RETURN_IF_ERROR(SetRuleOption(rule, name, value, setting.where));
        }
      }
    }
    // Each C++ check reads its options once: from the settings naming it, or from a
    // glob's settings for the options it has.
    for (const auto& check : engine.checks_) {
      const RuleInfo& info = check->Info();
      CheckOptions options;
      for (const RuleSetting& setting : config->rules) {
        if (!RuleGlobMatch(setting.pattern, info.id)) continue;
        for (const auto& [name, value] : setting.options) {
          bool known = std::any_of(info.options.begin(), info.options.end(),
                                   [&](const RuleOption& o) { return o.name == name; });
          if (IsGlob(setting.pattern) && !known) continue;
          options.values.emplace_back(name, value);
          options.where = setting.where;
        }
        if (!options.values.empty()) {
          RETURN_IF_ERROR(check->Configure(options));
          options.values.clear();
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

const ContentCheck* RuleEngine::FindCheck(std::string_view id) const {
  for (const auto& check : checks_) {
    if (check->Info().id == id) return check.get();
  }
  return nullptr;
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
