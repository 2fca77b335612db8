// Shared body of `check` and `lint`: analyse inputs, emit one report, exit code.
#ifndef SMSLINT_CLI_REPORT_COMMAND_H_
#define SMSLINT_CLI_REPORT_COMMAND_H_

#include <string>
#include <vector>

#include "cli/command.h"
#include "pipeline/session.h"

namespace smslint {

int RunReportCommand(const std::vector<std::string>& inputs, const CommonOptions& common,
                     SessionOptions::Stage stage);

}  // namespace smslint

#endif  // SMSLINT_CLI_REPORT_COMMAND_H_
