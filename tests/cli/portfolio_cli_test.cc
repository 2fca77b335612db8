// The portfolio example (campaigns/portfolio/): four campaigns of one brand that
// each pass alone and break T-Mobile's brand cap and Florida's per-24-hour cap only
// together. The golden test runs each file alone; this runs the folder as one run.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "tests/cli/run_cli.h"

namespace smslint {
namespace {

const char* const kCampaigns[] = {
    "campaigns/portfolio/acme-afternoon.yaml", "campaigns/portfolio/acme-breakfast.yaml",
    "campaigns/portfolio/acme-evening.yaml", "campaigns/portfolio/acme-lunch.yaml"};

std::vector<nlohmann::json> FindingsOf(const nlohmann::json& doc, const std::string& rule) {
  std::vector<nlohmann::json> out;
  for (const nlohmann::json& f : doc.at("findings")) {
    if (f.at("rule") == rule) out.push_back(f);
  }
  return out;
}

TEST_CASE("portfolio example: each campaign alone passes") {
  for (const char* campaign : kCampaigns) {
    CAPTURE(campaign);
    CliResult got = RunCli({"check", "--format", "json", campaign});
    CHECK(got.exit_code == 0);
    const nlohmann::json doc = nlohmann::json::parse(got.stdout_text);
    CHECK(doc.at("summary").at("errors") == 0);
    CHECK(!doc.contains("portfolios"));  // one campaign: no brand section
  }
}

TEST_CASE("portfolio example: the folder breaks the shared cap and Florida's cap together") {
  CliResult got = RunCli({"check", "--format", "json", "campaigns/portfolio/"});
  CHECK(got.exit_code == 1);
  const nlohmann::json doc = nlohmann::json::parse(got.stdout_text);
  // Findings stay with the campaign whose messages broke the limits: the last one.
  const std::vector<nlohmann::json> cap = FindingsOf(doc, "traffic/carrier-cap");
  REQUIRE(cap.size() == 1);
  CHECK(cap[0].at("file") == "campaigns/portfolio/acme-evening.yaml");
  CHECK(cap[0].at("level") == "error");
  const std::vector<nlohmann::json> frequency = FindingsOf(doc, "traffic/frequency-cap");
  REQUIRE(frequency.size() == 1);
  CHECK(frequency[0].at("file") == "campaigns/portfolio/acme-evening.yaml");
  const std::string message = frequency[0].at("message");
  CHECK(message.find("FL 3") != std::string::npos);
  CHECK(message.find("up to 4 within 24 hours") != std::string::npos);
  CHECK(message.find("+1305•••0100") != std::string::npos);  // masked
  CHECK(message.find("acme-bagels/recipients.csv line 2") != std::string::npos);
  CHECK(doc.at("summary").at("errors") == 2);

  REQUIRE(doc.contains("portfolios"));
  REQUIRE(doc.at("portfolios").size() == 1);
  const nlohmann::json& brand = doc.at("portfolios")[0];
  CHECK(brand.at("campaigns").size() == 4);
  CHECK(brand.at("outcomes").at("messages") == 2400);
  CHECK(brand.at("outcomes").at("failed").at("carrier_cap") == 400);
  REQUIRE(brand.at("shared_caps").size() == 1);
  CHECK(brand.at("shared_caps")[0].at("carrier") == "T-Mobile");
  CHECK(brand.at("shared_caps")[0].at("limit") == 2000);
  CHECK(brand.at("shared_caps")[0].at("peak_day") == 2400);
  CHECK(brand.at("frequency_cap").at("messages_over") == 200);
  CHECK(brand.at("frequency_cap").at("max_in_24h") == 4);
  // The number never appears unmasked anywhere in the document.
  CHECK(got.stdout_text.find("13055550100") == std::string::npos);
}

TEST_CASE("portfolio example: simulate and check text show the brand section") {
  std::vector<std::string> args = {"simulate", "--ascii"};
  for (const char* campaign : kCampaigns) args.push_back(campaign);
  CliResult simulated = RunCli(args);
  CHECK(simulated.exit_code == 1);
  CHECK(simulated.stdout_text.find("4 campaigns simulated on one timeline") != std::string::npos);
  CHECK(simulated.stdout_text.find("T-Mobile brand cap, shared") != std::string::npos);
  CHECK(simulated.stdout_text.find("[traffic/frequency-cap]") != std::string::npos);
  CliResult checked = RunCli({"check", "campaigns/portfolio"});
  CHECK(checked.stdout_text.find("200 messages over a state's cap to 200 recipients") !=
        std::string::npos);
}

TEST_CASE("portfolio example: the HTML report has the brand section, numbers masked") {
  const std::filesystem::path html = std::filesystem::temp_directory_path() /
                                     ("smslint-portfolio-" + std::to_string(::getpid()) + ".html");
  CliResult got = RunCli({"check", "-q", "campaigns/portfolio", "--report", html.string()});
  CHECK(got.exit_code == 1);
  std::ifstream in(html);
  const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(html);
  CHECK(page.find("<h2>Brand ") != std::string::npos);
  CHECK(page.find("T-Mobile brand cap, shared") != std::string::npos);
  CHECK(page.find("13055550100") == std::string::npos);
}

TEST_CASE("portfolio: campaigns of different brands are not simulated together") {
  CliResult got = RunCli({"check", "--format", "json", "campaigns/portfolio/acme-evening.yaml",
                          "campaigns/holiday-promo.yaml"});
  const nlohmann::json doc = nlohmann::json::parse(got.stdout_text);
  CHECK(!doc.contains("portfolios"));
  CHECK(FindingsOf(doc, "traffic/frequency-cap").empty());
}

}  // namespace
}  // namespace smslint
