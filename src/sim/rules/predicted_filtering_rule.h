// traffic/predicted-filtering: the filter model. Each number has a reputation score;
// every message adds what the counting rules signalled for it (weighted excess over
// a limit), its template's flagged content and the same body from other numbers,
// and the score decays with a half-life. Above the block threshold the number's
// messages count as filtered (30007) until the score falls below the release
// threshold. A model, not carrier truth: every weight is in the profile.
#ifndef SMSLINT_SIM_RULES_PREDICTED_FILTERING_RULE_H_
#define SMSLINT_SIM_RULES_PREDICTED_FILTERING_RULE_H_

#include <string>
#include <utility>
#include <vector>

#include "sim/rules/traffic_rule.h"

namespace smslint {

class PredictedFilteringRule : public TrafficRule {
 public:
  std::vector<RuleInfo> Infos() const override;
  RuleStage stage() const override { return RuleStage::kFilter; }
  bool Setup(const RuleContext& context, FilterReasons& reasons) override;
  void Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) override;
  void AddOutcomes(std::vector<RuleOutcome>& outcomes) const override;
  void Report(const ReportContext& context, std::vector<Diagnostic>& findings,
              std::vector<RuleOutcome>& judged) const override;

 private:
  struct SenderScore {
    double score = 0;
    int64_t last_us = 0;
    int64_t decay_elapsed_us = -1;  // the last gap decayed over, and its factor
    double decay = 1;
    bool blocked = false;
    int64_t first_filtered_us = INT64_MAX;
    int64_t filtered = 0;
    std::vector<double> by_reason;  // score added per reason
  };
  void Add(SenderScore& sender, int reason, double weight) {
    sender.score += weight;
    sender.by_reason[reason] += weight;
  }
  std::string TopReasons(int sender) const;
  // The score a sender's messages feed: its own, or its snowshoe group's on routes
  // where the numbers are blocked together.
  SenderScore& ScoreOf(int sender) { return senders_[slot_[sender]]; }
  const SenderScore& ScoreOf(int sender) const { return senders_[slot_[sender]]; }

  const RuleContext* context_ = nullptr;
  const FilterReasons* reasons_ = nullptr;
  double half_life_us_ = 0;
  int copies_reason_ = 0;
  int snowshoe_reason_ = -1;
  double snowshoe_weight_ = 0;
  // Per template: the content reasons its findings add per message.
  std::vector<std::vector<std::pair<int, double>>> template_reasons_;
  // Which numbers sent each identical body, when the table stays small.
  std::vector<uint8_t> class_sender_seen_;  // [sender * class_count + class]
  std::vector<int> class_senders_;          // per class
  std::vector<SenderScore> senders_;        // per score slot
  std::vector<int> slot_;                   // per sender: its score slot
  std::vector<int64_t> first_filtered_;     // per sender
  std::vector<int64_t> filtered_;           // per sender
};

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_PREDICTED_FILTERING_RULE_H_
