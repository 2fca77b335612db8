#include "cli/report_command.h"

namespace smslint {

void AttachCheckCommand(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "check", "Full pre-flight: schema, content, recipients and the send simulation");
  auto inputs = std::make_shared<std::vector<std::string>>();
  auto options = std::make_shared<CommonOptions>();
  cmd->add_option("files", *inputs, "Campaign files, directories, or - for stdin")->required();
  AddCommonOptions(*cmd, *options);
  cmd->add_option("--profile", options->profile, "Route profile to simulate against");
  cmd->add_option("--seed", options->seed, "Seed for the simulation's random draws");
  cmd->add_option("--report", options->report_html,
                  "Also write a self-contained HTML report to FILE");
  cmd->callback([inputs, options, &exit_code] {
    exit_code = RunReportCommand(*inputs, *options, SessionOptions::Stage::kCheck);
  });
}

}  // namespace smslint
