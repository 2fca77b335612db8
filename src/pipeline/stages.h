// The stages of one campaign file's run, in the order the session calls them. Each
// returns its findings, the ids of the rules it ran and its facts; none filters,
// re-levels or sorts findings (the Finaliser does, once).
#ifndef SMSLINT_PIPELINE_STAGES_H_
#define SMSLINT_PIPELINE_STAGES_H_

#include <cstdint>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "campaign/campaign.h"
#include "campaign/recipients.h"
#include "diag/diagnostic.h"
#include "lint/engine.h"
#include "sim/plan_search.h"
#include "sim/planned_run.h"
#include "sim/profile.h"
#include "sim/sim_result.h"

namespace smslint {

struct StageResult {
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> rules_run;
  std::vector<std::string> facts;  // shown after the findings ("300 rows, 298 to send")
};

// The recipients table (every row under `check`, the header only under `lint`)
// and what the data rules read beside it. Its diagnostics are the data rules', once
// RunDataRuleStage has run (a caller may run it beside the content checks: it reads
// the table and facts only).
struct RecipientStageResult : StageResult {
  RecipientTable table;
  RecipientFacts data_facts;
  bool fields_known = false;            // a recipient source was read and has columns
  std::vector<std::string> files_read;  // the recipients and suppression files opened
};
absl::StatusOr<RecipientStageResult> LoadRecipientStage(
    const Campaign& campaign, bool full, const std::vector<std::string>& allow_outside);

// The data rules on a loaded stage's table and facts, and on the senders.
std::vector<Diagnostic> RunDataRuleStage(const Campaign& campaign,
                                         const RecipientStageResult& recipients, bool show_pii,
                                         absl::Time now = absl::InfinitePast());

// The content rules on every template body and on the opt-in confirmation.
// `rendered_per_recipient`: the rendered stage measures personalised templates.
StageResult RunContentStage(const Campaign& campaign, const RuleEngine& engine,
                            const RecipientStageResult& recipients, bool rendered_per_recipient);

// Every template rendered for every sendable recipient, and the content rules on
// each distinct field value (reported once per template, placeholder and rule).
StageResult RunRenderedStage(const Campaign& campaign, const RecipientTable& table,
                             const RuleEngine& engine, bool show_pii, int max_segments);

// The send, message by message, and the traffic rules. `findings` are the file's
// finalised findings so far: the filter model weighs the content ones.
struct SimulationStageResult : StageResult {
  std::optional<SimResult> sim;
};
// Whether the campaign states enough to simulate (a start, a template, usable days).
bool CanSimulate(const Campaign& campaign);
// Why CanSimulate is false, for the report's facts ("" when the reason is already a
// missing field).
std::string SimulationSkippedReason(const Campaign& campaign);
// The plan and provider queue RunSimulationStage would build (sim/planned_run.h),
// for a caller to build beside the content checks.
PlannedRun PlanSimulationRun(const Campaign& campaign, const RecipientTable& table,
                             const Profile& profile, uint64_t seed);
// With `search`, the result carries the recommendation (sim/plan_search.h); with
// `planned` (PlanSimulationRun of the same campaign, table, profile and seed, maybe
// still being built on another thread), its plan and queue are used instead of built
// again.
SimulationStageResult RunSimulationStage(const Campaign& campaign, const RecipientTable& table,
                                         const Profile& profile, uint64_t seed,
                                         const std::vector<Diagnostic>& findings,
                                         bool show_pii = false,
                                         const PlanSearchOptions* search = nullptr,
                                         std::future<PlannedRun> planned = {});

// The campaigns of one brand simulated on one timeline (sim/simulator.h,
// SimulatePortfolio): each member's own stage result, in order, and the brand's view.
struct PortfolioMember {
  const Campaign* campaign = nullptr;
  const RecipientTable* table = nullptr;
  const Profile* profile = nullptr;
  const std::vector<Diagnostic>* findings = nullptr;  // finalised so far
  // The recommendation is searched for each campaign as if sent alone (null: none).
  const PlanSearchOptions* search = nullptr;
};
struct PortfolioStageResult {
  std::vector<SimulationStageResult> campaigns;
  PortfolioSummary summary;
};
PortfolioStageResult RunPortfolioStage(const std::vector<PortfolioMember>& members, uint64_t seed,
                                       bool show_pii);

}  // namespace smslint

#endif  // SMSLINT_PIPELINE_STAGES_H_
