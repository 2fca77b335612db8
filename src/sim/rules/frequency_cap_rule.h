// traffic/frequency-cap: a recipient gets more solicitations within a rolling 24 hours
// than the recipient's state allows (the per_24h caps in rules/profiles/quiet_hours.yml:
// Florida, Oklahoma, Maryland). Counted per recipient (E.164 number) across every
// campaign of the brand in the run (sim/portfolio_state.h): one campaign sends each
// recipient one message, so the cap bites when a brand runs several campaigns a day.
#ifndef SMSLINT_SIM_RULES_FREQUENCY_CAP_RULE_H_
#define SMSLINT_SIM_RULES_FREQUENCY_CAP_RULE_H_

#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "sim/rules/traffic_rule.h"

namespace smslint {

// Whether `plan` sends no recipient number twice: each row at most once, and no row
// the loader marked a later copy of an earlier row's number (kRecipientDuplicate).
bool SendsEachNumberOnce(const SendPlan& plan, const RecipientTable& table);

class FrequencyCapRule : public TrafficRule {
 public:
  std::vector<RuleInfo> Infos() const override;
  bool Setup(const RuleContext& context, FilterReasons& reasons) override;
  void Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) override;
  void AddOutcomes(std::vector<RuleOutcome>& outcomes) const override;
  void Report(const ReportContext& context, std::vector<Diagnostic>& findings,
              std::vector<RuleOutcome>& judged) const override;

 private:
  // The messages over one state's cap.
  struct Breach {
    const QuietHoursWindow* law = nullptr;
    int64_t messages = 0;
    absl::flat_hash_set<uint64_t> recipients;
    int most = 0;  // the most messages one recipient got within 24 hours
    int64_t first_us = INT64_MAX;
    uint32_t first_row = 0;
  };

  const RuleContext* context_ = nullptr;
  PortfolioState own_state_;  // when the campaign is simulated alone
  PortfolioState* state_ = nullptr;
  // Per table state: the law whose cap binds a recipient there (null: no cap).
  std::vector<const QuietHoursWindow*> law_of_state_;
  std::map<std::string, Breach> breaches_;  // by state code
  std::vector<int64_t> first_by_sender_;
};

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_FREQUENCY_CAP_RULE_H_
