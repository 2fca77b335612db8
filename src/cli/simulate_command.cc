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
  if (!options.common.report_html.empty() &&
      !WriteOutput(options.common.report_html, EmitHtmlReport({result}, report)))
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
  if (!WriteOutput(options.common.output, bytes)) return kExitInputError;
  if (!result.sim && options.common.format == "text") {
    std::cerr << result.path << ": the campaign could not be simulated (see the findings above)\n";
  }
  if (options.common.exit_zero) return kExitClean;
  return FailsOn(worst, options.common.fail_on) ? kExitFindings : kExitClean;
}

}  // namespace

void AttachSimulateCommand(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "simulate", "Simulate the send message by message: per-sender table and traffic chart");
  auto options = std::make_shared<SimulateOptions>();
  cmd->add_option("file", options->file, "Campaign file, or - for stdin")->required();
  AddCommonOptions(*cmd, options->common);
  cmd->add_option("--profile", options->common.profile, "Route profile to simulate against");
  cmd->add_option("--seed", options->common.seed, "Seed for the simulation's random draws");
  cmd->add_option("--report", options->common.report_html,
                  "Also write a self-contained HTML report to FILE");
  cmd->add_flag("--ascii", options->ascii, "Draw the chart with plain ASCII characters");
  cmd->callback([options, &exit_code] { exit_code = RunSimulate(*options); });
}

}  // namespace smslint
