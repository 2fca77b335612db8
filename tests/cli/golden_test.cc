// Runs the CLI on every example campaign and compares with tests/golden/cli/.
// After an intended change: `make golden` and review the diff.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/cli/run_cli.h"

namespace smslint {
namespace {

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST_CASE("golden CLI outputs match for every example campaign") {
  std::filesystem::path root = SMSLINT_SOURCE_DIR;
  std::filesystem::path golden = root / "tests/golden/cli";
  int compared = 0;
  for (const auto& entry : std::filesystem::directory_iterator(golden)) {
    std::string file = entry.path().filename().string();
    // <campaign>.<command>.<ext>, campaign path with '/' written as '_'.
    size_t ext_dot = file.rfind('.');
    size_t cmd_dot = file.rfind('.', ext_dot - 1);
    std::string ext = file.substr(ext_dot + 1);
    std::string command = file.substr(cmd_dot + 1, ext_dot - cmd_dot - 1);
    std::string name = file.substr(0, cmd_dot);
    std::string campaign;
    for (const char* candidate : {"", "mistakes/"}) {
      std::string rel = std::string(candidate) +
                        (std::string(candidate).empty() ? name : name.substr(name.find('_') + 1));
      if (std::filesystem::exists(root / "campaigns" / (rel + ".yaml"))) campaign = rel;
    }
    REQUIRE_MESSAGE(!campaign.empty(), "no campaign for golden file " << file);
    std::string format = ext == "txt" ? "text" : "json";
    CliResult got = RunCli({command, "--format", format, "campaigns/" + campaign + ".yaml"});
    CAPTURE(file);
    CHECK(got.output + "exit " + std::to_string(got.exit_code) + "\n" == ReadAll(entry.path()));
    ++compared;
  }
  CHECK(compared >= 8);
}

}  // namespace
}  // namespace smslint
