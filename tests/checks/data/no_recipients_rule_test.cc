#include "checks/data/no_recipients_rule.h"

#include "checks/data/data_rule_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using testing::CampaignWithCsv;
using testing::RunRule;
using testing::ScratchDir;

TEST_CASE("data/no-recipients: a header without rows") {
  ScratchDir dir;
  std::vector<Diagnostic> d = RunRule<NoRecipientsRule>(CampaignWithCsv(dir, "phone,first_name\n"));
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "data/no-recipients");
  CHECK(d[0].level == Level::kError);
  CHECK(d[0].span.line == 10);
  CHECK(d[0].message.find("has a header and no rows") != std::string::npos);
  // Blank lines are not rows either.
  CHECK(RunRule<NoRecipientsRule>(CampaignWithCsv(dir, "phone\n\n\n")).size() == 1);
}

TEST_CASE("data/no-recipients: every row held back, counted by reason, numbers masked") {
  ScratchDir dir;
  Campaign c = CampaignWithCsv(dir, "phone\n555-0177\n+13125550177\n+1 312 555 0177\n");
  dir.Write("optouts.txt", "+13125550177\n");
  c.suppression_file = {"optouts.txt", {12, 9}, true};
  std::vector<Diagnostic> d = RunRule<NoRecipientsRule>(c);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.rfind("none of the 3 rows of ", 0) == 0);
  CHECK(d[0].message.find("r.csv can be sent to (1 invalid, 1 duplicate, 1 suppressed): the "
                          "campaign would send to nobody") != std::string::npos);
  CHECK(d[0].message.find("0177") == std::string::npos);
  std::vector<Diagnostic> one =
      RunRule<NoRecipientsRule>(CampaignWithCsv(dir, "phone\n555-0177\n"));
  REQUIRE(one.size() == 1);
  CHECK(one[0].message.rfind("the only row of ", 0) == 0);
  CHECK(one[0].message.find("r.csv cannot be sent to (1 invalid)") != std::string::npos);
}

TEST_CASE("data/no-recipients: an empty inline list, also under lint") {
  Campaign c;
  c.path = "campaign.yaml";
  c.recipients.pos = {20, 3};
  c.recipients.list_pos = {21, 9};
  for (RecipientLoadMode mode : {RecipientLoadMode::kFull, RecipientLoadMode::kHeaderOnly}) {
    std::vector<Diagnostic> d = RunRule<NoRecipientsRule>(c, false, mode);
    REQUIRE(d.size() == 1);
    CHECK(d[0].span.line == 21);
    CHECK(d[0].message == "recipients.list is empty: the campaign would send to nobody");
  }
}

TEST_CASE("data/no-recipients: silent when someone can be sent to, or before rows are read") {
  ScratchDir dir;
  CHECK(RunRule<NoRecipientsRule>(CampaignWithCsv(dir, "phone\n555-0177\n+13125550177\n")).empty());
  CHECK(RunRule<NoRecipientsRule>(CampaignWithCsv(dir, "phone\n"), false,
                                  RecipientLoadMode::kHeaderOnly)
            .empty());
  // An empty file or no phone column is a schema finding, not this one.
  CHECK(RunRule<NoRecipientsRule>(CampaignWithCsv(dir, "")).empty());
  CHECK(RunRule<NoRecipientsRule>(CampaignWithCsv(dir, "name\nAnn\n")).empty());
}

}  // namespace
}  // namespace smslint
