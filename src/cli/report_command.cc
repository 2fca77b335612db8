#include "cli/report_command.h"

#include "cli/catalog.h"
#include "report/emit.h"
#include "report/html_report.h"

namespace smslint {

int RunReportCommand(const std::vector<std::string>& inputs, const CommonOptions& common,
                     AnalysisOptions::Stage stage) {
  AnalysisOptions options;
  options.stage = stage;
  options.profile_override = common.profile;
  options.seed = common.seed;
  options.show_pii = common.show_pii;
  options.rule_dirs = common.rule_dirs;
  options.select = common.select;
  options.ignore = common.ignore;
  options.config = common.config;

  absl::StatusOr<RuleCatalog> catalog = BuildRuleCatalog(common.rule_dirs);
  if (!catalog.ok()) return ReportInputError(std::string(catalog.status().message()));
  AnalysisRun run = AnalyzeInputs(inputs, options);
  for (const std::string& error : run.errors) ReportInputError(error);
  // Nothing could be read: no report at all, only the errors.
  if (run.results.empty()) return kExitInputError;
  const std::vector<FileResult>* results = &run.results;

  ReportOptions report;
  report.color = common.format == "text" && common.output.empty() && UseColor(common.color);
  report.show_pii = common.show_pii;
  report.fail_never = common.fail_on == "never";
  report.fail_on = ParseLevel(common.fail_on).value_or(Level::kError);
  report.catalog = &*catalog;
  if (!WriteOutput(common.output, EmitReport(common.format, *results, report, common.quiet)))
    return kExitInputError;
  if (!common.report_html.empty() && !WriteOutput(common.report_html, EmitHtmlReport(*results, report)))
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
