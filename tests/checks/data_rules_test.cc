#include "checks/data_rules.h"

#include <string>

#include "campaign/recipients_test_util.h"
#include "diag/rule_catalog.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

TEST_CASE("data rules: every descriptor has examples, and the catalogue lists them") {
  RuleCatalog catalog;
  AddDataRules(catalog);
  int described = 0;
  for (const auto& rule : BuiltinDataRules()) {
    const RuleInfo* info = rule->Info();
    if (info == nullptr) continue;  // schema/* findings: described by the schema rules
    ++described;
    CAPTURE(info->id);
    CHECK(info->id.rfind("data/", 0) == 0);
    CHECK(!info->fire_examples.empty());
    CHECK(!info->pass_examples.empty());
    CHECK(catalog.Find(info->id) != nullptr);
  }
  CHECK(described == 10);
  CHECK(catalog.Find("content/empty-placeholder") != nullptr);
}

TEST_CASE("RunDataRules: a clean file has no findings, every problem is one finding") {
  testing::ScratchDir dir;
  dir.Write("clean.csv", "phone,opted_in_at\n+12125550142,2024-03-01\n(415) 555-0100,2024-03-02\n");
  Campaign clean = testing::CampaignWithFile(dir, "clean.csv");
  testing::CheckedRecipients ok = testing::LoadAndCheck(clean);
  CHECK(ok.diagnostics.empty());

  dir.Write("r.csv",
            "phone,opted_in_at,timezone\n"
            "(212) 555-0142,2024-03-01,\n"
            "+1 212 555 0142,2024-03-01,\n"
            "555-0142,2024-03-01,\n"
            "+1 800 555 0199,2024-03-01,\n"
            "+12125550143,,Mars/Base\n"
            "+12125550145,2024-03-01,a,b\n");
  Campaign c = testing::CampaignWithFile(dir, "r.csv");
  std::vector<std::string> rules;
  for (const Diagnostic& d : testing::LoadAndCheck(c).diagnostics) rules.push_back(d.rule);
  // In the registry's (alphabetical) order.
  CHECK(rules == std::vector<std::string>{"data/duplicate-recipient", "schema/invalid-value",
                                          "data/invalid-number", "data/malformed-row",
                                          "data/missing-consent", "data/non-mobile-number"});
  // No full number in any finding unless --show-pii.
  std::string all = testing::AllText(testing::LoadAndCheck(c).diagnostics);
  CHECK(all.find("2125550142") == std::string::npos);
  CHECK(all.find("555-0142") == std::string::npos);
  CHECK(all.find("8005550199") == std::string::npos);
  CHECK(testing::AllText(testing::LoadAndCheck(c, true).diagnostics).find("555-0142") !=
        std::string::npos);
}

}  // namespace
}  // namespace smslint
