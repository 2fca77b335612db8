#include "cli/report_command.h"

#include "report/emit.h"
#include "report/html_report.h"
#include "util/files.h"

namespace smslint {

int RunReportCommand(const std::vector<std::string>& inputs, const CommonOptions& common,
                     SessionOptions::Stage stage) {
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
