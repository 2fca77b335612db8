// traffic/snowshoeing: one campaign's content or link domain spread over several
// sender numbers, each under its limits while together they are not.
#ifndef SMSLINT_SIM_RULES_SNOWSHOEING_RULE_H_
#define SMSLINT_SIM_RULES_SNOWSHOEING_RULE_H_

#include <string>
#include <vector>

#include "sim/rules/traffic_rule.h"
#include "sim/sim_state.h"
#include "sim/sliding_window.h"

namespace smslint {

class SnowshoeingRule : public TrafficRule {
 public:
  std::vector<RuleInfo> Infos() const override;
  bool Setup(const RuleContext& context, FilterReasons& reasons) override;
  void Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) override;
  void AddOutcomes(std::vector<RuleOutcome>& outcomes) const override;
  void Report(const ReportContext& context, std::vector<Diagnostic>& findings,
              std::vector<RuleOutcome>& judged) const override;

 private:
  // The finding's level when it fires: error when the shared numbers together
  // exceed a limit none of them crosses alone (`worst` is that limit).
  struct Verdict {
    std::vector<int> active;  // senders that sent
    int worst = -1;
    bool error = false;
  };
  Verdict Judge(const ReportContext& context) const;
  void MarkSharedSenders();

  const RuleContext* context_ = nullptr;
  std::vector<uint8_t> shared_sender_;       // shares a body or a link domain with another
  std::vector<std::string> shared_items_;    // "body of template 'x'", "link domain y"
  std::vector<double> value_;                // per profile limit, after trust tiers
  SlidingCounts aggregate_window_;           // every shared number's sends together
  std::vector<LimitTrack> track_aggregate_;  // per profile limit
};

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_SNOWSHOEING_RULE_H_
