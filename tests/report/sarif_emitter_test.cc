#include "report/sarif_emitter.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "nlohmann/json.hpp"
#include "tests/report/synthetic_results.h"

namespace smslint {
namespace {

using nlohmann::json;
using testing::SyntheticCatalog;
using testing::SyntheticClean;
using testing::SyntheticPromo;

std::string Emit() {
  RuleCatalog catalog = SyntheticCatalog();
  ReportOptions options;
  options.catalog = &catalog;
  return EmitSarif({SyntheticPromo(), SyntheticClean()}, options);
}

TEST_CASE("sarif: matches the golden output") {
  CHECK(testing::MatchesGolden("synthetic.sarif", Emit()));
}

TEST_CASE("sarif: validates against the SARIF 2.1.0 schema") {
  std::string sarif_path = testing::TempPath("out.sarif");
  testing::WriteTextFile(sarif_path, Emit());
  std::string schema =
      std::string(SMSLINT_SOURCE_DIR) + "/tests/fixtures/sarif/sarif-schema-2.1.0.json";
  std::string command =
      "python3 -c 'import json,sys,jsonschema; s=json.load(open(sys.argv[1])); "
      "jsonschema.Draft7Validator.check_schema(s); "
      "jsonschema.Draft7Validator(s).validate(json.load(open(sys.argv[2])))' '" +
      schema + "' '" + sarif_path + "'";
  CHECK(std::system(command.c_str()) == 0);
  std::remove(sarif_path.c_str());
}

TEST_CASE("sarif: the driver lists every rule that ran and results point into it") {
  json doc = json::parse(Emit());
  CHECK(doc["version"] == "2.1.0");
  const json& run = doc["runs"][0];
  const json& driver = run["tool"]["driver"];
  CHECK(driver["name"] == "smslint");
  CHECK(driver["version"] == SMSLINT_VERSION);
  CHECK(driver["informationUri"] == kSmslintHomepage);
  const json& rules = driver["rules"];
  REQUIRE(rules.size() == 7);
  CHECK(rules[0]["id"] == "content/excessive-caps");
  CHECK(rules[0]["defaultConfiguration"]["level"] == "note");
  CHECK(rules[0]["name"] == "ContentExcessiveCaps");
  const json& opt_out = rules[1];
  CHECK(opt_out["id"] == "content/missing-opt-out");
  CHECK(opt_out["shortDescription"]["text"] == "No opt-out instruction in a marketing message");
  CHECK(opt_out["fullDescription"]["text"] ==
        "Carriers filter marketing without a way to stop it.");
  CHECK(opt_out["help"]["markdown"].get<std::string>().find("**Fix.**") != std::string::npos);
  CHECK(opt_out["helpUri"] ==
        std::string(kSmslintHomepage) + "/blob/main/README.md#rule-content-missing-opt-out");
  CHECK(opt_out["defaultConfiguration"]["level"] == "error");

  const json& results = run["results"];
  REQUIRE(results.size() == 7);
  for (const json& result : results) {
    int index = result["ruleIndex"];
    CHECK(rules[index]["id"] == result["ruleId"]);
    CHECK(result["locations"][0]["physicalLocation"]["region"]["startLine"].get<int>() >= 1);
  }
  // Levels: error, warning, note.
  CHECK(results[0]["level"] == "warning");
  CHECK(results[1]["level"] == "error");
  CHECK(results[2]["level"] == "note");
  // The path is URI-encoded; the CSV finding points at its CSV row.
  CHECK(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "campaigns/promo,%20%22spring%22.yaml");
  const json& csv = results[4]["locations"][0]["physicalLocation"];
  CHECK(csv["artifactLocation"]["uri"] == "campaigns/recipients.csv");
  CHECK(csv["region"]["startLine"] == 7);
  // A finding about the whole file sits on line 1.
  CHECK(results[6]["locations"][0]["physicalLocation"]["region"] == json{{"startLine", 1}});
  const json& region = results[1]["locations"][0]["physicalLocation"]["region"];
  CHECK(region == json{{"startLine", 8}, {"startColumn", 11}, {"endLine", 8}, {"endColumn", 77}});
}

TEST_CASE("sarif: fingerprints ignore numbers and line moves but not content") {
  std::string a = FindingFingerprint("traffic/throughput", "a.yaml", "", "90 per minute at 9:01");
  std::string b = FindingFingerprint("traffic/throughput", "a.yaml", "", "95 per minute at 9:03");
  std::string c = FindingFingerprint("traffic/throughput", "b.yaml", "", "90 per minute at 9:01");
  std::string d = FindingFingerprint("traffic/throughput", "a.yaml", "t1", "90 per minute");
  CHECK(a == b);
  CHECK(a != c);
  CHECK(a != d);
  CHECK(a.size() == 16);

  FileResult moved = SyntheticPromo();
  for (Diagnostic& diag : moved.diagnostics) {
    if (diag.span.line > 0) diag.span.line += 3, diag.span.end_line += 3;
  }
  ReportOptions options;
  json before = json::parse(EmitSarif({SyntheticPromo()}, options));
  json after = json::parse(EmitSarif({moved}, options));
  for (size_t i = 0; i < before["runs"][0]["results"].size(); ++i) {
    CHECK(before["runs"][0]["results"][i]["partialFingerprints"] ==
          after["runs"][0]["results"][i]["partialFingerprints"]);
  }
}

TEST_CASE("sarif: identical findings keep distinct fingerprints") {
  FileResult r = SyntheticClean();
  Diagnostic d =
      testing::Finding("content/spam-phrase", Level::kWarning, "x", {r.path, 1, 1, 1, 2});
  r.diagnostics = {d, d};
  json doc = json::parse(EmitSarif({r}, ReportOptions{}));
  const json& results = doc["runs"][0]["results"];
  REQUIRE(results.size() == 2);
  CHECK(results[0]["partialFingerprints"] != results[1]["partialFingerprints"]);
}

TEST_CASE("sarif: no files and no catalog still give a valid document") {
  json doc = json::parse(EmitSarif({}, ReportOptions{}));
  CHECK(doc["runs"][0]["results"].empty());
  CHECK(doc["runs"][0]["tool"]["driver"]["rules"].empty());
  CHECK(RuleHelpUri("traffic/quiet-hours").ends_with("#rule-traffic-quiet-hours"));
}

}  // namespace
}  // namespace smslint
