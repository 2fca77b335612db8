#include "checks/data/missing_consent_rule.h"

#include "checks/data/data_rule_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using testing::CampaignWithCsv;
using testing::RunRule;
using testing::ScratchDir;

TEST_CASE("data/missing-consent fires on rows without a valid opted_in_at") {
  ScratchDir dir;
  Campaign c = CampaignWithCsv(dir,
                               "phone,opted_in_at\n+12125550142,2024-03-01\n+12125550143,\n"
                               "+12125550144,yesterday\n+12125550143,\nn/a,\n");
  std::vector<Diagnostic> d = RunRule<MissingConsentRule>(c);
  REQUIRE(d.size() == 1);
  CHECK(d[0].level == Level::kError);
  // The repeated row and the invalid number are other rules' findings.
  CHECK(d[0].message.find("2 recipients have no valid opted_in_at date") == 0);
  REQUIRE(d[0].notes.size() == 2);
  CHECK(d[0].notes[0].find("r.csv:3: +1212\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2"
                           "0143 has no opted_in_at") != std::string::npos);
  CHECK(d[0].notes[1].find("opted_in_at 'yesterday' is not an ISO 8601 date") != std::string::npos);
}

TEST_CASE("data/missing-consent: no consent column is one warning") {
  ScratchDir dir;
  std::vector<Diagnostic> d =
      RunRule<MissingConsentRule>(CampaignWithCsv(dir, "phone\n+12125550142\n"));
  REQUIRE(d.size() == 1);
  CHECK(d[0].level == Level::kWarning);
  CHECK(d[0].message.find("no opted_in_at column") != std::string::npos);
  Campaign list;
  list.path = "campaign.yaml";
  list.recipients.pos = {20, 3};
  list.recipients.list = {{"+12125550142", {21, 5}, true}};
  d = RunRule<MissingConsentRule>(list);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("inline recipients carry no consent record") == 0);
}

TEST_CASE("data/missing-consent does not fire on ISO 8601 dates, nor before rows are read") {
  ScratchDir dir;
  Campaign c = CampaignWithCsv(dir,
                               "phone,opted_in_at\n+12125550142,2024-03-01\n"
                               "+12125550143,2024-03-01T09:30:00-05:00\n");
  CHECK(RunRule<MissingConsentRule>(c).empty());
  Campaign no_column = CampaignWithCsv(dir, "phone\n+12125550142\n");
  CHECK(RunRule<MissingConsentRule>(no_column, false, RecipientLoadMode::kHeaderOnly).empty());
}

}  // namespace
}  // namespace smslint
