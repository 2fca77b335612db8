// DESIGN.md invariant 1: every error-level traffic finding is reflected in the
// predicted outcome counts, or says in its message why it is not. Checked on every
// example campaign and on generated scenarios of the delivery model (queueing at high
// rates, carrier caps at low trust, P2P snowshoeing, long bodies, short validity).
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "tests/cli/run_cli.h"

namespace smslint {
namespace {

constexpr char kNotReflected[] = "not reflected in the outcome counts";

// The outcome count an error of `rule` must make non-zero (empty: any loss).
std::vector<std::string> CountsFor(const std::string& rule) {
  if (rule == "traffic/queue-expiry") return {"failed.queue_expiry"};
  if (rule == "traffic/carrier-cap") return {"failed.carrier_cap"};
  if (rule == "traffic/quiet-hours") return {"quiet_hours"};
  if (rule == "traffic/stale-delivery") return {"delivered.stale"};
  return {"filtered"};
}

int64_t Count(const nlohmann::json& outcomes, const std::string& path) {
  const size_t dot = path.find('.');
  if (dot == std::string::npos) return outcomes.at(path).get<int64_t>();
  return outcomes.at(path.substr(0, dot)).at(path.substr(dot + 1)).get<int64_t>();
}

// Checks the invariant on `check --format json` output; returns the findings checked.
int CheckInvariant(const std::string& json_text, const std::string& name) {
  CAPTURE(name);
  nlohmann::json doc = nlohmann::json::parse(json_text);
  int checked = 0;
  for (const nlohmann::json& file : doc.at("files")) {
    if (!file.contains("simulation")) continue;
    const nlohmann::json& outcomes = file.at("simulation").at("outcomes");
    // The counts add up: every message has exactly one fate.
    CHECK(Count(outcomes, "delivered.total") + Count(outcomes, "failed.total") +
              Count(outcomes, "filtered") ==
          Count(outcomes, "messages"));
    for (const nlohmann::json& f : doc.at("findings")) {
      const std::string rule = f.at("rule");
      if (f.at("file") != file.at("path") || f.at("level") != "error" ||
          rule.rfind("traffic/", 0) != 0) {
        continue;
      }
      ++checked;
      const std::string message = f.at("message");
      CAPTURE(message);
      bool reflected = false;
      for (const std::string& count : CountsFor(rule)) reflected |= Count(outcomes, count) > 0;
      CHECK((reflected || message.find(kNotReflected) != std::string::npos));
    }
  }
  return checked;
}

TEST_CASE("invariant 1 on every example campaign") {
  const std::filesystem::path root = SMSLINT_SOURCE_DIR;
  int checked = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root / "campaigns")) {
    const std::filesystem::path rel = std::filesystem::relative(entry.path(), root);
    if (!entry.is_regular_file() || entry.path().extension() != ".yaml" ||
        rel.string().find("campaigns/schema") == 0) {
      continue;
    }
    CliResult got = RunCli({"check", "--format", "json", rel.string()});
    if (got.exit_code == 2) continue;  // a file that cannot be processed has no simulation
    checked += CheckInvariant(got.stdout_text, rel.string());
  }
  CHECK(checked > 0);
}

TEST_CASE("invariant 1 on the portfolio example, its campaigns simulated together") {
  CliResult got = RunCli({"check", "--format", "json", "campaigns/portfolio"});
  REQUIRE(got.exit_code == 1);
  // The carrier cap (failed) and the frequency cap (says why it is not counted).
  CHECK(CheckInvariant(got.stdout_text, "portfolio") >= 2);
}

