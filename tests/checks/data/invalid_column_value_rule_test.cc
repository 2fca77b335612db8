#include "checks/data/invalid_column_value_rule.h"

#include "checks/data/data_rule_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using testing::CampaignWithCsv;
using testing::RunRule;
using testing::ScratchDir;

TEST_CASE("schema/invalid-value fires on timezone and state values, zone first") {
  ScratchDir dir;
  Campaign c = CampaignWithCsv(dir,
                               "phone,timezone,state\n"
                               "+12125550142,Mars/Base,ZZ\n"
                               "+12125550143,EST,ny\n");
  std::vector<Diagnostic> d = RunRule<InvalidColumnValueRule>(c);
  REQUIRE(d.size() == 2);
  CHECK(d[0].rule == "schema/invalid-value");
  CHECK(d[0].message.find("2 timezone values are not an IANA time zone") == 0);
  CHECK(d[0].notes[0].find("r.csv:2: 'Mars/Base'") != std::string::npos);
  CHECK(d[1].message.find("1 state value is not a two-letter") == 0);
  CHECK(d[1].notes[0].find("'ZZ'") != std::string::npos);
}

TEST_CASE("schema/invalid-value does not fire on IANA names, UTC, codes or blanks") {
  ScratchDir dir;
  CHECK(RunRule<InvalidColumnValueRule>(
            CampaignWithCsv(dir,
                            "phone,timezone,state\n+12125550142,America/Chicago,fl\n"
                            "+12125550143,UTC,\n+12125550144,,ON\n"))
            .empty());
}

}  // namespace
}  // namespace smslint
