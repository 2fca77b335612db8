// traffic/carrier-cap: stage 2 of the delivery model, the carriers' daily caps (the
// T-Mobile 10DLC brand cap), counted in SMS segments on the messages that go to that
// carrier, per calendar day of the cap's reset zone. Messages over a cap fail.
#ifndef SMSLINT_SIM_RULES_CARRIER_CAP_RULE_H_
#define SMSLINT_SIM_RULES_CARRIER_CAP_RULE_H_

#include <vector>

#include "absl/time/time.h"
#include "sim/rules/traffic_rule.h"

namespace smslint {

class CarrierCapRule : public TrafficRule {
 public:
  std::vector<RuleInfo> Infos() const override;
  RuleStage stage() const override { return RuleStage::kGate; }
  bool Setup(const RuleContext& context, FilterReasons& reasons) override;
  void Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) override;
  void AddOutcomes(std::vector<RuleOutcome>& outcomes) const override;
  void Report(const ReportContext& context, std::vector<Diagnostic>& findings,
              std::vector<RuleOutcome>& judged) const override;

 private:
  struct Cap {
    const DailyCap* cap = nullptr;
    int carrier = -1;
    double value = 0;  // segments a day, for this brand
    absl::TimeZone zone;
    // The brand's counter for this cap, shared with its other campaigns of the run.
    PortfolioState::SharedCap* shared = nullptr;
    int64_t day_begin_us = 0, day_end_us = -1;  // this campaign's current reset day
    int64_t peak_day_segments = 0;              // most segments offered in one day
    int64_t offered_today = 0;
    int64_t failed = 0, failed_segments = 0;
    int64_t first_failed_us = INT64_MAX;
    int64_t carrier_messages = 0;  // messages to this carrier in all
    std::vector<int64_t> first_failed_by_sender;
    int days_over = 0;
    bool over_today = false;
  };
  const RuleContext* context_ = nullptr;
  PortfolioState own_state_;  // when the campaign is simulated alone
  PortfolioState* state_ = nullptr;
  std::vector<Cap> caps_;
};

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_CARRIER_CAP_RULE_H_
