#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "cli/command.h"
#include "util/files.h"
#include "util/strings.h"

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
  session.allow_outside = options.allow_outside;
  return session;
}

void AddCommonArgs(std::vector<Arg>& args, CommonOptions& options, bool with_formats) {
  if (with_formats) {
    args.push_back({"--format",
                    "Output format",
                    &options.format,
                    {"text", "json", "sarif", "github", "junit"},
                    false,
                    "text"});
  }
  args.push_back({"--output,-o", "Write the report to FILE (atomically)", &options.output});
  args.push_back({"--fail-on",
                  "Lowest level that makes the exit code 1",
                  &options.fail_on,
                  {"error", "warning", "info", "never"},
                  false,
                  "error"});
  args.push_back({"--exit-zero", "Exit 0 even when findings fail the run", &options.exit_zero});
  args.push_back({"--rules", "Extra rule pack directory (repeatable)", &options.rule_dirs});
  args.push_back({"--select", "Only rules matching GLOB (repeatable)", &options.select});
  args.push_back({"--ignore", "Skip rules matching GLOB (repeatable)", &options.ignore});
  args.push_back({"--config", "Config file (default: nearest .smslint.yaml)", &options.config});
  args.push_back({"--color",
                  "Colour: auto, always or never",
                  &options.color,
                  {"auto", "always", "never"},
                  false,
                  "auto"});
  args.push_back({"--show-pii", "Show recipient numbers in full", &options.show_pii});
  args.push_back({"--allow-outside",
                  "Also read recipients/suppression files under DIR, outside the campaign "
                  "file's directory (repeatable)",
                  &options.allow_outside});
  args.push_back({"-q,--quiet", "Print only findings, no summary", &options.quiet});
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

bool WriteOutput(const std::string& output_path, const std::string& bytes, bool holds_pii) {
  if (output_path.empty() || output_path == "-") {
    errno = 0;
    bool written = std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size();
    written = std::fflush(stdout) == 0 && written && std::ferror(stdout) == 0;
    if (!written) {
      ReportInputError(std::string("smslint: error: cannot write output: ") +
                       (errno != 0 ? std::strerror(errno) : "write error"));
      return false;
    }
    return true;
  }
  absl::Status status = WriteFileAtomically(output_path, bytes, holds_pii ? 0600 : 0666);
  if (!status.ok()) {
    ReportInputError(std::string(status.message()));
    return false;
  }
  return true;
}

bool CheckOutputsSpareInputs(const std::vector<std::string>& outputs,
                             const std::vector<std::string>& inputs) {
  // Nor one another (`-o out.txt --report out.txt`: the HTML replaced the report).
  for (size_t i = 0; i < outputs.size(); ++i) {
    for (size_t j = i + 1; j < outputs.size(); ++j) {
      const std::string &a = outputs[i], &b = outputs[j];
      if (a.empty() || a == "-" || b.empty() || b == "-") continue;
      std::error_code ea, eb;
      if (std::filesystem::weakly_canonical(a, ea) == std::filesystem::weakly_canonical(b, eb) &&
          !ea && !eb) {
        ReportInputError(b + ":1:1: error: two outputs of this run would be the same file ('" + a +
                         "'); write them to different files");
        return false;
      }
    }
  }
  for (const std::string& output : outputs) {
    if (output.empty() || output == "-") continue;
    for (const std::string& input : inputs) {
      if (input.empty() || input == "-") continue;
      std::error_code ec;
      if (std::filesystem::equivalent(output, input, ec) && !ec) {
        ReportInputError(output + ":1:1: error: the output would replace '" + input +
                         "', an input of this run; write it to another file");
        return false;
      }
    }
  }
  return true;
}

int ReportInputError(const std::string& message) {
  std::fflush(stdout);
  // One line per problem: a newline or ESC inside a value is escaped.
  std::cerr << EscapeControls(message) << '\n';
  return kExitInputError;
}

}  // namespace smslint
