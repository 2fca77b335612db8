// `smslint simulate FILE...`: the send simulation with its per-sender table and chart;
// the campaigns of one brand among the files are simulated together (a portfolio).
#include <iostream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cli/command.h"
#include "report/emit.h"
#include "report/html_report.h"
#include "report/text_emitter.h"
#include "sim/sim_text.h"
#include "text/line_index.h"
#include "util/files.h"

namespace smslint {
namespace {

struct SimulateOptions {
  std::vector<std::string> files;
  CommonOptions common;
  bool ascii = false;
};

int RunSimulate(const SimulateOptions& options) {
  absl::StatusOr<std::unique_ptr<Session>> session =
      Session::Create(ToSessionOptions(options.common, SessionOptions::Stage::kCheck));
  if (!session.ok()) return ReportInputError(std::string(session.status().message()));
  // Several files of one brand are simulated together (DESIGN.md "Portfolio").
  AnalysisRun run = (*session)->AnalyzeInputs(options.files);
  for (const std::string& error : run.errors) ReportInputError(error);
  if (run.results.empty()) return kExitInputError;
  const bool color = options.common.output.empty() && UseColor(options.common.color);

  ReportOptions report;
  report.color = color;
  report.show_pii = options.common.show_pii;
  report.fail_never = options.common.fail_on == "never";
  if (std::optional<Level> level = ParseLevel(options.common.fail_on)) report.fail_on = *level;
  report.portfolios = &run.portfolios;

  // With a simulation, the report is about traffic: other findings belong to `check`.
  // Without one (the campaign could not be simulated), show every finding so the
  // reason is visible.
  // The HTML report is the marketer's whole picture: every finding, not only traffic.
  std::vector<std::string> inputs_read;
  for (const std::string& input : options.files) {
    absl::StatusOr<std::vector<std::string>> files = ExpandInputs({input});
    if (files.ok()) inputs_read.insert(inputs_read.end(), files->begin(), files->end());
  }
  for (const FileResult& r : run.results) {
    inputs_read.insert(inputs_read.end(), r.data_files.begin(), r.data_files.end());
  }
  if (!CheckOutputsSpareInputs({options.common.output, options.common.report_html}, inputs_read))
    return kExitInputError;
  if (!options.common.report_html.empty() &&
      !WriteOutput(options.common.report_html, EmitHtmlReport(run.results, report),
                   options.common.show_pii))
    return kExitInputError;
  bool all_simulated = true;
  for (FileResult& result : run.results) {
    if (!result.sim) {
      all_simulated = false;
      continue;
    }
    std::vector<Diagnostic> traffic;
    for (Diagnostic& d : result.diagnostics) {
      if (RuleFamily(d.rule) == "traffic") traffic.push_back(std::move(d));
    }
    result.diagnostics = std::move(traffic);
  }
  std::optional<Level> worst;
  for (const FileResult& r : run.results) {
    std::optional<Level> w = WorstLevel(r.diagnostics);
    if (w && (!worst || *w > *worst)) worst = w;
  }
  std::string bytes;
  if (options.common.format == "text" && all_simulated) {
    const bool ascii = options.ascii || !LocaleSupportsUnicode();
    for (const FileResult& result : run.results) {
      const LineIndex lines(result.source);
      if (run.results.size() > 1) bytes += result.path + ":\n";
      for (const Diagnostic& d : result.diagnostics) {
        bytes += FormatDiagnosticText(d, lines.Line(result.source, d.span.line), color);
      }
      if (!result.diagnostics.empty()) bytes += "\n";
      bytes += RenderSimulationText(*result.sim, ascii, color);
      if (run.results.size() > 1) bytes += "\n";
    }
    for (const PortfolioSummary& p : run.portfolios) bytes += "\n" + RenderPortfolioText(p);
  } else {
    bytes = EmitReport(options.common.format, run.results, report, options.common.quiet);
  }
  if (!WriteOutput(options.common.output, bytes, options.common.show_pii)) return kExitInputError;
  if (options.common.format == "text") {
    for (const FileResult& result : run.results) {
      if (!result.sim) {
        std::cerr << result.path
                  << ": the campaign could not be simulated (see the findings above)\n";
      }
    }
  }
  if (!run.errors.empty()) return kExitInputError;
  if (options.common.exit_zero) return kExitClean;
  return FailsOn(worst, options.common.fail_on) ? kExitFindings : kExitClean;
}

}  // namespace

CommandSpec SimulateCommand() {
  auto options = std::make_shared<SimulateOptions>();
  CommandSpec spec{"simulate",
                   "Simulate the send message by message: per-sender table and traffic chart "
                   "(several files of one brand: on one timeline)"};
  spec.args.push_back(
      {"files", "Campaign files, directories, or - for stdin", &options->files, {}, true});
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
