// The traffic simulator: the schedule becomes send events, message by message, and
// each event is counted against the route profile's sliding windows, the quiet
// hours and a filter model. Time is virtual: the simulation never reads a clock, so
// a multi-day campaign across a DST change runs in milliseconds.
#ifndef SMSLINT_SIM_SIMULATOR_H_
#define SMSLINT_SIM_SIMULATOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "campaign/campaign.h"
#include "campaign/recipients.h"
#include "diag/diagnostic.h"
#include "diag/rule_catalog.h"
#include "sim/profile.h"
#include "sim/sim_result.h"

namespace smslint {

// Above this many messages a run reads its messages from the provider queue on a
// thread of its own while the rules judge the batch before (two stages of one run on
// two cores). Runs that large are never held two at once (plan_search.h's
// kConfirmAheadMessages is not above this), so the other core is free but for the
// sample search's first moments; below, runs share the cores with one another.
inline constexpr size_t kPipelinedRunMessages = 4'000'000;

struct SimulationInput {
  const Campaign* campaign = nullptr;
  const RecipientTable* recipients = nullptr;
  const Profile* profile = nullptr;
  std::vector<Diagnostic> content_findings;  // the content diagnostics, for the filter model
  uint64_t seed = 1;
  bool show_pii = false;  // recipient numbers in findings unmasked
  // Runs of more messages than this are pipelined (kPipelinedRunMessages; tests lower
  // it: the output is the same either way).
  size_t pipelined_above_messages = kPipelinedRunMessages;
};

struct SimulationOutput {
  SimResult result;
  std::vector<Diagnostic> diagnostics;
  // False when the plan does not end before the simulator's horizon
  // (SendPlan::past_horizon): one traffic/stale-delivery error says so, `result` is
  // empty and no traffic rule ran.
  bool simulated = true;
};

// One message leaving a sender, in 16 bytes: a plan holds one per message (10M
// recipients, 160 MB). Times are microseconds since the Unix epoch; a plan's times
// lie within +-kLatestPlanTimeUs (sim/local_time.h; PlanSends clamps to it), far
// inside 63 bits, so the time and the late flag share one word.
class SendEvent {
 public:
  SendEvent() = default;
  SendEvent(int64_t time_us, uint32_t row, uint16_t sender, uint16_t template_index,
            bool late = false)
      : row(row), sender(sender), template_index(template_index), time_late_(Pack(time_us, late)) {}

  int64_t time_us() const { return (time_late_ - (time_late_ & 1)) / 2; }
  // Waited past the first window open to its recipient.
  bool late() const { return (time_late_ & 1) != 0; }
  void set_time_us(int64_t time_us) { time_late_ = Pack(time_us, late()); }
  void set_late(bool late) { time_late_ = Pack(time_us(), late); }

  uint32_t row = 0;     // recipient row in the RecipientTable
  uint16_t sender = 0;  // index into campaign.senders
  uint16_t template_index = 0;

 private:
  static int64_t Pack(int64_t time_us, bool late) { return time_us * 2 + (late ? 1 : 0); }
  int64_t time_late_ = 0;  // time_us * 2 + late
};
static_assert(sizeof(SendEvent) == 16, "one plan event is 16 bytes");

// The event source: what the schedule produces, in per-sender time order
// (all of sender 0's events, then sender 1's, ...).
struct SendPlan {
  std::vector<SendEvent> events;
  absl::Time start;
  double rate_per_second = 0;      // per sender, as simulated
  bool rate_from_profile = false;  // schedule.rate absent: the route's per-second limit
  // Events that reach kLatestPlanTimeUs (sim/local_time.h) and are piled there: the
  // send does not end before the horizon (a slow rate for millions of recipients),
  // and what it would do is not simulated.
  int64_t past_horizon = 0;
  // Built by PlanSends: each sendable row once, so each number once (a duplicate's
  // later rows are not sendable). False for a plan made or edited by hand: its
  // events are scanned to know (SendsEachNumberOnce).
  bool rows_once = false;
};
SendPlan PlanSends(const SimulationInput& input);

// Runs the whole simulation: PlanSends, then the traffic rules (sim/rules/), the
// filter model last.
SimulationOutput Simulate(const SimulationInput& input);

// Runs the rules and the filter model over `plan` (tests inject hand-made events:
// bursts at a DST change, at midnight, exactly at a threshold).
SimulationOutput Simulate(const SimulationInput& input, const SendPlan& plan);

// The portfolio (DESIGN.md "Portfolio"): the campaigns of one brand given to one run,
// simulated on one timeline. Each campaign is planned and queued as if alone; then
// their messages are merged by the time they leave the provider queue and shown to
// each campaign's rules in that order, with one PortfolioState the rules share (the
// brand's carrier caps, each recipient's solicitations in the last 24 hours). Last,
// the campaigns' numbers are compared for the same content or link domain
// (cross-campaign snowshoeing). Findings stay with the campaign whose messages caused
// them; the summary is the brand-level view.
struct PortfolioOutput {
  std::vector<SimulationOutput> campaigns;  // in the order of `inputs`
  PortfolioSummary summary;
};
PortfolioOutput SimulatePortfolio(const std::vector<SimulationInput>& inputs);

// The key campaigns are grouped by: campaign.brand in lower case without spaces or
// punctuation ("Acme Coffee", "ACME coffee." and "Acme-Coffee" are one brand); ""
// when the brand has no letter or digit.
std::string BrandKey(std::string_view brand);

// (ResolveProfileName is declared in sim/profile.h, included above.)

}  // namespace smslint

#endif  // SMSLINT_SIM_SIMULATOR_H_