// A campaign in a temporary directory with `rows` recipients.
class Scenario {
 public:
  Scenario(const std::string& campaign_block, const std::string& schedule_block, int rows,
           const std::string& extra = "") {
    char dir_template[] = "/tmp/smslint-scenario-XXXXXX";
    dir_ = mkdtemp(dir_template);
    std::ofstream csv(dir_ + "/recipients.csv");
    csv << "phone,first_name\n";
    for (int i = 0; i < rows; ++i) {
      // Valid New York numbers: +1 212 2xx xxxx.
      csv << "+1212" << 2000000 + i << ",Sam\n";
    }
    std::ofstream yaml(dir_ + "/campaign.yaml");
    yaml << "version: 1\ncampaign:\n  name: Scenario\n  brand: Acme Coffee\n"
            "  use_case: marketing\n  domain: acme.com\n"
         << campaign_block
         << "templates:\n  - id: promo\n    body: \"Acme Coffee: {{first_name|Hi}}, lattes 20% off "
            "today at https://acme.com/x Reply STOP to opt out\"\n"
            "recipients:\n  file: recipients.csv\n"
            "schedule:\n  start: 2026-12-07T09:00\n  timezone: America/New_York\n"
            "  window: \"09:00-20:00\"\n"
         << schedule_block << extra;
  }
  ~Scenario() { std::filesystem::remove_all(dir_); }
  std::string path() const { return dir_ + "/campaign.yaml"; }

 private:
  std::string dir_;
};

nlohmann::json Outcomes(const CliResult& got) {
  return nlohmann::json::parse(got.stdout_text).at("files")[0].at("simulation").at("outcomes");
}

TEST_CASE("invariant 1 on delivery-model scenarios, with the outcomes each must show") {
  SUBCASE("10DLC at trust 80, 2 msg/s: carried, nothing queued, failed or filtered") {
    Scenario s("  route: 10dlc\n  trust_score: 80\nsenders: [\"+14155550100\"]\n", "  rate: 2/s\n",
               5000);
    CliResult got = RunCli({"check", "--format", "json", s.path()});
    CheckInvariant(got.stdout_text, "10dlc-80");
    const nlohmann::json o = Outcomes(got);
    CHECK(Count(o, "filtered") == 0);
    CHECK(Count(o, "failed.total") == 0);
    CHECK(Count(o, "delivered.total") == 5000);
  }
  SUBCASE("toll-free at 5 msg/s: queued and late, not filtered") {
    Scenario s("  route: toll_free\nsenders: [\"+18885550100\"]\n", "  rate: 5/s\n", 6000);
    CliResult got = RunCli({"check", "--format", "json", s.path()});
    CheckInvariant(got.stdout_text, "toll-free");
    const nlohmann::json o = Outcomes(got);
    CHECK(Count(o, "filtered") == 0);
    CHECK(Count(o, "failed.total") == 0);
    CHECK(Count(o, "delivered.late") > 0);
  }
  SUBCASE("P2P at 2 msg/s with a short validity period: queue expiry, counted as failed") {
    Scenario s("  route: p2p\nsenders: [\"+14155550100\"]\n", "  rate: 2/s\n", 900,
               "traffic:\n  validity_period: 5m\n");
    CliResult got = RunCli({"check", "--format", "json", s.path()});
    CHECK(CheckInvariant(got.stdout_text, "expiry") > 0);
    CHECK(Count(Outcomes(got), "failed.queue_expiry") > 0);
  }
  SUBCASE("low-trust 10DLC over the T-Mobile cap: the T-Mobile share over it fails") {
    Scenario s("  route: 10dlc\n  trust_score: 20\nsenders: [\"+14155550100\"]\n", "  rate: 1/s\n",
               10000);
    CliResult got = RunCli({"check", "--format", "json", s.path()});
    CHECK(CheckInvariant(got.stdout_text, "cap") > 0);
    const int64_t failed = Count(Outcomes(got), "failed.carrier_cap");
    // About 30% of 10,000 go to T-Mobile; 2,000 segments a day pass.
    CHECK(failed > 500);
    CHECK(failed < 1500);
  }
  SUBCASE("P2P snowshoe over three numbers: an error, and filtered > 0") {
    Scenario s("  route: p2p\nsenders: [\"+14155550100\", \"+14155550101\", \"+14155550102\"]\n",
               "  rate: 20/min\n", 3600);
    CliResult got = RunCli({"check", "--format", "json", s.path()});
    CHECK(CheckInvariant(got.stdout_text, "snowshoe") > 0);
    CHECK(Count(Outcomes(got), "filtered") > 0);
  }
}

}  // namespace
}  // namespace smslint
