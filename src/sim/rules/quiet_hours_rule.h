// traffic/quiet-hours: a message lands outside the recipient's allowed local hours
// (federal window, or the recipient's state's).
#ifndef SMSLINT_SIM_RULES_QUIET_HOURS_RULE_H_
#define SMSLINT_SIM_RULES_QUIET_HOURS_RULE_H_

#include <vector>

#include "sim/local_time.h"
#include "sim/rules/traffic_rule.h"

namespace smslint {

class QuietHoursRule : public TrafficRule {
 public:
  std::vector<RuleInfo> Infos() const override;
  bool Setup(const RuleContext& context, FilterReasons& reasons) override;
  void Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) override;
  void AddOutcomes(std::vector<RuleOutcome>& outcomes) const override;
  void Report(const ReportContext& context, std::vector<Diagnostic>& findings,
              std::vector<RuleOutcome>& judged) const override;

 private:
  struct Cell {  // one zone and state
    int64_t count = 0;
    int64_t first_us = INT64_MAX;
    int early = 0;  // before the window opens
    int late = 0;   // after it closes (or on a closed day)
  };

  // Where a recipient row is: its zone (an index into clocks_) and its state.
  // The one place that maps a row to its clock (RuleContext::recipient_zones).
  struct RecipientPlace {
    size_t zone = 0;
    size_t state = 0;
  };
  RecipientPlace PlaceOf(const RecipientTable* table, uint32_t row) const;

  const RuleContext* context_ = nullptr;
  bool on_ = false;
  std::vector<LocalClock> clocks_;
  std::vector<const QuietHoursWindow*> state_window_;  // per table state
  size_t state_count_ = 1;
  std::vector<Cell> cells_;  // [zone * states + state]
  std::vector<int64_t> first_by_sender_;
};

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_QUIET_HOURS_RULE_H_
