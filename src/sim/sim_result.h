// SimResult: what a simulation produced, for the report emitters.
#ifndef SMSLINT_SIM_SIM_RESULT_H_
#define SMSLINT_SIM_SIM_RESULT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"

namespace smslint {

// Counts per fixed bucket from `start`.
struct TimeSeries {
  absl::Time start;
  absl::Duration bucket = absl::Minutes(1);
  std::vector<int64_t> values;
};

// When an outcome first happened, and the rule that caused it ("" when no rule did:
// a message that waited for its recipient's window is late by design).
struct OutcomeFirst {
  absl::Time time = absl::InfiniteFuture();
  std::string rule;

  void Note(absl::Time t, std::string_view cause) {
    if (t < time) time = t, rule = std::string(cause);
  }
  bool happened() const { return time != absl::InfiniteFuture(); }
};

// The fate of every message: each is delivered (on time, late or stale), failed
// (queue expiry, carrier cap) or filtered; quiet_hours counts, independently, the
// delivered and filtered ones that reached the carrier in the recipient's quiet hours.
struct Outcomes {
  int64_t sent = 0;  // submitted to the provider
  int64_t segments = 0;
  int64_t delivered = 0;  // on_time + late + stale
  int64_t on_time = 0;
  int64_t late = 0;          // after its window's open or a wait in the queue; not stale
  int64_t stale = 0;         // after the template's `expires`
  int64_t failed = 0;        // failed_queue + failed_cap
  int64_t failed_queue = 0;  // waited past the validity period (30001 / 30036)
  int64_t failed_cap = 0;    // over a carrier cap
  int64_t filtered = 0;      // predicted 30007
  int64_t quiet_hours = 0;
  OutcomeFirst first_late, first_stale, first_failed, first_filtered, first_quiet;

  void Add(const Outcomes& o) {
    sent += o.sent, segments += o.segments, delivered += o.delivered, on_time += o.on_time;
    late += o.late, stale += o.stale, failed += o.failed, failed_queue += o.failed_queue;
    failed_cap += o.failed_cap, filtered += o.filtered, quiet_hours += o.quiet_hours;
    first_late.Note(o.first_late.time, o.first_late.rule);
    first_stale.Note(o.first_stale.time, o.first_stale.rule);
    first_failed.Note(o.first_failed.time, o.first_failed.rule);
    first_filtered.Note(o.first_filtered.time, o.first_filtered.rule);
    first_quiet.Note(o.first_quiet.time, o.first_quiet.rule);
  }
};

struct SenderStats : Outcomes {
  std::string number;                // sender numbers belong to the business: not masked
  std::string first_violation_rule;  // empty when none
  absl::Time first_violation = absl::InfinitePast();
  // Charts: sends and predicted filtered messages per bucket, with the limits.
  TimeSeries sends;
  TimeSeries filtered_series;
  TimeSeries quiet_series;
  double limit_per_bucket = 0;  // the profile's limit for one `sends.bucket`
  double limit_per_day = 0;
};

// One campaign field the recommended plan changes, with its new value as the campaign
// file writes it.
struct PlanSetting {
  std::string key;                 // "schedule.rate", "schedule.window", "schedule.days",
                                   // "senders", "campaign.route", "traffic.sender_strategy"
  std::string value;               // "30/min", "09:00-20:00", "10dlc"; senders: the count
  std::vector<std::string> items;  // schedule.days: the day names ("mon", ...)
  int count = 0;                   // senders: how many of the listed numbers to keep
  int was_count = 0;               // senders: how many are listed now
  std::string was;                 // the value now, as the file writes it; "" when absent
};

// The recommendation (DESIGN.md "Recommendation"): the plan a search over rate,
// window, days, senders, sender strategy and route found, each candidate checked by
// running the simulator; its predicted outcome; what remains.
struct Recommendation {
  enum class Kind {
    kNone,     // not searched (nothing simulated)
    kKeep,     // the schedule as written has no traffic error or warning
    kPlan,     // `plan` has none (the simulation of it says so)
    kPartial,  // no candidate is clean: `plan` is the one that leaves the least
  } kind = Kind::kNone;
  std::vector<PlanSetting> plan;
  Outcomes predicted;  // of the plan (of the schedule as written when kKeep)
  absl::Time end;      // when the plan's last message lands
  // Rule ids still at error or warning with the plan: traffic rules the search could
  // not clear, and the content and data findings no schedule changes.
  std::vector<std::string> remaining;
  std::vector<std::string> causes;  // why, one sentence per remaining group
  int simulations = 0;              // candidates simulated
  std::string text;                 // one paragraph a marketer can act on
};

struct SimResult : Outcomes {
  std::string profile;
  std::string time_zone;  // schedule zone, for displaying times
  absl::Time start;
  absl::Time end;        // when the last message is delivered
  int64_t messages = 0;  // = sent
  std::vector<SenderStats> senders;
  Recommendation recommendation;
};

// The brand-level view of a portfolio run: campaigns of one brand simulated together.
// Why a send is not simulated (SimulationOutput::simulated), as the reports say it.
inline constexpr char kPastHorizonText[] =
    "the send does not end before the latest time smslint simulates";

struct PortfolioSummary {
  std::string brand;                   // as the first campaign writes it
  std::string time_zone;               // the first simulated campaign's schedule zone, for times
  std::vector<std::string> campaigns;  // their files, in run order
  // Files of the brand whose send does not end before the simulator's horizon: not
  // on the timeline, not in the totals (each has its traffic/stale-delivery error).
  std::vector<std::string> not_simulated;
  Outcomes totals;  // every campaign's outcomes added up
  // A carrier cap the campaigns share (T-Mobile's 10DLC brand cap).
  struct SharedCap {
    std::string carrier;
    std::string unit;
    double value = 0;
    int64_t peak_day = 0;  // most the brand offered in one reset day
    int64_t failed = 0;    // messages of every campaign over it
    absl::Time first_failed = absl::InfiniteFuture();
  };
  std::vector<SharedCap> caps;
  // The states' per-24-hour caps, across the campaigns.
  int64_t frequency_over = 0;        // messages over a recipient's cap
  int64_t frequency_recipients = 0;  // recipients who got them
  int max_in_24h = 0;                // the most one recipient got within 24 hours
  // Content or a link domain the campaigns send from several numbers.
  struct SharedItem {
    std::string item;                  // "link domain acme.com", "body of template 'promo'"
    std::vector<std::string> senders;  // "file: +14155550100"
    bool error = false;                // snowshoeing on a route where it is an error
  };
  std::vector<SharedItem> shared;
};

}  // namespace smslint

#endif  // SMSLINT_SIM_SIM_RESULT_H_
