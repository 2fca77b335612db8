#include "checks/data/non_mobile_number_rule.h"

#include "checks/data/data_rule_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using testing::CampaignWithCsv;
using testing::RunRule;
using testing::ScratchDir;

TEST_CASE("data/non-mobile-number fires on toll free and fixed line numbers") {
  ScratchDir dir;
  Campaign c = CampaignWithCsv(dir, "phone\n+1 800 555 0199\n+44 20 7946 0958\n+1 800 555 0199\n");
  std::vector<Diagnostic> d = RunRule<NonMobileNumberRule>(c);
  REQUIRE(d.size() == 1);
  CHECK(d[0].level == Level::kWarning);
  // The repeated toll-free row is counted once.
  CHECK(d[0].message.find("2 recipients are not mobile numbers") == 0);
  CHECK(d[0].message.find("1 toll free") != std::string::npos);
  CHECK(d[0].message.find("1 fixed line") != std::string::npos);
  CHECK(d[0].notes[0].find("+1800\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2"
                           "0199 (toll free)") != std::string::npos);
}

TEST_CASE("data/non-mobile-number does not fire on mobiles or 'fixed line or mobile'") {
  ScratchDir dir;
  CHECK(RunRule<NonMobileNumberRule>(
            CampaignWithCsv(dir, "phone\n+1 312 555 0177\n+44 7911 123456\n"))
            .empty());
}

}  // namespace
}  // namespace smslint
