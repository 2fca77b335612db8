// TrafficRule: one traffic/* rule (or one family sharing a counter engine) as a
// class. The simulation sets every rule up from the run's context, shows it each
// message in time order, then asks for its outcomes (structured, for the
// recommendation and other rules) and its findings (diagnostics).
//
// The provider queue runs before the rules (sim/provider_queue.h): the rules see
// each message when it leaves the queue. Gate rules (queue expiry, carrier caps)
// mark messages failed; a rule that counts (limits, quiet hours, staleness) runs in
// the count stage, skips failed messages and may add to a message's filter signal;
// the filter model runs in the filter stage and reads that signal.
//
// A new rule: its id in rule_ids.h, one .h/.cc pair here, one line in registry.cc.
#ifndef SMSLINT_SIM_RULES_TRAFFIC_RULE_H_
#define SMSLINT_SIM_RULES_TRAFFIC_RULE_H_

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "campaign/campaign.h"
#include "campaign/recipients.h"
#include "diag/diagnostic.h"
#include "diag/rule_info.h"
#include "sim/portfolio_state.h"
#include "sim/profile.h"
#include "sim/recipient_zones.h"
#include "sim/sim_result.h"
#include "sim/sliding_window.h"

namespace smslint {

struct SendPlan;
struct QueueOutcome;

// What every rule may read, fixed for the whole run.
struct RuleContext {
  const Campaign* campaign = nullptr;
  const RecipientTable* recipients = nullptr;  // null: no recipient data
  const Profile* profile = nullptr;
  const SendPlan* plan = nullptr;
  const std::vector<Diagnostic>* content_findings = nullptr;
  absl::TimeZone zone;             // the schedule's zone, for times in findings
  RecipientZones recipient_zones;  // each row's zone, chosen among its candidates
  int senders = 1;
  int templates = 0;
  std::vector<int> body_classes;  // per template: its class of similar bodies
  int body_class_count = 1;
  std::vector<int> template_segments;  // per template: SMS segments of one message
  // Per sender: its group of numbers that share a body or link domain (the
  // snowshoeing view), or -1; and each group's shared items for findings.
  std::vector<int> snowshoe_group;
  int snowshoe_groups = 0;
  std::vector<std::string> shared_items;
  const QueueOutcome* queue = nullptr;  // the provider queue's run (sim/provider_queue.h)
  int64_t validity_us = 0;              // the queue's limit (traffic.validity_period)
  int64_t late_after_us = 0;            // a queue wait this long makes a message late
  int64_t start_us = 0;                 // the plan's start
  int64_t end_us = 0;                   // the last send
  // Shared with the brand's other campaigns of the run (null: the rule keeps its
  // own, as for a campaign simulated alone).
  PortfolioState* portfolio = nullptr;
  bool show_pii = false;  // recipient numbers in findings unmasked (--show-pii)
};

// One message as the rules see it, in the order it leaves the provider queue.
struct Send {
  int64_t time_us = 0;    // when it leaves the provider queue for the carrier (or fails)
  int64_t submit_us = 0;  // when the sender submitted it to the provider
  uint32_t row = 0;       // recipient row
  int sender = 0;
  int template_index = 0;
  int body_class = 0;
  int segments = 1;
  int carrier = -1;      // index into profile.carriers; -1: another or unknown carrier
  bool late = false;     // waited past its window's open, or in the queue past late_after
  bool expired = false;  // waited in the queue past validity_period: failed, never sent
  // Messages this sender sent in the last second, minute, hour and day, this one
  // included.
  SlidingCounts::Counts sender_sends{};
};

// One reason a message adds to its sender's filter score.
struct FilterContribution {
  int reason = 0;  // index into FilterReasons
  double weight = 0;
};

// The filter model's reasons, named once at setup ("traffic/throughput (over 1
// msg/s per number)", "content/shaft", ...). Their order breaks ties in "top reasons".
class FilterReasons {
 public:
  int Add(std::string label) {
    labels_.push_back(std::move(label));
    return static_cast<int>(labels_.size()) - 1;
  }
  int Find(const std::string& label) const {
    for (size_t i = 0; i < labels_.size(); ++i) {
      if (labels_[i] == label) return static_cast<int>(i);
    }
    return -1;
  }
  const std::vector<std::string>& labels() const { return labels_; }

