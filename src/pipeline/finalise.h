// Finaliser: the one pass every finding of a file goes through, once: the file's
// suppression comments, then the config (`.smslint.yaml`, --select, --ignore), and at
// the end the unused suppressions and the sort.
#ifndef SMSLINT_PIPELINE_FINALISE_H_
#define SMSLINT_PIPELINE_FINALISE_H_

#include <string>
#include <vector>

#include "campaign/campaign.h"
#include "diag/diagnostic.h"
#include "lint/config.h"
#include "lint/suppression.h"

namespace smslint {

class Finaliser {
 public:
  Finaliser(const Campaign& campaign, const Config& config, std::vector<std::string> select,
            std::vector<std::string> ignore);

  // Suppresses, filters and re-levels `batch` (each finding once: the content
  // findings before the simulation reads them, the traffic findings after).
  void Apply(std::vector<Diagnostic>& batch);

  // The config (not the suppression comments) on findings the run will not report: a
  // candidate plan's (sim/plan_search.h). No side effect.
  void Preview(std::vector<Diagnostic>& batch) const;

  // All findings of the file, sorted, with lint/unused-suppression for the
  // suppressions of rules in `rules_run` that matched nothing.
  std::vector<Diagnostic> Finish(std::vector<Diagnostic> findings,
                                 const std::vector<std::string>& rules_run) const;

 private:
  const Config& config_;
  std::vector<std::string> select_;
  std::vector<std::string> ignore_;
  SuppressionFilter suppressions_;
};

}  // namespace smslint

#endif  // SMSLINT_PIPELINE_FINALISE_H_
