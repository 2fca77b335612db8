// `smslint text`, `rules` and `explain` end to end.
#include <filesystem>
#include <fstream>

#include "cli/run_cli.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

TEST_CASE("text: columns inside the message, caret, exit code by --fail-on") {
  CliResult r =
      RunCli({"text", "--color", "never", "Acme Liquors: 20% off all wine. Reply STOP to opt out"});
  CHECK(r.exit_code == 1);
  CHECK(
      r.stdout_text.find("<text>:1:27: error: SHAFT-C content (alcohol): \"wine\" [content/shaft]\n"
                         "  Acme Liquors: 20% off all wine. Reply STOP to opt out\n"
                         "                            ^~~~\n") != std::string::npos);
  CliResult clean = RunCli({"text", "--brand", "Acme Coffee", "--use-case", "marketing",
                            "Acme Coffee: lattes 20% off today. Reply STOP to opt out"});
  CHECK(clean.exit_code == 0);
  CHECK(clean.stdout_text == "no findings\n");
  CliResult warn = RunCli({"text", "--fail-on", "warning", "Lattes 20% off!!"});
  CHECK(warn.exit_code == 1);
  CHECK(RunCli({"text", "Lattes 20% off!!"}).exit_code == 0);
}

TEST_CASE("text: stdin, context flags, json") {
  CliResult r = RunCli(
      {"text", "--format", "json", "--brand", "Acme", "--use-case", "marketing", "--country", "CA"},
      "Lattes at http://acme.com/x\n");
  CHECK(r.exit_code == 1);
  CHECK(r.stdout_text.find("\"rule\": \"content/missing-brand\"") != std::string::npos);
  CHECK(r.stdout_text.find("\"rule\": \"content/missing-opt-out\"") != std::string::npos);
  CHECK(r.stdout_text.find("\"rule\": \"content/insecure-link\",\n      \"level\": \"error\"") !=
        std::string::npos);
  CliResult bad = RunCli({"text", "--use-case", "marketting", "hi"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.stderr_text.find("did you mean 'marketing'?") != std::string::npos);
}

TEST_CASE("text: --ignore, --select and a broken --rules pack") {
  CHECK(RunCli({"text", "--ignore", "content/*", "Buy wine!!"}).exit_code == 0);
  CHECK(RunCli({"text", "--select", "content/excessive-punctuation", "Buy wine!!"}).exit_code == 0);
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "smslint_commands_test_rules";
  fs::create_directories(dir);
  std::ofstream(dir / "x.yml") << "id: house/x\nextends: existence\nlevel: info\npaterns: ['a']\n";
  CliResult r = RunCli({"text", "--rules", dir.string(), "hi"});
  CHECK(r.exit_code == 2);
  CHECK(r.stderr_text.find((dir / "x.yml").string() + ":4:1: error: unknown key 'paterns'") == 0);
  fs::remove_all(dir);
}

TEST_CASE("rules and explain") {
  CliResult rules = RunCli({"rules"});
  CHECK(rules.exit_code == 0);
  for (const char* id : {"content/shaft", "content/missing-opt-out", "content/public-url-shortener",
                         "lint/unused-suppression", "schema/unknown-key"}) {
    CHECK(rules.stdout_text.find(id) != std::string::npos);
  }
  CHECK(RunCli({"rules", "--format", "json"}).stdout_text.find("\"id\": \"content/spam-phrase\"") !=
        std::string::npos);
  CliResult explain = RunCli({"explain", "content/excessive-caps"});
  CHECK(explain.exit_code == 0);
  CHECK(explain.stdout_text.find("Why: ") != std::string::npos);
  CHECK(explain.stdout_text.find("max_caps_ratio = 0.5") != std::string::npos);
  CHECK(explain.stdout_text.find("Source: ") != std::string::npos);
  CliResult unknown = RunCli({"explain", "content/shafts"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.stderr_text.find("did you mean 'content/shaft'?") != std::string::npos);
}

}  // namespace
}  // namespace smslint
