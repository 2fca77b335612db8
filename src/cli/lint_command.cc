#include "cli/report_command.h"

namespace smslint {

CommandSpec LintCommand() {
  auto inputs = std::make_shared<std::vector<std::string>>();
  auto options = std::make_shared<CommonOptions>();
  CommandSpec spec{"lint",
                   "Schema and content rules only (reads the recipients header, not its rows)"};
  spec.args.push_back(
      {"files", "Campaign files, directories, or - for stdin", inputs.get(), {}, true});
  AddCommonArgs(spec.args, *options);
  spec.run = [inputs, options] {
    return RunReportCommand(*inputs, *options, SessionOptions::Stage::kLint);
  };
  return spec;
}

}  // namespace smslint
