#include "cli/command.h"

namespace smslint {

void AttachCheckCommand(CLI::App& app, int& exit_code);
void AttachInitCommand(CLI::App& app, int& exit_code);
void AttachLintCommand(CLI::App& app, int& exit_code);
void AttachSegmentsCommand(CLI::App& app, int& exit_code);

const std::vector<CommandEntry>& Commands() {
  // One line per command, in help order.
  static const std::vector<CommandEntry> kCommands = {
      {"check", AttachCheckCommand},
      {"lint", AttachLintCommand},
      {"segments", AttachSegmentsCommand},
      {"init", AttachInitCommand},
  };
  return kCommands;
}

}  // namespace smslint
