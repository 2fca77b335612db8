// The recommendation's search on the causes DESIGN.md names: a slow send whose
// messages go stale, a Texas Sunday, a daily carrier cap, and content no schedule
// fixes. Each plan is checked as a user would: written into the file, checked again.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>

#include "nlohmann/json.hpp"
#include "tests/cli/run_cli.h"
#include "tests/regressions/scratch_dir.h"

namespace smslint {
namespace {

std::string Campaign(const std::string& body, const std::string& file, int trust,
                     const std::string& schedule, const std::string& extra_template = "") {
  return "version: 1\ncampaign:\n  name: Test\n  brand: Acme Coffee\n  use_case: marketing\n"
         "  country: US\n  route: 10dlc\n  trust_score: " +
         std::to_string(trust) +
         "\n  domain: acme.com\nsenders:\n  - \"+14155550100\"\ntemplates:\n  - id: t\n"
         "    body: \"" +
         body + "\"\n" + extra_template + "recipients:\n  file: " + file + "\nschedule:\n" +
         schedule;
}

std::string Recipients(const std::string& area_codes, int count, const std::string& state) {
  std::string csv =
      "phone,first_name,opted_in_at" + std::string(state.empty() ? "" : ",state") + "\n";
  for (int i = 0; i < count; ++i) {
    const std::string area =
        area_codes.substr(static_cast<size_t>(i % (area_codes.size() / 3)) * 3, 3);
    char line[96];
    std::snprintf(line, sizeof line, "+1%s555%04d,Sam,2026-01-05%s%s\n", area.c_str(), i,
                  state.empty() ? "" : ",", state.c_str());
    csv += line;
  }
  return csv;
}

nlohmann::json Check(const std::string& file) {
  CliResult r = RunCli({"check", "--format", "json", file});
  REQUIRE(r.exit_code != 2);
  return nlohmann::json::parse(r.stdout_text);
}

std::set<std::string> Findings(const nlohmann::json& doc) {
  std::set<std::string> rules;
  for (const nlohmann::json& f : doc.at("findings")) {
    if (f.at("level") != "info") rules.insert(f.at("rule"));
  }
  return rules;
}

// Applies the plan and checks the file again: the findings left are the ones named.
void ApplyAndRecheck(const std::string& file, const nlohmann::json& rec) {
  REQUIRE(RunCli({"check", "--apply-plan", "-q", "-o", "/dev/null", file}).exit_code != 2);
  const std::set<std::string> remaining(rec.at("remaining").begin(), rec.at("remaining").end());
  CHECK(Findings(Check(file)) == remaining);
}

TEST_CASE("recommendation: stale messages make the plan faster, within the route") {
  testing::TempDir dir;
  dir.Write("r.csv", Recipients("415", 5000, ""));
  const std::string file = dir.Write(
      "c.yaml", Campaign("Acme Coffee: 2-hour flash sale https://acme.com/f Reply STOP to opt out",
                         "r.csv", 75,
                         "  start: 2026-12-07T10:00\n  timezone: America/Los_Angeles\n"
                         "  rate: 20/min\n  window: \"09:00-20:00\"\n",
                         "    expires: 2h\n"));
  const nlohmann::json doc = Check(file);
  REQUIRE(Findings(doc).count("traffic/stale-delivery") == 1);
  const nlohmann::json& rec = doc.at("files").at(0).at("simulation").at("recommendation");
  CHECK(rec.at("kind") == "plan");
  const std::string rate = rec.at("plan").at("schedule.rate");
  CHECK(rate.find("/s") != std::string::npos);  // faster than 20/min
  CHECK(rec.at("predicted").at("delivered").at("stale") == 0);
  ApplyAndRecheck(file, rec);
}

TEST_CASE("recommendation: a Sunday start to Texas recipients skips Sunday") {
  testing::TempDir dir;
  dir.Write("r.csv", Recipients("214512713", 600, "TX"));
  const std::string file = dir.Write(
      "c.yaml",
      Campaign("Acme Coffee: weekend deals https://acme.com/w Reply STOP to opt out", "r.csv", 75,
               "  start: 2026-12-06T09:00\n  timezone: America/Chicago\n  rate: 1/min\n"
               "  window: \"09:00-20:00\"\n"));
  const nlohmann::json doc = Check(file);
  REQUIRE(Findings(doc).count("traffic/quiet-hours") == 1);
  const nlohmann::json& rec = doc.at("files").at(0).at("simulation").at("recommendation");
  CHECK(rec.at("kind") == "plan");
  const nlohmann::json& days = rec.at("plan").at("schedule.days");
  CHECK(std::find(days.begin(), days.end(), "sun") == days.end());
  CHECK(rec.at("predicted").at("quiet_hours") == 0);
  ApplyAndRecheck(file, rec);
}

TEST_CASE("recommendation: over T-Mobile's daily cap, a rate that fits it") {
  testing::TempDir dir;
  dir.Write("r.csv", Recipients("415", 10000, ""));
  const std::string file = dir.Write(
      "c.yaml", Campaign("Acme Coffee: our new store opens Saturday https://acme.com/n Reply "
                         "STOP to opt out",
                         "r.csv", 20,
                         "  start: 2026-12-07T09:00\n  timezone: America/Los_Angeles\n"
                         "  rate: 1/s\n  window: \"09:00-18:00\"\n"));
  const nlohmann::json doc = Check(file);
  REQUIRE(Findings(doc).count("traffic/carrier-cap") == 1);
  const nlohmann::json& rec = doc.at("files").at(0).at("simulation").at("recommendation");
  CHECK(rec.at("kind") == "plan");
  CHECK(rec.at("plan").contains("schedule.rate"));
  CHECK(rec.at("predicted").at("failed").at("total") == 0);
  ApplyAndRecheck(file, rec);
}

TEST_CASE("recommendation: content causes are named, and no rate is offered for them") {
  testing::TempDir dir;
  dir.Write("r.csv", Recipients("415", 5000, ""));
  const std::string file = dir.Write(
      "c.yaml",
      Campaign("Acme Coffee: CBD lattes now! http://bit.ly/acme Reply STOP to opt out", "r.csv", 75,
               "  start: 2026-12-07T10:00\n  timezone: America/Los_Angeles\n"
               "  rate: 1/s\n  window: \"09:00-20:00\"\n"));
  const nlohmann::json doc = Check(file);
  const nlohmann::json& rec = doc.at("files").at(0).at("simulation").at("recommendation");
  CHECK(rec.at("plan").empty());
  const std::set<std::string> remaining(rec.at("remaining").begin(), rec.at("remaining").end());
  CHECK(remaining.count("traffic/predicted-filtering") == 1);
  CHECK(remaining.count("content/public-url-shortener") == 1);
  CHECK(remaining.count("content/shaft") == 1);
  bool named = false;
  for (const nlohmann::json& cause : rec.at("causes")) {
    const std::string text = cause;
    named |= text.find("content/public-url-shortener") != std::string::npos &&
             text.rfind("traffic/predicted-filtering", 0) == 0;
  }
  CHECK(named);
  CHECK(Findings(doc) == remaining);
}

}  // namespace
}  // namespace smslint
