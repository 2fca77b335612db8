#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
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

TEST_CASE("init: the sender fits the route, and the start follows SMSLINT_NOW") {
  std::string dir = FreshDir("senders");
  struct Case {
    const char* route;
    const char* sender;
  };
  for (const Case& c : {Case{"p2p", "\"+14155550100\""}, Case{"10dlc", "\"+14155550100\""},
                        Case{"toll_free", "\"+18885550100\""}, Case{"short_code", "\"24273\""}}) {
    std::string path = dir + "/" + c.route + ".yaml";
    REQUIRE(RunCli({"init", "--route", c.route, path}).exit_code == 0);
    std::string text = Slurp(path);
    CAPTURE(text);
    CHECK(text.find(std::string("  - ") + c.sender) != std::string::npos);
    // tests/test_main.cc sets SMSLINT_NOW=2026-11-01: the first weekday a week later.
    CHECK(text.find("start: 2026-11-09T10:00") != std::string::npos);
    CliResult check = RunCli({"check", "--fail-on", "info", path});
    CAPTURE(check.output);
    CHECK(check.exit_code == 0);
    CHECK(check.output.find("sender-route-mismatch") == std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("init: every use case of TCR's list gives a clean starter") {
  std::string dir = FreshDir("use-cases");
  for (const char* use_case : {"security_alert",
                               "higher_education",
                               "k12_education",
                               "low_volume",
                               "machine_to_machine",
                               "sweepstake",
                               "emergency",
                               "agents_franchises",
                               "carrier_exempt",
                               "proxy",
                               "social",
                               "sole_proprietor",
                               "platform_free_trial",
                               "ucaas_low",
                               "ucaas_high",
                               "polling",
                               "public_service",
                               "charity",
                               "political",
                               "customer_care"}) {
    std::string path = dir + "/" + use_case + ".yaml";
    CAPTURE(path);
    REQUIRE(RunCli({"init", "--use-case", use_case, path}).exit_code == 0);
    CliResult check = RunCli({"check", "--fail-on", "info", path});
    CAPTURE(check.output);
    CHECK(check.exit_code == 0);
  }
  fs::remove_all(dir);
}

TEST_CASE("init: an unreadable SMSLINT_NOW is exit 2") {
  std::string dir = FreshDir("bad-clock");
  std::string path = dir + "/campaign.yaml";
  const char* saved = std::getenv("SMSLINT_NOW");
  std::string keep = saved ? saved : "";
  setenv("SMSLINT_NOW", "someday", 1);
  CliResult init = RunCli({"init", path});
  setenv("SMSLINT_NOW", keep.c_str(), 1);
  CHECK(init.exit_code == 2);
  CHECK(init.stderr_text.find("SMSLINT_NOW='someday'") != std::string::npos);
  CHECK_FALSE(fs::exists(path));
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
