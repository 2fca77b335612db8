#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli/command.h"
#include "util/files.h"

namespace smslint {

SessionOptions ToSessionOptions(const CommonOptions& options, SessionOptions::Stage stage) {
  SessionOptions session;
  session.stage = stage;
  session.profile_override = options.profile;
  session.seed = options.seed;
  session.show_pii = options.show_pii;
  session.rule_dirs = options.rule_dirs;
  session.select = options.select;
  session.ignore = options.ignore;
  session.config = options.config;
  return session;
}

void AddCommonOptions(CLI::App& command, CommonOptions& options, bool with_formats) {
  if (with_formats) {
    command.add_option("--format", options.format, "Output format")
        ->check(CLI::IsMember({"text", "json", "sarif", "github", "junit"}))
        ->default_str("text");
  }
  command.add_option("--output,-o", options.output, "Write the report to FILE (atomically)");
  command.add_option("--fail-on", options.fail_on,
                     "Lowest level that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->default_str("error");
  command.add_flag("--exit-zero", options.exit_zero, "Exit 0 even when findings fail the run");
  command.add_option("--rules", options.rule_dirs, "Extra rule pack directory (repeatable)");
  command.add_option("--select", options.select, "Only rules matching GLOB (repeatable)");
  command.add_option("--ignore", options.ignore, "Skip rules matching GLOB (repeatable)");
  command.add_option("--config", options.config, "Config file (default: nearest .smslint.yaml)");
  command.add_option("--color", options.color, "Colour: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  command.add_flag("--show-pii", options.show_pii, "Show recipient numbers in full");
  command.add_flag("-q,--quiet", options.quiet, "Print only findings, no summary");
}

bool FailsOn(std::optional<Level> worst, const std::string& fail_on) {
  if (!worst || fail_on == "never") return false;
  std::optional<Level> threshold = ParseLevel(fail_on);
  return threshold && *worst >= *threshold;
}

bool UseColor(const std::string& color_option) {
  if (color_option == "always") return true;
  if (color_option == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string(term) == "dumb") return false;
  return isatty(STDOUT_FILENO) != 0;
}

bool WriteOutput(const std::string& output_path, const std::string& bytes) {
  if (output_path.empty() || output_path == "-") {
    std::fwrite(bytes.data(), 1, bytes.size(), stdout);
    std::fflush(stdout);
    return true;
  }
  absl::Status status = WriteFileAtomically(output_path, bytes);
  if (!status.ok()) {
    ReportInputError(std::string(status.message()));
    return false;
  }
  return true;
}

int ReportInputError(const std::string& message) {
  std::fflush(stdout);
  std::cerr << message << '\n';
  return kExitInputError;
}

}  // namespace smslint
