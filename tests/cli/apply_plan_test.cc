// --apply-plan and --diff (DESIGN.md "Recommendation"): the plan the search prints,
// written into the campaign file, leaves exactly the findings it said remain, on
// every example campaign; --diff prints that change and writes nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "tests/cli/run_cli.h"
#include "tests/regressions/scratch_dir.h"

namespace smslint {
namespace {

namespace fs = std::filesystem;

// The example campaigns, copied into `dir` with their data files.
std::vector<std::string> CopyExamples(const std::string& dir) {
  fs::copy(fs::path(SMSLINT_SOURCE_DIR) / "campaigns", fs::path(dir) / "campaigns",
           fs::copy_options::recursive);
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(dir) / "campaigns")) {
    const std::string path = entry.path().string();
    if (entry.path().extension() == ".yaml" && path.find("/schema/") == std::string::npos)
      files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::set<std::string> ErrorsAndWarnings(const nlohmann::json& doc) {
  std::set<std::string> rules;
  for (const nlohmann::json& f : doc.at("findings")) {
    if (f.at("level") == "error" || f.at("level") == "warning") rules.insert(f.at("rule"));
  }
  return rules;
}

TEST_CASE("--apply-plan: every example's plan leaves exactly the findings it says remain") {
  testing::TempDir dir;
  int planned = 0;
  for (const std::string& file : CopyExamples(dir.path)) {
    CAPTURE(file);
    CliResult before = RunCli({"check", "--format", "json", file});
    if (before.exit_code == 2) continue;  // the syntax-error example
    const nlohmann::json doc = nlohmann::json::parse(before.stdout_text);
    const nlohmann::json& file_json = doc.at("files").at(0);
    if (!file_json.contains("simulation")) continue;
    const nlohmann::json& rec = file_json.at("simulation").at("recommendation");
    const std::set<std::string> remaining(rec.at("remaining").begin(), rec.at("remaining").end());
    if (rec.at("plan").empty()) {
      CHECK(ErrorsAndWarnings(doc) == remaining);
      continue;
    }
    ++planned;
    const std::string original = testing::ReadText(file);
    CliResult diff = RunCli({"check", "--diff", file});
    CHECK(diff.exit_code == 1);
    CHECK(diff.stdout_text.rfind("--- a/", 0) == 0);
    CHECK(testing::ReadText(file) == original);  // --diff writes nothing

    CliResult applied = RunCli({"check", "--apply-plan", "-q", "-o", "/dev/null", file});
    CHECK(applied.exit_code != 2);
    CHECK(testing::ReadText(file) != original);
    CliResult after = RunCli({"check", "--format", "json", file});
    const nlohmann::json after_doc = nlohmann::json::parse(after.stdout_text);
    CHECK(ErrorsAndWarnings(after_doc) == remaining);
    // The outcome the plan predicted is the outcome of the file as rewritten.
    const nlohmann::json& sim = after_doc.at("files").at(0).at("simulation");
    CHECK(sim.at("delivered") == rec.at("predicted").at("delivered").at("total"));
    CHECK(sim.at("end") == rec.at("predicted").at("end"));
    // Applied again, there is nothing left to change.
    CHECK(RunCli({"check", "--diff", file}).stdout_text.empty());
  }
  CHECK(planned >= 6);
}

TEST_CASE("--apply-plan: every line the plan does not name is kept") {
  testing::TempDir dir;
  const std::string file =
      dir.Write("c.yaml",
                "# Flash sale\nversion: 1\ncampaign:\n  name: Flash  # internal name\n"
                "  brand: Acme Coffee\n  use_case: marketing\n  country: US\n  route: 10dlc\n"
                "  trust_score: 90\n  domain: acme.com\nsenders:\n  - \"+14155550100\"\n"
                "templates:\n  - id: t\n    body: \"Acme Coffee: 20% off today https://acme.com/s "
                "Reply STOP to opt out\"\nrecipients:\n  list: [\"+14155550123\", "
                "\"+14155550124\"]\nschedule:\n  start: 2026-12-07T06:00  # early!\n"
                "  timezone: America/New_York\n");
  const std::string original = testing::ReadText(file);
  CliResult diff = RunCli({"check", "--diff", file});
  CAPTURE(diff.output);
  REQUIRE(diff.exit_code == 1);
  CHECK(diff.stdout_text.find("+  window: \"09:00-20:00\"") != std::string::npos);
  REQUIRE(RunCli({"check", "--apply-plan", "-q", "-o", "/dev/null", file}).exit_code != 2);
  const std::string text = testing::ReadText(file);
  // The original lines, in order, with the missing rate and the window added at the
  // end of schedule.
  CHECK(text.rfind(original, 0) == 0);
  const std::string added = text.substr(original.size());
  CHECK(added.rfind("  rate: ", 0) == 0);
  CHECK(added.find("\n  window: \"09:00-20:00\"\n") != std::string::npos);
  CHECK(RunCli({"check", file}).exit_code == 0);
}

TEST_CASE("--apply-plan: stdin cannot be rewritten, a clean campaign has no diff") {
  CliResult from_stdin =
      RunCli({"check", "--apply-plan", "-"},
             testing::ReadText(std::string(SMSLINT_SOURCE_DIR) + "/campaigns/mistakes/"
                                                                 "evening-send.yaml"));
  CHECK(from_stdin.exit_code == 2);
  CHECK(from_stdin.stderr_text.find("-:1:1: error:") == 0);
  CliResult clean = RunCli({"check", "--diff", "campaigns/holiday-promo.yaml"});
  CHECK(clean.exit_code == 0);
  CHECK(clean.stdout_text.empty());
}

}  // namespace
}  // namespace smslint
