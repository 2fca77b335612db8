// traffic/opt-out-rate: the STOP replies a campaign expects (traffic.opt_out_rate per
// message) against the daily opt-out rate per number at which carriers flag a sender.
#ifndef SMSLINT_SIM_RULES_OPT_OUT_RATE_RULE_H_
#define SMSLINT_SIM_RULES_OPT_OUT_RATE_RULE_H_

#include <vector>

#include "sim/rules/traffic_rule.h"
#include "sim/sim_state.h"

namespace smslint {

class OptOutRateRule : public TrafficRule {
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
  double rate_ = 0;                // traffic.opt_out_rate
  int reason_ = -1;                // the filter model's reason, when the profile weighs it
  std::vector<LimitTrack> track_;  // per sender: messages in a day once judged
};

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_OPT_OUT_RATE_RULE_H_
