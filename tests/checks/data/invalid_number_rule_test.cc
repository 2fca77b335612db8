#include "checks/data/invalid_number_rule.h"

#include "checks/data/data_rule_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using testing::AllText;
using testing::CampaignWithCsv;
using testing::RunRule;
using testing::ScratchDir;

TEST_CASE("data/invalid-number fires on numbers the library rejects, masked") {
  ScratchDir dir;
  Campaign c = CampaignWithCsv(dir,
                               "phone,opted_in_at\n"
                               "(212) 555-0142,2024-03-01\n"
                               "555-0142,2024-03-01\n"
                               "not a phone,2024-03-01\n"
                               ",2024-03-01\n");
  std::vector<Diagnostic> d = RunRule<InvalidNumberRule>(c);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "data/invalid-number");
  CHECK(d[0].level == Level::kError);
  CHECK(d[0].message.find("3 recipients are not valid phone numbers for US") == 0);
  CHECK(d[0].span.line == 10);
  REQUIRE(d[0].notes.size() == 3);
  CHECK(d[0].notes[0].find("r.csv:3: '555-\xE2\x80\xA2\xE2\x80\xA2"
                           "42'") != std::string::npos);
  CHECK(d[0].notes[1].find("r.csv:4: 'not a phone'") != std::string::npos);
  CHECK(d[0].notes[2].find("r.csv:5: (empty)") != std::string::npos);
  CHECK(AllText(d).find("555-0142") == std::string::npos);
  // --show-pii shows the number as written.
  CHECK(AllText(RunRule<InvalidNumberRule>(c, true)).find("'555-0142'") != std::string::npos);
}

TEST_CASE("data/invalid-number does not fire on valid numbers in any format") {
  ScratchDir dir;
  CHECK(RunRule<InvalidNumberRule>(CampaignWithCsv(dir, "phone\n(312) 555-0177\n+44 7911 123456\n"))
            .empty());
  CHECK(RunRule<InvalidNumberRule>(CampaignWithCsv(dir, "phone\n07911 123456\n", "GB")).empty());
}

TEST_CASE("data/invalid-number: not before the rows are read (lint)") {
  ScratchDir dir;
  Campaign c = CampaignWithCsv(dir, "phone\n555-0142\n");
  CHECK(RunRule<InvalidNumberRule>(c, false, RecipientLoadMode::kHeaderOnly).empty());
}

TEST_CASE("data/invalid-number: sender numbers, shown as written") {
  Campaign c;
  c.path = "campaign.yaml";
  c.senders.push_back(Sender{{"+14155550100", {8, 5}, true}});
  c.senders.push_back(Sender{{"+10995550100", {9, 5}, true}});
  std::vector<Diagnostic> d = RunRule<InvalidNumberRule>(c);
  REQUIRE(d.size() == 1);
  CHECK(d[0].rule == "data/invalid-number");
  CHECK(d[0].span.line == 9);
  CHECK(d[0].message.find("+10995550100") != std::string::npos);
}

}  // namespace
}  // namespace smslint
