#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/cli/run_cli.h"

namespace smslint {
namespace {

namespace fs = std::filesystem;

std::string FreshDir(const std::string& name) {
  fs::path dir =
      fs::temp_directory_path() / ("smslint-init-test-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_CASE("init: writes a starter that passes check without any finding") {
  std::string dir = FreshDir("default");
  std::string path = dir + "/campaign.yaml";
  CliResult init = RunCli({"init", path});
  CHECK(init.exit_code == 0);
  REQUIRE(fs::exists(path));
  CHECK(fs::exists(dir + "/campaign-recipients.csv"));
  std::string text = Slurp(path);
  CHECK(text.starts_with("# yaml-language-server: $schema="));
  CHECK(text.find("route: 10dlc") != std::string::npos);
  CliResult check = RunCli({"check", "--fail-on", "info", path});
  CAPTURE(check.output);
  CHECK(check.exit_code == 0);
  fs::remove_all(dir);
}

TEST_CASE("init: every route and use case gives a clean starter") {
  std::string dir = FreshDir("matrix");
  for (const char* route : {"p2p", "10dlc", "toll_free", "short_code"}) {
    for (const char* use_case : {"marketing", "two_factor", "delivery_notification", "fraud_alert",
                                 "account_notification", "mixed"}) {
      std::string path = dir + "/" + route + "-" + use_case + ".yaml";
      CliResult init = RunCli({"init", "--route", route, "--use-case", use_case, path});
      CAPTURE(path);
      REQUIRE(init.exit_code == 0);
      CHECK(Slurp(path).find(std::string("use_case: ") + use_case) != std::string::npos);
      CliResult check = RunCli({"check", "--fail-on", "info", path});
      CAPTURE(check.output);
      CHECK(check.exit_code == 0);
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("init: never overwrites, and rejects unknown routes") {
  std::string dir = FreshDir("existing");
  std::string path = dir + "/campaign.yaml";
  std::ofstream(path) << "mine\n";
  CliResult again = RunCli({"init", path});
  CHECK(again.exit_code == 2);
  CHECK(again.stderr_text.find("already exists") != std::string::npos);
  CHECK(Slurp(path) == "mine\n");
  CHECK_FALSE(fs::exists(dir + "/campaign-recipients.csv"));

  // An existing recipients file blocks the pair too.
  std::string other = dir + "/other.yaml";
  std::ofstream(dir + "/other-recipients.csv") << "phone\n";
  CHECK(RunCli({"init", other}).exit_code == 2);
  CHECK_FALSE(fs::exists(other));

  CHECK(RunCli({"init", "--route", "carrier_pigeon", dir + "/x.yaml"}).exit_code == 2);
  CHECK_FALSE(fs::exists(dir + "/x.yaml"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace smslint
