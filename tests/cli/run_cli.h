// Runs the built smslint binary from the repository root and captures its output.
#ifndef SMSLINT_TESTS_CLI_RUN_CLI_H_
#define SMSLINT_TESTS_CLI_RUN_CLI_H_

#include <string>
#include <vector>

namespace smslint {

struct CliResult {
  int exit_code = -1;
  std::string output;  // stdout, then stderr
  std::string stdout_text;
  std::string stderr_text;
};

// `stdin_text` is fed to the process's standard input.
CliResult RunCli(const std::vector<std::string>& args, const std::string& stdin_text = "");

}  // namespace smslint

#endif  // SMSLINT_TESTS_CLI_RUN_CLI_H_
