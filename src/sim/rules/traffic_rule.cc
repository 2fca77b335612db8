#include "sim/rules/traffic_rule.h"

namespace smslint {

RuleInfo TrafficRuleInfo(const char* id, Level level, const char* summary, const char* why,
                         const char* fix, const char* source, std::vector<std::string> fire,
                         std::vector<std::string> pass) {
  RuleInfo info;
  info.id = id;
  info.level = level;
  info.summary = summary;
  info.why = why;
  info.fix = fix;
  info.source = source;
  info.fire_examples = std::move(fire);
  info.pass_examples = std::move(pass);
  info.options = {{"profile", "from campaign.route",
                   "route profile whose thresholds apply (--profile overrides)"}};
  info.origin = "builtin";
  return info;
}

const RuleOutcome* FindOutcome(const std::vector<RuleOutcome>& outcomes, std::string_view rule) {
  for (const RuleOutcome& o : outcomes) {
    if (rule == o.rule) return &o;
  }
  return nullptr;
}

}  // namespace smslint
