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

// From 20,000 recipients the data rules run on a thread of their own beside the
// content checks when the plan is not built there (pipeline/session.cc; here no
// schedule.start, so nothing is simulated): their findings are the same as on one.
TEST_CASE("a list of 25,000 rows: the data rules' findings, run beside the content checks") {
  fs::path dir = fs::temp_directory_path() / ("smslint-beside-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto write = [&](const std::string& name, size_t rows) {
    std::ofstream csv(dir / (name + ".csv"));
    csv << "phone\n";
    for (size_t i = 0; i < rows; ++i) {
      // Row 3 invalid, row 7 a copy of row 6: the rest distinct numbers of 212.
      if (i == 3) {
        csv << "not a number\n";
      } else {
        csv << "+1212" << (i == 7 ? 5550000 + 6 : 5550000 + i) << "\n";
      }
    }
    std::string text = kCampaign;
    text.replace(text.find("RATE"), 4, "100/s");
    text.replace(text.find("DAYS"), 4, "");
    const std::string start = "  start: 2026-12-07T10:00\n";
    text.replace(text.find(start), start.size(), "");
    const std::string list = "list: [\"+12125550142\"]";
    text.replace(text.find(list), list.size(), "file: " + name + ".csv");
    std::string path = (dir / (name + ".yaml")).string();
    std::ofstream(path) << text;
    return path;
  };
  for (size_t rows : {size_t{100}, size_t{25000}}) {
    CAPTURE(rows);
    CliResult r = RunCli({"check", write("rows" + std::to_string(rows), rows), "--format", "json"});
    CAPTURE(r.stderr_text);
    CHECK(r.exit_code == 1);
    CHECK(r.stdout_text.find("\"rule\": \"data/invalid-number\"") != std::string::npos);
    CHECK(r.stdout_text.find("\"rule\": \"data/duplicate-recipient\"") != std::string::npos);
    CHECK(r.stdout_text.find(", 1 duplicate)") != std::string::npos);
  }
}

}  // namespace
}  // namespace smslint
