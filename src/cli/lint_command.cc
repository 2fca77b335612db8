#include "cli/report_command.h"

namespace smslint {

void AttachLintCommand(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "lint", "Schema and content rules only (reads the recipients header, not its rows)");
  auto inputs = std::make_shared<std::vector<std::string>>();
  auto options = std::make_shared<CommonOptions>();
  cmd->add_option("files", *inputs, "Campaign files, directories, or - for stdin")->required();
  AddCommonOptions(*cmd, *options);
  cmd->callback([inputs, options, &exit_code] {
    exit_code = RunReportCommand(*inputs, *options, SessionOptions::Stage::kLint);
  });
}

}  // namespace smslint
