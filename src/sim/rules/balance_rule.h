// traffic/balance: a person-to-person number sends far more than it receives.
#ifndef SMSLINT_SIM_RULES_BALANCE_RULE_H_
#define SMSLINT_SIM_RULES_BALANCE_RULE_H_

#include <vector>

#include "sim/rules/traffic_rule.h"
#include "sim/sim_state.h"

namespace smslint {

class BalanceRule : public TrafficRule {
 public:
  std::vector<RuleInfo> Infos() const override;
  bool Setup(const RuleContext& context, FilterReasons& reasons) override;
  bool ReadsSenderSends() const override { return true; }
  void Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) override;
  void AddOutcomes(std::vector<RuleOutcome>& outcomes) const override;
  void Report(const ReportContext& context, std::vector<Diagnostic>& findings,
              std::vector<RuleOutcome>& judged) const override;

 private:
  const RuleContext* context_ = nullptr;
  double reply_rate_ = -1;         // < 0: unknown, balance not judged
  double ratio_ = 0;               // outgoing:incoming the reply rate implies
  std::vector<LimitTrack> track_;  // per sender
};

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_BALANCE_RULE_H_
