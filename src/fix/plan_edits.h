// The recommended plan (sim/plan_search.h) as edits to the campaign file it came
// from: each field's value replaced where it is written, a missing field inserted at
// the end of its section (the section added at the end of the file when absent),
// senders past the plan's count removed. Comments, key order and every other line
// stay as written.
#ifndef SMSLINT_FIX_PLAN_EDITS_H_
#define SMSLINT_FIX_PLAN_EDITS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "campaign/campaign.h"
#include "fix/edit.h"
#include "sim/sim_result.h"

namespace smslint {

// An error (a section written in flow style, `{...}`, where a key must be added)
// says "path:line:col: error: ..." and which field to change by hand.
absl::StatusOr<std::vector<TextEdit>> PlanEdits(const Campaign& campaign,
                                                const std::vector<PlanSetting>& plan);

}  // namespace smslint

#endif  // SMSLINT_FIX_PLAN_EDITS_H_
