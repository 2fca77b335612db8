// Small defects of issue 11, end to end: `days: []`, an empty recipient list, a start
// in the past, grammar and rate text in the report.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/cli/run_cli.h"

namespace smslint {
namespace {

namespace fs = std::filesystem;

constexpr char kCampaign[] = R"(version: 1
campaign:
  name: Test
  brand: Acme Coffee
  use_case: marketing
  route: 10dlc
  trust_score: 62
senders:
  - "+14155550100"
templates:
  - id: a
    body: "Acme Coffee: lattes 20% off today. Reply STOP to opt out"
recipients:
  list: ["+12125550142"]
schedule:
  start: 2026-12-07T10:00
  timezone: America/New_York
  rate: RATE
  DAYS
)";

std::string Write(const std::string& name, std::string rate, std::string days,
                  std::string list = "[\"+12125550142\"]") {
  fs::path dir = fs::temp_directory_path() / ("smslint-sched-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string text = kCampaign;
  text.replace(text.find("RATE"), 4, rate);
  text.replace(text.find("DAYS"), 4, days);
  text.replace(text.find("[\"+12125550142\"]"), 16, list);
  std::string path = (dir / name).string();
  std::ofstream(path) << text;
  return path;
}

TEST_CASE("schedule.days: [] is an error at its position and nothing is simulated") {
  std::string path = Write("days.yaml", "10/min", "days: []");
  CliResult r = RunCli({"check", path});
  CAPTURE(r.output);
  CHECK(r.exit_code == 1);
  CHECK(r.output.find(":19:9: error: schedule.days is empty") != std::string::npos);
  CHECK(r.output.find("simulation skipped: schedule.days names no day") != std::string::npos);
  CHECK(r.output.find("Simulation (profile") == std::string::npos);
  CliResult json = RunCli({"check", "--format", "json", path});
  CHECK(json.output.find("\"simulation\"") == std::string::npos);
  // An unknown day: the same.
  CliResult unknown = RunCli({"check", Write("days2.yaml", "10/min", "days: [funday]")});
  CHECK(unknown.output.find("Simulation (profile") == std::string::npos);
}

TEST_CASE("an empty inline recipient list is an error, not a silent exit 0") {
  std::string path = Write("empty.yaml", "10/min", "", "[]");
  for (const char* command : {"check", "lint"}) {
    CliResult r = RunCli({command, path});
    CAPTURE(r.output);
    CHECK(r.exit_code == 1);
    CHECK(r.output.find(":14:9: error: recipients.list is empty: the campaign would send to "
                        "nobody [data/no-recipients]") != std::string::npos);
  }
}

TEST_CASE("a start in the past is a warning, SMSLINT_NOW decides what now is") {
  std::string path = Write("past.yaml", "10/min", "");
  CliResult clean = RunCli({"check", "--fail-on", "warning", path});
  CAPTURE(clean.output);
  CHECK(clean.output.find("start-in-past") == std::string::npos);
  const std::string keep = std::getenv("SMSLINT_NOW");
  setenv("SMSLINT_NOW", "2027-01-01T00:00:00Z", 1);
  CliResult past = RunCli({"check", "--fail-on", "warning", path});
  setenv("SMSLINT_NOW", "bogus", 1);
  CliResult bad = RunCli({"check", path});
  setenv("SMSLINT_NOW", keep.c_str(), 1);
  CAPTURE(past.output);
  CHECK(past.exit_code == 1);
  CHECK(past.output.find(":16:10: warning: schedule.start 2026-12-07 10:00 EST is in the past "
                         "(now 2026-12-31 19:00 EST)") != std::string::npos);
  CHECK(bad.exit_code == 2);
}

TEST_CASE("one recipient, one message: singular words, and 1/day is not 0 msg/h") {
  std::string path = Write("one.yaml", "1/day", "");
  CliResult r = RunCli({"simulate", path});
  CAPTURE(r.output);
  CHECK(r.output.find("1 message from") != std::string::npos);
  CHECK(r.output.find("1 messages") == std::string::npos);
  CHECK(r.output.find("0 msg/") == std::string::npos);
  CHECK(r.output.find("outgoing outgoing") == std::string::npos);
}

}  // namespace
}  // namespace smslint
