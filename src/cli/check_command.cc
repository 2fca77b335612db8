#include "cli/report_command.h"

namespace smslint {

CommandSpec CheckCommand() {
  auto inputs = std::make_shared<std::vector<std::string>>();
  auto options = std::make_shared<CommonOptions>();
  CommandSpec spec{"check", "Full pre-flight: schema, content, recipients and the send simulation"};
  spec.args.push_back(
      {"files", "Campaign files, directories, or - for stdin", inputs.get(), {}, true});
  AddCommonArgs(spec.args, *options);
  spec.args.push_back({"--profile", "Route profile to simulate against", &options->profile});
  spec.args.push_back({"--seed", "Seed for the simulation's random draws", &options->seed});
  spec.args.push_back(
      {"--report", "Also write a self-contained HTML report to FILE", &options->report_html});
  spec.args.push_back({"--apply-plan",
                       "Write the recommended plan (schedule, senders, route) into each "
                       "campaign file, keeping every other line",
                       &options->apply_plan});
  spec.args.push_back({"--diff",
                       "Print the recommended plan as a unified diff of each campaign file "
                       "instead of the report; write nothing",
                       &options->diff});
  spec.run = [inputs, options] {
    return RunReportCommand(*inputs, *options, SessionOptions::Stage::kCheck);
  };
  return spec;
}

}  // namespace smslint
