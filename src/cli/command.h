// Commands: each command file describes one command as data (its arguments, bound to
// the fields of its options, and what it runs); commands.cc lists them; app.cc, the
// one file that includes CLI11, turns the table into the parser.
#ifndef SMSLINT_CLI_COMMAND_H_
#define SMSLINT_CLI_COMMAND_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/diagnostic.h"
#include "pipeline/session.h"

namespace smslint {

// Exit codes (DESIGN.md): 0 clean, 1 findings at or above --fail-on, 2 input unusable.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitInputError = 2;

// Options shared by the commands that report findings.
struct CommonOptions {
  std::string format = "text";  // text | json | sarif | github | junit
  std::string output;           // --output FILE, written atomically
  std::string fail_on = "error";
  std::vector<std::string> rule_dirs;
  std::string profile;
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::string config;
  std::string color = "auto";
  bool show_pii = false;
  uint64_t seed = 1;
  bool quiet = false;
  bool exit_zero = false;
  std::string report_html;  // --report FILE (check, simulate)
  // --allow-outside DIR: recipients/suppression files may also be read below DIR.
  std::vector<std::string> allow_outside;
  // check: write the recommended plan into each campaign file (--apply-plan), or
  // print it as a unified diff and write nothing (--diff).
  bool apply_plan = false;
  bool diff = false;
};

// One argument of a command: a positional ("files") or an option ("--format",
// "-o,--output"), bound to a field of the command's options. A bool target is a flag.
struct Arg {
  std::string names;
  std::string help;
  std::variant<std::string*, std::vector<std::string>*, uint64_t*, bool*> target;
  std::vector<std::string> choices;  // the allowed values; empty: any
  bool required = false;
  std::string default_text;  // shown in --help
  bool* given = nullptr;     // set to whether the argument was on the command line
};

struct CommandSpec {
  std::string name;
  std::string description;
  std::vector<Arg> args;
  std::function<int()> run;  // after parsing; returns the exit code
};

// --format, --output, --fail-on, --rules, --select, ... bound to `options`.
void AddCommonArgs(std::vector<Arg>& args, CommonOptions& options, bool with_formats = true);

// The session's options from the flags.
SessionOptions ToSessionOptions(const CommonOptions& options, SessionOptions::Stage stage);

// Whether findings at `worst` make the exit code 1 under --fail-on.
bool FailsOn(std::optional<Level> worst, const std::string& fail_on);

// Colour for stdout: --color, NO_COLOR, and whether stdout is a terminal.
bool UseColor(const std::string& color_option);

// Writes `bytes` to --output atomically (temp file + rename) or to stdout.
// Returns false after printing "path: error: ..." on failure. A new file is
// created 0600 when `holds_pii` (--show-pii), else 0666, less the umask.
bool WriteOutput(const std::string& output_path, const std::string& bytes, bool holds_pii = false);

// Refuses outputs that would replace an input: for the first of `outputs` (files;
// "" and "-" are stdout) that is the same file as one of `inputs`, prints
// "path:1:1: error: ..." and returns false. Call it before writing anything.
bool CheckOutputsSpareInputs(const std::vector<std::string>& outputs,
                             const std::vector<std::string>& inputs);

// One line "path:line:col: error: message" on stderr; returns kExitInputError.
int ReportInputError(const std::string& message);

// The command table, in the order `smslint --help` lists them.
std::vector<CommandSpec> Commands();

}  // namespace smslint

#endif  // SMSLINT_CLI_COMMAND_H_