 private:
  std::vector<std::string> labels_;
};

// What the rules decided about one message. The simulation resets it per message
// (keeping the signal's capacity, so the hot loop does not allocate) and turns it
// into the per-sender counts and chart series.
struct MessageVerdict {
  std::vector<FilterContribution> filter_signal;  // count stage adds, filter stage reads
  // Failed before delivery: the rule id that failed it (queue expiry, carrier cap);
  // null when it was not. Later rules do not count a failed message.
  const char* failed = nullptr;
  bool filtered = false;     // predicted 30007
  bool quiet_hours = false;  // lands outside the recipient's allowed hours
  bool stale = false;        // after its template's `expires`

  void Reset() {
    filter_signal.clear();
    failed = nullptr;
    filtered = quiet_hours = stale = false;
  }
};

// How one rule, or one profile limit of it, fared over the whole run.
struct RuleOutcome {
  std::string_view rule;          // an id from sim/rules/rule_ids.h
  int limit_index = -1;           // the profile limit judged; -1 for rules without one
  Level level = Level::kWarning;  // of the finding it gives when crossed
  double limit = 0;               // the limit value applied (after trust tiers)
  int64_t first_over_us = INT64_MAX;
  double peak = 0;
  int64_t over = 0;  // messages over the limit (or in violation)
  // Per sender number, when it first went over; empty when the rule does not judge
  // numbers one by one.
  std::vector<int64_t> first_over_by_sender;
  // A slower schedule or more days would fix it (the recommendation's search).
  bool needs_capacity = false;

  bool crossed() const { return over > 0; }
};

// What a rule may read when it reports.
struct ReportContext {
  const RuleContext* run = nullptr;
  const SimResult* result = nullptr;                   // per-sender counts
  const std::vector<RuleOutcome>* outcomes = nullptr;  // what every rule counted
};

// Gates (queue expiry, carrier caps) decide whether a message reaches the carrier;
// counting rules see what does; the filter model reads their signals.
enum class RuleStage { kGate, kCount, kFilter };

class TrafficRule {
 public:
  virtual ~TrafficRule() = default;

  // The descriptors of the rule ids this class reports.
  virtual std::vector<RuleInfo> Infos() const = 0;
  virtual RuleStage stage() const { return RuleStage::kCount; }

  // Once before the first message. Returns false when the rule has nothing to
  // observe in this run (it still reports).
  virtual bool Setup(const RuleContext& context, FilterReasons& reasons) = 0;
  // Whether Observe reads Send::sender_sends (after Setup): counted only for a run
  // with such a rule.
  virtual bool ReadsSenderSends() const { return false; }
  // The messages in time order, a batch at a time: every count-stage rule sees a
  // batch, then the filter stage sees it with their signals. verdicts[i] is
  // sends[i]'s. Batches keep the per-message cost to a loop inside each rule.
  virtual void Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) = 0;
  // What the rule counted, after the last message.
  virtual void AddOutcomes(std::vector<RuleOutcome>& outcomes) const = 0;
  // Its findings; `judged` takes outcomes that depend on the other rules' outcomes
  // (snowshoeing: numbers under their own limits but over together).
  virtual void Report(const ReportContext& context, std::vector<Diagnostic>& findings,
                      std::vector<RuleOutcome>& judged) const = 0;
};

// The descriptor shape every traffic rule shares: builtin, with the profile option.
RuleInfo TrafficRuleInfo(const char* id, Level level, const char* summary, const char* why,
                         const char* fix, const char* source, std::vector<std::string> fire,
                         std::vector<std::string> pass);

// The first outcome of `rule` in `outcomes`, or null.
const RuleOutcome* FindOutcome(const std::vector<RuleOutcome>& outcomes, std::string_view rule);

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_TRAFFIC_RULE_H_
