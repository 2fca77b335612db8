#include "checks/data/malformed_row_rule.h"

#include "checks/data/data_rule_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

using testing::CampaignWithCsv;
using testing::RunRule;
using testing::ScratchDir;

TEST_CASE("data/malformed-row fires on rows with the wrong field count, in the CSV") {
  ScratchDir dir;
  Campaign c = CampaignWithCsv(dir,
                               "phone,name,opted_in_at\n+12125550142,Smith, John,2024-01-01\n"
                               "+12125550143,Bo,2024-01-01\n");
  std::vector<Diagnostic> d = RunRule<MalformedRowRule>(c);
  REQUIRE(d.size() == 1);
  CHECK(d[0].span.file.find("r.csv") != std::string::npos);
  CHECK(d[0].span.line == 2);
  CHECK(d[0].message.find("1 row of ") == 0);
  REQUIRE(d[0].notes.size() == 1);
  CHECK(d[0].notes[0].find("(4, the header has 3)") != std::string::npos);
}

TEST_CASE("data/malformed-row does not fire on quoted commas") {
  ScratchDir dir;
  CHECK(RunRule<MalformedRowRule>(
            CampaignWithCsv(dir, "phone,first_name\n+13125550177,\"Smith, John\"\n"))
            .empty());
}

}  // namespace
}  // namespace smslint
