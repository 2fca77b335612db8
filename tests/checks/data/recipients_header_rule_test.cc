#include "checks/data/recipients_header_rule.h"

#include "checks/data/data_rule_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using testing::CampaignWithCsv;
using testing::RunRule;
using testing::ScratchDir;

TEST_CASE("recipients header: empty file, no phone column, unterminated header") {
  ScratchDir dir;
  std::vector<Diagnostic> empty = RunRule<RecipientsHeaderRule>(CampaignWithCsv(dir, ""));
  REQUIRE(empty.size() == 1);
  CHECK(empty[0].rule == "schema/missing-field");
  CHECK(empty[0].message ==
        "recipients file 'r.csv' is empty: it needs a header row with a phone column");
  CHECK(empty[0].span.line == 10);

  std::vector<Diagnostic> nophone =
      RunRule<RecipientsHeaderRule>(CampaignWithCsv(dir, "mobile,name\n+12125550142,Ann\n"));
  REQUIRE(nophone.size() == 1);
  CHECK(nophone[0].rule == "schema/missing-field");
  CHECK(nophone[0].message.find("(columns: mobile, name)") != std::string::npos);
  CHECK(nophone[0].suggestion == "rename the column 'mobile' to 'phone'");

  // In `lint` too: the header is read in both modes.
  std::vector<Diagnostic> open = RunRule<RecipientsHeaderRule>(
      CampaignWithCsv(dir, "phone,\"name\n"), false, RecipientLoadMode::kHeaderOnly);
  REQUIRE(open.size() == 1);
  CHECK(open[0].rule == "schema/invalid-value");
  CHECK(open[0].message.find("does not end") != std::string::npos);
}

TEST_CASE("recipients header: a header with a phone column, or no file, is fine") {
  ScratchDir dir;
  CHECK(RunRule<RecipientsHeaderRule>(CampaignWithCsv(dir, "Phone,first_name\n")).empty());
  Campaign none;
  none.path = "campaign.yaml";
  CHECK(RunRule<RecipientsHeaderRule>(none).empty());
}

}  // namespace
}  // namespace smslint
