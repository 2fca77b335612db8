#include "checks/data/duplicate_recipient_rule.h"

#include "checks/data/data_rule_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using testing::AllText;
using testing::CampaignWithCsv;
using testing::RunRule;
using testing::ScratchDir;

TEST_CASE("data/duplicate-recipient fires on one number in several formats") {
  ScratchDir dir;
  Campaign c = CampaignWithCsv(dir,
                               "phone\n"
                               "(212) 555-0142\n"   // 2
                               "+1 212 555 0142\n"  // 3
                               "+12125550100\n"     // 4
                               "212.555.0142\n");   // 5
  std::vector<Diagnostic> d = RunRule<DuplicateRecipientRule>(c);
  REQUIRE(d.size() == 1);
  CHECK(d[0].level == Level::kWarning);
  CHECK(d[0].message.find("2 rows repeat an earlier recipient") == 0);
  REQUIRE(d[0].notes.size() == 2);
  CHECK(d[0].notes[0].find("r.csv:3 repeats line 2: +1212\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2"
                           "0142") != std::string::npos);
  CHECK(d[0].notes[1].find("r.csv:5 repeats line 2") != std::string::npos);
  CHECK(AllText(d).find("2125550142") == std::string::npos);
}

TEST_CASE("data/duplicate-recipient does not fire on distinct numbers") {
  ScratchDir dir;
  CHECK(RunRule<DuplicateRecipientRule>(CampaignWithCsv(dir, "phone\n+13125550177\n+13125550178\n"))
            .empty());
  // Two invalid entries are not the same recipient.
  CHECK(RunRule<DuplicateRecipientRule>(CampaignWithCsv(dir, "phone\nn/a\nn/a\n")).empty());
}

TEST_CASE("data/duplicate-recipient: inline lists point at the repeated item") {
  Campaign c;
  c.path = "campaign.yaml";
  c.dir = ".";
  c.recipients.pos = {20, 3};
  c.recipients.list = {{"+12125550142", {21, 5}, true}, {"(212) 555-0142", {22, 5}, true}};
  std::vector<Diagnostic> d = RunRule<DuplicateRecipientRule>(c);
  REQUIRE(d.size() == 1);
  CHECK(d[0].span.line == 22);
  CHECK(d[0].notes[0].find("line 22 repeats line 21") == 0);
}

}  // namespace
}  // namespace smslint
