// traffic/snowshoeing: one campaign's content or link domain spread over several
// sender numbers. On P2P routes (profile snowshoeing.level error) it is an error and
// the filter model scores the numbers together, so they are blocked together; on
// registered routes a pool of numbers is normal, and more numbers than the
// campaign's rate needs is a warning.
#ifndef SMSLINT_SIM_RULES_SNOWSHOEING_RULE_H_
#define SMSLINT_SIM_RULES_SNOWSHOEING_RULE_H_

#include <string>
#include <vector>

#include "sim/rules/traffic_rule.h"

namespace smslint {

// Fills context.snowshoe_group / snowshoe_groups / shared_items from the plan: numbers
// that send a similar body (context.body_classes) or the same link domain join one
// group.
void FindSnowshoeGroups(RuleContext& context);

// Across the campaigns of one brand in a portfolio run: a body (similar masked
// bodies) or link domain that goes out from several numbers of different campaigns.
// Each such item is listed in `summary`; a campaign on a route where snowshoeing is
// an error (P2P) gets an error naming them in `findings[i]` (registered routes give
// each campaign its own numbers by design, so they are listed, not judged).
void FindPortfolioSnowshoeing(const std::vector<const RuleContext*>& contexts,
                              const std::vector<const SimResult*>& results,
                              const std::vector<std::vector<Diagnostic>*>& findings,
                              PortfolioSummary& summary);

class SnowshoeingRule : public TrafficRule {
 public:
  std::vector<RuleInfo> Infos() const override;
  bool Setup(const RuleContext& context, FilterReasons& reasons) override;
  void Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) override;
  void AddOutcomes(std::vector<RuleOutcome>& outcomes) const override;
  void Report(const ReportContext& context, std::vector<Diagnostic>& findings,
              std::vector<RuleOutcome>& judged) const override;

 private:
  // The numbers a registered campaign's rate needs (segments/s over one number's).
  int NumbersNeeded() const;

  const RuleContext* context_ = nullptr;
  int64_t first_shared_us_ = INT64_MAX;  // a second number of a group first sends
  std::vector<uint8_t> group_started_;   // per sender: has sent
  double segments_sent_ = 0, messages_sent_ = 0;
};

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_SNOWSHOEING_RULE_H_
