#include "checks/data/unreadable_suppression_rule.h"

#include "checks/data/data_rule_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using testing::CampaignWithCsv;
using testing::RunRule;
using testing::ScratchDir;

std::vector<Diagnostic> RunWithSuppression(const std::string& suppression) {
  ScratchDir dir;
  Campaign c = CampaignWithCsv(dir, "phone\n+12125550199\n");
  dir.Write("optouts.txt", suppression);
  c.suppression_file = {"optouts.txt", {12, 9}, true};
  return RunRule<UnreadableSuppressionRule>(c);
}

TEST_CASE("data/unreadable-suppression: an error when no entry can be read") {
  for (const char* text : {"", "# nobody yet\n", "name,email\nAnn,ann@example.com\n",
                           "phone,\"name\n+12125550142,Ann\n", "n/a\nunknown\n"}) {
    CAPTURE(text);
    std::vector<Diagnostic> d = RunWithSuppression(text);
    REQUIRE(d.size() == 1);
    CHECK(d[0].rule == "data/unreadable-suppression");
    CHECK(d[0].level == Level::kError);
    CHECK(d[0].message.find("no opt-out is applied") != std::string::npos);
    CHECK(d[0].span.line == 12);  // the suppression file: value in the campaign
    CHECK(d[0].span.column == 9);
  }
}

TEST_CASE("data/unreadable-suppression: a warning for some unreadable entries, no file text") {
  std::vector<Diagnostic> d =
      RunWithSuppression("phone\n+12125550142\nJohn Smith 212555019\n+1 212 555 0143\nn/a\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].level == Level::kWarning);
  CHECK(d[0].message.find("2 entries of 4 in suppression file") == 0);
  REQUIRE(d[0].notes.size() >= 2);
  CHECK(d[0].notes[0].find("optouts.txt:3: not a valid phone number") != std::string::npos);
  CHECK(d[0].notes[1].find("optouts.txt:5") != std::string::npos);
  std::string all = testing::AllText(d);
  CHECK(all.find("John") == std::string::npos);
  CHECK(all.find("555019") == std::string::npos);
  CHECK(all.find("n/a") == std::string::npos);
}

TEST_CASE("data/unreadable-suppression does not fire on readable files or without one") {
  CHECK(RunWithSuppression("+12125550142\n").empty());
  CHECK(RunWithSuppression("\xEF\xBB\xBFPhone Number;Name\r\n+12125550142;Ann\r\n").empty());
  CHECK(RunWithSuppression("# opted out\n\n+12125550142\n").empty());
  ScratchDir dir;
  Campaign c = CampaignWithCsv(dir, "phone\n+12125550199\n");
  CHECK(RunRule<UnreadableSuppressionRule>(c).empty());
}

}  // namespace
}  // namespace smslint
