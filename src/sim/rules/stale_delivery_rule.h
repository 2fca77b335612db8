// traffic/stale-delivery: the queue delivers a message after its template's
// `expires`, or (a note) past the first sending window.
#ifndef SMSLINT_SIM_RULES_STALE_DELIVERY_RULE_H_
#define SMSLINT_SIM_RULES_STALE_DELIVERY_RULE_H_

#include <vector>

#include "sim/rules/traffic_rule.h"

namespace smslint {

class StaleDeliveryRule : public TrafficRule {
 public:
  std::vector<RuleInfo> Infos() const override;
  bool Setup(const RuleContext& context, FilterReasons& reasons) override;
  void Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) override;
  void AddOutcomes(std::vector<RuleOutcome>& outcomes) const override;
  void Report(const ReportContext& context, std::vector<Diagnostic>& findings,
              std::vector<RuleOutcome>& judged) const override;

 private:
  const RuleContext* context_ = nullptr;
  std::vector<int64_t> expires_us_;   // per template, INT64_MAX when none
  std::vector<int64_t> stale_count_;  // per template
  std::vector<int64_t> stale_first_;  // per template
  int64_t late_count_ = 0;
};

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_STALE_DELIVERY_RULE_H_
