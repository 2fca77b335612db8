#include "pipeline/finalise.h"

#include <utility>

namespace smslint {

Finaliser::Finaliser(const Campaign& campaign, const Config& config,
                     std::vector<std::string> select, std::vector<std::string> ignore)
    : config_(config),
      select_(std::move(select)),
      ignore_(std::move(ignore)),
      suppressions_(campaign) {}

void Finaliser::Apply(std::vector<Diagnostic>& batch) {
  suppressions_.Apply(batch);
  ApplyConfig(config_, select_, ignore_, batch);
}

void Finaliser::Preview(std::vector<Diagnostic>& batch) const {
  ApplyConfig(config_, select_, ignore_, batch);
}

std::vector<Diagnostic> Finaliser::Finish(std::vector<Diagnostic> findings,
                                          const std::vector<std::string>& rules_run) const {
  std::vector<Diagnostic> unused = suppressions_.Unused(&rules_run);
  ApplyConfig(config_, select_, ignore_, unused);
  for (Diagnostic& d : unused) findings.push_back(std::move(d));
  SortDiagnostics(findings);
  return findings;
}

}  // namespace smslint
