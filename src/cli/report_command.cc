#include "cli/report_command.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>

#include "absl/strings/str_cat.h"
#include "campaign/loader.h"
#include "fix/edit.h"
#include "fix/plan_edits.h"
#include "report/emit.h"
#include "report/html_report.h"
#include "util/files.h"

namespace smslint {
namespace {

// --apply-plan and --diff: each file's recommended plan as edits to the file as it
// is on disk (the report's copy may be masked). Returns false after printing an
// error line.
bool ApplyPlans(const std::vector<FileResult>& results, const CommonOptions& common,
                std::string& diff) {
  for (const FileResult& r : results) {
    if (!r.sim || r.sim->recommendation.plan.empty()) continue;
    absl::StatusOr<LoadResult> loaded = LoadCampaignFile(r.path);
    if (!loaded.ok()) {
      ReportInputError(std::string(loaded.status().message()));
      return false;
    }
    const Campaign& campaign = loaded->campaign;
    absl::StatusOr<std::vector<TextEdit>> edits = PlanEdits(campaign, r.sim->recommendation.plan);
    absl::StatusOr<std::string> fixed =
        edits.ok() ? ApplyEdits(campaign.source, *edits) : edits.status();
    if (!fixed.ok()) {
      ReportInputError(std::string(fixed.status().message()));
      return false;
    }
    if (common.diff) {
      diff += UnifiedDiff(r.path, campaign.source, *fixed);
      continue;
    }
    struct stat st;
    const mode_t mode = stat(r.path.c_str(), &st) == 0 ? (st.st_mode & 0777) : 0666;
    if (absl::Status written = WriteFileAtomically(r.path, *fixed, mode); !written.ok()) {
      ReportInputError(absl::StrCat(
          r.path, ":1:1: error: cannot write the plan: ", std::string(written.message())));
      return false;
    }
    if (!common.quiet) {
      std::fprintf(stderr, "%s: wrote the recommended plan (%zu %s)\n", r.path.c_str(),
                   r.sim->recommendation.plan.size(),
                   r.sim->recommendation.plan.size() == 1 ? "field" : "fields");
    }
  }
  return true;
}

}  // namespace

int RunReportCommand(const std::vector<std::string>& inputs, const CommonOptions& common,
                     SessionOptions::Stage stage) {
  // A plan is written back to its file: stdin has none, whatever it holds (checked
  // before it is read, so the error is this one and not one about its content).
  if ((common.apply_plan || common.diff) &&
      std::find(inputs.begin(), inputs.end(), "-") != inputs.end()) {
    return ReportInputError(
        "-:1:1: error: --apply-plan and --diff need a campaign file, not stdin");
  }
  absl::StatusOr<std::unique_ptr<Session>> session =
      Session::Create(ToSessionOptions(common, stage));
  if (!session.ok()) return ReportInputError(std::string(session.status().message()));
  AnalysisRun run = (*session)->AnalyzeInputs(inputs);
  for (const std::string& error : run.errors) ReportInputError(error);
  // Nothing could be read: no report at all, only the errors.
  if (run.results.empty()) return kExitInputError;
  const std::vector<FileResult>* results = &run.results;

  ReportOptions report;
  report.color = common.format == "text" && common.output.empty() && UseColor(common.color);
  report.show_pii = common.show_pii;
  report.fail_never = common.fail_on == "never";
  report.fail_on = ParseLevel(common.fail_on).value_or(Level::kError);
  report.catalog = &(*session)->catalog();
  report.portfolios = &run.portfolios;
  // Every campaign file named or found, and every data file read.
  std::vector<std::string> inputs_read;
  for (const std::string& input : inputs) {
    absl::StatusOr<std::vector<std::string>> files = ExpandInputs({input});
    if (files.ok()) inputs_read.insert(inputs_read.end(), files->begin(), files->end());
  }
  for (const FileResult& r : *results)
    inputs_read.insert(inputs_read.end(), r.data_files.begin(), r.data_files.end());
  if (!CheckOutputsSpareInputs({common.output, common.report_html}, inputs_read))
    return kExitInputError;
  if (common.apply_plan || common.diff) {
    std::string diff;
    if (!ApplyPlans(*results, common, diff)) return kExitInputError;
    // --diff: the diff is the output (to apply with `patch -p1`), the report is not;
    // exit 1 when there is a change to make, as `ruff --diff` does.
    if (common.diff) {
      if (!WriteOutput(common.output, diff, false)) return kExitInputError;
      if (!run.errors.empty()) return kExitInputError;
      return diff.empty() ? kExitClean : kExitFindings;
    }
  }
  if (!WriteOutput(common.output, EmitReport(common.format, *results, report, common.quiet),
                   common.show_pii))
    return kExitInputError;
  if (!common.report_html.empty() &&
      !WriteOutput(common.report_html, EmitHtmlReport(*results, report), common.show_pii))
    return kExitInputError;

  std::optional<Level> worst;
  for (const FileResult& r : *results) {
    std::optional<Level> w = WorstLevel(r.diagnostics);
    if (w && (!worst || *w > *worst)) worst = w;
  }
  if (!run.errors.empty()) return kExitInputError;
  if (common.exit_zero) return kExitClean;
  return FailsOn(worst, common.fail_on) ? kExitFindings : kExitClean;
}

}  // namespace smslint
