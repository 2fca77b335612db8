// The recommendation (DESIGN.md "Recommendation"): a search over the schedule's rate,
// window and days, the number of senders, the sender strategy and the route, where
// every candidate is judged by running the simulator on it. The plan it returns is
// one the simulation shows to be clean, or, when none is, the one that leaves the
// least, with what remains and why.
//
// The order of preference: no traffic error, no traffic warning, fewer messages
// failed, filtered, stale or in quiet hours, the shortest campaign, the fewest fields
// changed. A route change needs a registration (weeks), so the search offers one only
// when no candidate on the campaign's own route is clean.
#ifndef SMSLINT_SIM_PLAN_SEARCH_H_
#define SMSLINT_SIM_PLAN_SEARCH_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "sim/sim_result.h"
#include "sim/simulator.h"

namespace smslint {

struct PlanSearchOptions {
  // The run's config (select, ignore, severities) on a candidate's findings, with no
  // side effect: a rule the user turned off does not block a plan.
  std::function<void(std::vector<Diagnostic>&)> judge;
  // --profile NAME fixes the route: no route change is searched.
  bool route_fixed = false;
  // The file's other findings (schema, content, data), judged: those at error or
  // warning remain whatever the schedule.
  const std::vector<Diagnostic>* other_findings = nullptr;
  // At most this many messages simulated over all candidates (0: the default,
  // max(kMinBudget, kBudgetRuns x the campaign's messages)).
  int64_t budget_messages = 0;
  // Threads the candidates' simulations run on, the caller's included (0: the
  // machine's, at most kSearchThreads). The recommendation is the same whatever the
  // count: runs started ahead of need count only once the search asks for them.
  int threads = 0;
  // Tests: set by SearchPlanAhead to whether the search begun ahead stood.
  bool* ahead_stood = nullptr;
  // Above this many messages, two full runs are not held at once (the run as written
  // ends before the confirmation on every row starts); tests lower it.
  int64_t confirm_ahead_messages = 0;  // 0: kConfirmAheadMessages
  // Tests: called on the searching thread as a run on every row is submitted.
  std::function<void()> on_full_run;
  // Searching ahead of a run as written whose plan is still being built: waits for
  // that plan and tells whether it passed the horizon (the run is then not simulated,
  // and no run on every row is started for a recommendation that will not be made).
  std::function<bool()> plan_past_horizon;
};

inline constexpr int kSearchThreads = 2;
// Up to this many messages, the run on every row that confirms a sample's winner is
// started beside the search (two full runs may then be held at once); above, it
// waits for the run as written (searching ahead) and runs alone.
inline constexpr int64_t kConfirmAheadMessages = 4'000'000;
static_assert(kConfirmAheadMessages <= static_cast<int64_t>(kPipelinedRunMessages),
              "a pipelined run has the other core: no two full runs at once");

inline constexpr int64_t kMinSearchBudget = 2'000'000;
inline constexpr int kSearchBudgetRuns = 12;
// Above this many messages the candidates are simulated on a sample of about
// kSampleSize recipients (counts scaled to the sample), and the winner confirmed on
// every recipient.
inline constexpr int64_t kSampleAbove = 60'000;
inline constexpr int64_t kSampleSize = 20'000;
inline constexpr int kSampleBudgetRuns = 40;  // candidates' worth of sampled messages

// `current` is the simulation of the campaign as written (its diagnostics not yet
// judged). Deterministic: candidates are simulated with `input.seed`.
Recommendation SearchPlan(const SimulationInput& input, const SimulationOutput& current,
                          const PlanSearchOptions& options);

// The same recommendation, searched while the run as written is still going (on
// another thread): `messages` is that run's count of messages (its plan's), and
// `current` waits for the run and returns it (called on this thread only). On a large
// list (above kSampleAbove), with a second thread, the search on the sample starts at once, the
// sample's screening of the schedule as written standing in for the run in what the first round
// learns; once the run is in, a search whose guess it does not bear out is done again from the
// start, so the result is SearchPlan's whatever the guess.
Recommendation SearchPlanAhead(const SimulationInput& input, int64_t messages,
                               const std::function<const SimulationOutput&()>& current,
                               const PlanSearchOptions& options);

// The rates the search proposes, as a campaign file writes them ("4/h", "15/min",
// "2/s"), slowest first.
struct PlanRate {
  double per_second = 0;
  std::string text;
};
const std::vector<PlanRate>& PlanRates();

// "09:00-20:00".
std::string FormatMinuteWindow(const MinuteWindow& window);

}  // namespace smslint

#endif  // SMSLINT_SIM_PLAN_SEARCH_H_
