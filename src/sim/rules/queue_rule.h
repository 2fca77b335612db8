// traffic/queue-expiry, and traffic/throughput's queue finding: what the provider
// queue (sim/provider_queue.h) did to the campaign. Messages that waited past the
// validity period fail here; the rules after it never count them.
#ifndef SMSLINT_SIM_RULES_QUEUE_RULE_H_
#define SMSLINT_SIM_RULES_QUEUE_RULE_H_

#include <vector>

#include "sim/rules/traffic_rule.h"

namespace smslint {

class QueueRule : public TrafficRule {
 public:
  std::vector<RuleInfo> Infos() const override;
  RuleStage stage() const override { return RuleStage::kGate; }
  bool Setup(const RuleContext& context, FilterReasons& reasons) override;
  void Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) override;
  void AddOutcomes(std::vector<RuleOutcome>& outcomes) const override;
  void Report(const ReportContext& context, std::vector<Diagnostic>& findings,
              std::vector<RuleOutcome>& judged) const override;

 private:
  const RuleContext* context_ = nullptr;
  std::vector<int64_t> expired_;        // per sender
  std::vector<int64_t> first_expired_;  // per sender
  int64_t queued_late_ = 0;             // waited at least late_after, delivered
  int64_t first_late_us_ = INT64_MAX;
  int64_t max_wait_us_ = 0;
  int64_t messages_ = 0;
};

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_QUEUE_RULE_H_
