#include "cli/command.h"

namespace smslint {

CommandSpec CheckCommand();
CommandSpec ExplainCommand();
CommandSpec InitCommand();
CommandSpec LintCommand();
CommandSpec ProfilesCommand();
CommandSpec RulesCommand();
CommandSpec SegmentsCommand();
CommandSpec SimulateCommand();
CommandSpec TextCommand();

std::vector<CommandSpec> Commands() {
  // One line per command, in help order.
  std::vector<CommandSpec> commands;
  commands.push_back(CheckCommand());
  commands.push_back(LintCommand());
  commands.push_back(SimulateCommand());
  commands.push_back(TextCommand());
  commands.push_back(SegmentsCommand());
  commands.push_back(RulesCommand());
  commands.push_back(ExplainCommand());
  commands.push_back(InitCommand());
  commands.push_back(ProfilesCommand());
  return commands;
}

}  // namespace smslint
