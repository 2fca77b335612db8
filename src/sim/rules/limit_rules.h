// LimitRules: the rules a profile's `limits:` drive (throughput, daily-volume,
// unique-recipients, fan-out, repetition, carrier-cap). They share one counter
// engine (sliding windows per sender, per identical body and for the campaign), so
// they are one class; a new limit-driven rule is a profile entry plus a descriptor
// and a traits line here.
#ifndef SMSLINT_SIM_RULES_LIMIT_RULES_H_
#define SMSLINT_SIM_RULES_LIMIT_RULES_H_

#include <vector>

#include "sim/rules/traffic_rule.h"
#include "sim/sim_state.h"
#include "sim/sliding_window.h"

namespace smslint {

// What differs between the limit-driven rules beyond their profile entries.
struct LimitRuleTraits {
  const char* rule = "";
  bool needs_capacity = false;  // a lower rate or more days fixes it
  bool body_fan_out = false;    // an identical count reads as recipients of one body
};

// The traits of a limit-driven rule id (null for any other id).
const LimitRuleTraits* FindLimitRuleTraits(std::string_view rule);

class LimitRules : public TrafficRule {
 public:
  std::vector<RuleInfo> Infos() const override;
  bool Setup(const RuleContext& context, FilterReasons& reasons) override;
  bool ReadsSenderSends() const override { return need_sender_; }
  void Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) override;
  void AddOutcomes(std::vector<RuleOutcome>& outcomes) const override;
  void Report(const ReportContext& context, std::vector<Diagnostic>& findings,
              std::vector<RuleOutcome>& judged) const override;

 private:
  void ReportIdentical(size_t l, std::vector<Diagnostic>& findings) const;
  void ReportCounted(size_t l, const SimResult* result, std::vector<Diagnostic>& findings) const;
  bool RuleHasErrorCrossing(const std::string& rule) const;
  const LimitTrack& SenderTrack(size_t l, int s) const { return track_sender_[l * senders_ + s]; }

  const RuleContext* context_ = nullptr;
  const std::vector<Limit>* limits_ = nullptr;
  int senders_ = 1;
  int class_count_ = 1;
  std::vector<LimitRuleTraits> traits_;  // per limit
  std::vector<double> value_;            // per limit, after trust tiers
  std::vector<double> share_;            // per limit: the carrier's share of recipients
  std::vector<int> reason_;              // per limit: its filter reason
  bool need_identical_ = false;
  bool need_campaign_ = false;
  bool need_sender_ = false;                  // a limit counts the sender's own sends
  std::vector<SlidingCounts> class_windows_;  // [sender * class_count + class]
  SlidingCounts campaign_window_;
  std::vector<LimitTrack> track_sender_;  // [limit * senders + sender]
  std::vector<LimitTrack> track_class_;   // [limit * class_count + class]
};

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_LIMIT_RULES_H_
