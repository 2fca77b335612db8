// `smslint simulate FILE`: the send simulation with its per-sender table and chart.
#include <iostream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cli/command.h"
#include "report/emit.h"
#include "report/html_report.h"
#include "report/text_emitter.h"
#include "sim/sim_text.h"
#include "text/line_index.h"

namespace smslint {
namespace {

struct SimulateOptions {
  std::string file;
  CommonOptions common;
  bool ascii = false;
};

int RunSimulate(const SimulateOptions& options) {
  absl::StatusOr<std::unique_ptr<Session>> session =
      Session::Create(ToSessionOptions(options.common, SessionOptions::Stage::kCheck));
  if (!session.ok()) return ReportInputError(std::string(session.status().message()));
  absl::StatusOr<FileResult> analyzed = (*session)->AnalyzeFile(options.file);
  if (!analyzed.ok()) return ReportInputError(std::string(analyzed.status().message()));
  FileResult result = std::move(*analyzed);
  const bool color = options.common.output.empty() && UseColor(options.common.color);

  ReportOptions report;
  report.color = color;
  report.show_pii = options.common.show_pii;
  report.fail_never = options.common.fail_on == "never";
  if (std::optional<Level> level = ParseLevel(options.common.fail_on)) report.fail_on = *level;

  // With a simulation, the report is about traffic: other findings belong to `check`.
  // Without one (the campaign could not be simulated), show every finding so the
  // reason is visible.
  // The HTML report is the marketer's whole picture: every finding, not only traffic.
  std::vector<std::string> inputs_read = result.data_files;
  inputs_read.push_back(options.file);
  if (!CheckOutputsSpareInputs({options.common.output, options.common.report_html}, inputs_read))
    return kExitInputError;
  if (!options.common.report_html.empty() &&
      !WriteOutput(options.common.report_html, EmitHtmlReport({result}, report),
                   options.common.show_pii))
    return kExitInputError;
  if (result.sim) {
    std::vector<Diagnostic> traffic;
    for (Diagnostic& d : result.diagnostics) {
      if (RuleFamily(d.rule) == "traffic") traffic.push_back(std::move(d));
    }
    result.diagnostics = std::move(traffic);
  }
  const std::optional<Level> worst = WorstLevel(result.diagnostics);
  std::string bytes;
  if (options.common.format == "text" && result.sim) {
    const LineIndex lines(result.source);
    for (const Diagnostic& d : result.diagnostics) {
      bytes += FormatDiagnosticText(d, lines.Line(result.source, d.span.line), color);
    }
    if (!result.diagnostics.empty()) bytes += "\n";
    const bool ascii = options.ascii || !LocaleSupportsUnicode();
    bytes += RenderSimulationText(*result.sim, ascii, color);
  } else {
    bytes = EmitReport(options.common.format, {result}, report, options.common.quiet);
  }
  if (!WriteOutput(options.common.output, bytes, options.common.show_pii)) return kExitInputError;
  if (!result.sim && options.common.format == "text") {
    std::cerr << result.path << ": the campaign could not be simulated (see the findings above)\n";
  }
  if (options.common.exit_zero) return kExitClean;
  return FailsOn(worst, options.common.fail_on) ? kExitFindings : kExitClean;
}

}  // namespace

CommandSpec SimulateCommand() {
  auto options = std::make_shared<SimulateOptions>();
  CommandSpec spec{"simulate",
                   "Simulate the send message by message: per-sender table and traffic chart"};
  spec.args.push_back({"file", "Campaign file, or - for stdin", &options->file, {}, true});
  AddCommonArgs(spec.args, options->common);
  spec.args.push_back({"--profile", "Route profile to simulate against", &options->common.profile});
  spec.args.push_back({"--seed", "Seed for the simulation's random draws", &options->common.seed});
  spec.args.push_back({"--report", "Also write a self-contained HTML report to FILE",
                       &options->common.report_html});
  spec.args.push_back({"--ascii", "Draw the chart with plain ASCII characters", &options->ascii});
  spec.run = [options] { return RunSimulate(*options); };
  return spec;
}

}  // namespace smslint
