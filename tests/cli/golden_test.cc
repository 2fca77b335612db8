// Runs the CLI on every example campaign and compares with tests/golden/cli/.
// After an intended change: `make golden` and review the diff.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/run_cli.h"

namespace smslint {
namespace {

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// tests/golden/cli/<campaign>.<command>.<ext>: the campaign's path under campaigns/
// with '/' written as '_' (update.sh names them so).
std::string GoldenName(const std::filesystem::path& campaign_rel, const std::string& command,
                       const std::string& ext) {
  std::string name = campaign_rel.string();
  name.resize(name.size() - std::string(".yaml").size());
  std::replace(name.begin(), name.end(), '/', '_');
  return name + "." + command + "." + ext;
}

TEST_CASE("golden CLI outputs match for every example campaign, and every campaign has them") {
  const std::filesystem::path root = SMSLINT_SOURCE_DIR;
  const std::filesystem::path golden = root / "tests/golden/cli";
  std::vector<std::filesystem::path> campaigns;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root / "campaigns")) {
    std::filesystem::path rel = std::filesystem::relative(entry.path(), root / "campaigns");
    if (entry.is_regular_file() && entry.path().extension() == ".yaml" &&
        rel.begin()->string() != "schema") {
      campaigns.push_back(rel);
    }
  }
  std::sort(campaigns.begin(), campaigns.end());
  std::set<std::string> expected;
  for (const std::filesystem::path& campaign : campaigns) {
    for (const char* command : {"lint", "check"}) {
      for (const char* format : {"text", "json"}) {
        const std::string ext = std::string(format) == "text" ? "txt" : "json";
        const std::string name = GoldenName(campaign, command, ext);
        expected.insert(name);
        CAPTURE(name);
        const std::filesystem::path file = golden / name;
        REQUIRE_MESSAGE(std::filesystem::exists(file), "no golden output for campaigns/"
                                                           << campaign.string()
                                                           << ": run `make golden`");
        CliResult got = RunCli({command, "--format", format, "campaigns/" + campaign.string()});
        CHECK(got.output + "exit " + std::to_string(got.exit_code) + "\n" == ReadAll(file));
      }
    }
  }
  CHECK(campaigns.size() >= 8);
  // A golden file whose campaign is gone is stale.
  for (const auto& entry : std::filesystem::directory_iterator(golden)) {
    CHECK_MESSAGE(expected.count(entry.path().filename().string()) == 1,
                  "stale golden file " << entry.path().filename().string());
  }
}

}  // namespace
}  // namespace smslint
