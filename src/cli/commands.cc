#include "cli/command.h"

namespace smslint {

void AttachCheckCommand(CLI::App& app, int& exit_code);
void AttachExplainCommand(CLI::App& app, int& exit_code);
void AttachInitCommand(CLI::App& app, int& exit_code);
void AttachLintCommand(CLI::App& app, int& exit_code);
void AttachProfilesCommand(CLI::App& app, int& exit_code);
void AttachRulesCommand(CLI::App& app, int& exit_code);
void AttachSegmentsCommand(CLI::App& app, int& exit_code);
void AttachSimulateCommand(CLI::App& app, int& exit_code);
void AttachTextCommand(CLI::App& app, int& exit_code);

const std::vector<CommandEntry>& Commands() {
  // One line per command, in help order.
  static const std::vector<CommandEntry> kCommands = {
      {"check", AttachCheckCommand},
      {"lint", AttachLintCommand},
      {"simulate", AttachSimulateCommand},
      {"text", AttachTextCommand},
      {"segments", AttachSegmentsCommand},
      {"rules", AttachRulesCommand},
      {"explain", AttachExplainCommand},
      {"init", AttachInitCommand},
      {"profiles", AttachProfilesCommand},
  };
  return kCommands;
}

}  // namespace smslint
