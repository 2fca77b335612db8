// FileResult: everything the emitters need about one analysed campaign file.
#ifndef SMSLINT_REPORT_FILE_RESULT_H_
#define SMSLINT_REPORT_FILE_RESULT_H_

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/rule_catalog.h"
#include "sim/sim_result.h"

namespace smslint {

struct FileResult {
  std::string path;                     // as given ("-" for stdin)
  std::string source;                   // file text, for source lines under findings
  std::vector<Diagnostic> diagnostics;  // sorted
  std::optional<SimResult> sim;         // set by `check` and `simulate`
  std::vector<std::string> rules_run;   // ids of the rules that ran on this file
  // Facts about the run that are not findings ("300 recipients, 298 sendable";
  // "12 recipients got a guessed time zone"), shown after the findings.
  std::vector<std::string> facts;
  // The recipients and suppression files read for it (outputs must not replace them).
  std::vector<std::string> data_files;
};

struct ReportOptions {
  bool color = false;
  bool show_pii = false;
  Level fail_on = Level::kError;  // for JUnit failures
  bool fail_never = false;
  const RuleCatalog* catalog = nullptr;
  // The brand-level sections of a portfolio run (null or empty: none).
  const std::vector<PortfolioSummary>* portfolios = nullptr;
};

}  // namespace smslint

#endif  // SMSLINT_REPORT_FILE_RESULT_H_
