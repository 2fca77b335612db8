#include "checks/data/suppressed_recipient_rule.h"

#include "checks/data/data_rule_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using testing::CampaignWithCsv;
using testing::RunRule;
using testing::ScratchDir;

TEST_CASE("data/suppressed-recipient fires on numbers on the suppression list") {
  ScratchDir dir;
  Campaign c = CampaignWithCsv(dir, "phone\n(212) 555-0142\n+12125550143\n+12125550144\n");
  dir.Write("optouts.txt", "# opted out\n+1 212 555 0142\n\n212-555-0144\n");
  c.suppression_file = {"optouts.txt", {12, 9}, true};
  std::vector<Diagnostic> d = RunRule<SuppressedRecipientRule>(c);
  REQUIRE(d.size() == 1);
  CHECK(d[0].level == Level::kError);
  CHECK(d[0].message.find("2 recipients are on the suppression list") == 0);
  CHECK(d[0].message.find("optouts.txt") != std::string::npos);
  REQUIRE(d[0].notes.size() == 2);
  CHECK(d[0].notes[0].find("+1212\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2"
                           "0142") != std::string::npos);
}

TEST_CASE("data/suppressed-recipient does not fire on numbers the list does not hold") {
  ScratchDir dir;
  Campaign c = CampaignWithCsv(dir, "phone\n+12125550142\n");
  CHECK(RunRule<SuppressedRecipientRule>(c).empty());  // no list at all
  dir.Write("optouts.txt", "+19175550000\n");
  c.suppression_file = {"optouts.txt", {12, 9}, true};
  CHECK(RunRule<SuppressedRecipientRule>(c).empty());
}

}  // namespace
}  // namespace smslint
