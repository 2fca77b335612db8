// The pipeline for one campaign file: load, content, recipients, simulation.
#ifndef SMSLINT_CLI_ANALYSIS_H_
#define SMSLINT_CLI_ANALYSIS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "report/file_result.h"

namespace smslint {

struct AnalysisOptions {
  // kLint: schema + content (recipients header only). kCheck: everything, with the
  // simulation.
  enum class Stage { kLint, kCheck } stage = Stage::kCheck;
  std::string profile_override;
  uint64_t seed = 1;
  bool show_pii = false;
  std::vector<std::string> rule_dirs;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::string config;
};

// A Status error means the file could not be processed (exit 2); its message is
// "path:line:col: error: ...".
absl::StatusOr<FileResult> AnalyzeFile(const std::string& path, const AnalysisOptions& options);

struct AnalysisRun {
  std::vector<FileResult> results;  // the files that could be processed
  std::vector<std::string> errors;  // "path:line:col: error: ..." for the others
};

// Runs AnalyzeFile on each input (files, directories, "-"), in order. A file that
// cannot be processed is an error line; the others are still analysed.
AnalysisRun AnalyzeInputs(const std::vector<std::string>& inputs, const AnalysisOptions& options);

}  // namespace smslint

#endif  // SMSLINT_CLI_ANALYSIS_H_
