// The data rules' documented examples (RuleInfo fire/pass) are prose about files;
// each has its input here, and every example must have one: fire examples must
// fire the rule and pass examples must not.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "checks/data/data_rule_test_util.h"
#include "checks/data_rules.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

struct ExampleInput {
  ExampleInput(std::string csv, std::vector<std::string> senders = {}, std::string suppression = "")
      : csv(std::move(csv)), senders(std::move(senders)), suppression(std::move(suppression)) {}

  std::string csv;
  std::vector<std::string> senders;
  std::string suppression;  // suppression file content; none when empty
  std::optional<Route> route;
  std::optional<absl::CivilMinute> start;  // in America/New_York
  bool empty_list = false;                 // `recipients.list: []` instead of the CSV
};

ExampleInput WithRoute(Route route, std::string sender) {
  ExampleInput input("phone\n+13125550177\n", {std::move(sender)});
  input.route = route;
  return input;
}

ExampleInput WithStart(absl::CivilMinute start) {
  ExampleInput input("phone\n+13125550177\n");
  input.start = start;
  return input;
}

ExampleInput EmptyList() {
  ExampleInput input("");
  input.empty_list = true;
  return input;
}

// The examples' clock (data/start-in-past): 2026-11-01 00:00 UTC.
const absl::Time kExampleNow = absl::FromCivil(absl::CivilSecond(2026, 11, 1), absl::UTCTimeZone());

const std::map<std::string, ExampleInput>& ExampleInputs() {
  static const auto* inputs = new std::map<std::string, ExampleInput>{
      // data/invalid-number
      {"a recipients.csv row with phone 555-0177 (seven digits, no area code)",
       {"phone\n555-0177\n"}},
      {"a row with phone +1 312 555 017 (one digit short)", {"phone\n+1 312 555 017\n"}},
      {"a sender +1 099 555 0100 (area codes never start with 0)",
       {"phone\n+13125550177\n", {"+10995550100"}}},
      {"phone (312) 555-0177 with country US", {"phone\n(312) 555-0177\n"}},
      {"phone +44 7911 123456", {"phone\n+44 7911 123456\n"}},
      {"sender +14155550100", {"phone\n+13125550177\n", {"+14155550100"}}},
      // data/duplicate-recipient
      {"rows (312) 555-0177 and +1 312 555 0177 in one file",
       {"phone\n(312) 555-0177\n+1 312 555 0177\n"}},
      {"rows +13125550177 and +13125550178", {"phone\n+13125550177\n+13125550178\n"}},
      // data/suppressed-recipient
      {"recipients row (312) 555-0177 with suppression file line +13125550177",
       {"phone\n(312) 555-0177\n", {}, "+13125550177\n"}},
      {"recipients row +13125550177 with a suppression file that does not list it",
       {"phone\n+13125550177\n", {}, "+13125550178\n"}},
      // data/missing-consent
      {"a recipients.csv with an opted_in_at column and a row whose opted_in_at is empty",
       {"phone,opted_in_at\n+13125550177,\n"}},
      {"opted_in_at 'yesterday'", {"phone,opted_in_at\n+13125550177,yesterday\n"}},
      {"a recipients.csv without an opted_in_at column (warning)", {"phone\n+13125550177\n"}},
      {"opted_in_at 2024-03-01", {"phone,opted_in_at\n+13125550177,2024-03-01\n"}},
      {"opted_in_at 2024-03-01T09:30:00-05:00",
       {"phone,opted_in_at\n+13125550177,2024-03-01T09:30:00-05:00\n"}},
      // data/non-mobile-number
      {"phone +1 800 555 0199 (toll free)", {"phone\n+1 800 555 0199\n"}},
      {"phone +44 20 7946 0958 (fixed line)", {"phone\n+44 20 7946 0958\n"}},
      {"phone +1 312 555 0177 (fixed line or mobile)", {"phone\n+1 312 555 0177\n"}},
      {"phone +44 7911 123456 (mobile)", {"phone\n+44 7911 123456\n"}},
      // data/unreadable-suppression
      {"a suppression file with the lines +13125550177 and n/a (warning)",
       {"phone\n+13125550199\n", {}, "+13125550177\nn/a\n"}},
      {"a suppression file with the header name,email and no numbers",
       {"phone\n+13125550199\n", {}, "name,email\nAnn,ann@example.com\n"}},
      {"a suppression file with only a comment line",
       {"phone\n+13125550199\n", {}, "# nobody yet\n"}},
      {"a suppression file Phone Number;Name with row +13125550177;Ann",
       {"phone\n+13125550199\n", {}, "Phone Number;Name\n+13125550177;Ann\n"}},
      {"a suppression file with the line +13125550177",
       {"phone\n+13125550199\n", {}, "+13125550177\n"}},
      // data/malformed-row
      {"header phone,first_name and row +13125550177,Smith, John",
       {"phone,first_name\n+13125550177,Smith, John\n"}},
      {"header phone,first_name and row +13125550177,\"Smith, John\"",
       {"phone,first_name\n+13125550177,\"Smith, John\"\n"}},
      {"sender 24273 (a short code)", {"phone\n+13125550177\n", {"24273"}}},
      // data/sender-route-mismatch
      {"route 10dlc with sender +18885550100 (toll free)",
       WithRoute(Route::k10DLC, "+18885550100")},
      {"route toll_free with sender +14155550100 (a long code)",
       WithRoute(Route::kTollFree, "+14155550100")},
      {"route p2p with sender 24273 (a short code)", WithRoute(Route::kP2P, "24273")},
      {"route short_code with sender +14155550100", WithRoute(Route::kShortCode, "+14155550100")},
      {"route 10dlc with sender +14155550100", WithRoute(Route::k10DLC, "+14155550100")},
      {"route toll_free with sender +18885550100", WithRoute(Route::kTollFree, "+18885550100")},
      {"route short_code with sender 24273", WithRoute(Route::kShortCode, "24273")},
      {"route p2p with sender +13125550177", WithRoute(Route::kP2P, "+13125550177")},
      // data/no-recipients
      {"a recipients.csv with the header phone,first_name and no rows", {"phone,first_name\n"}},
      {"recipients.list: []", EmptyList()},
      {"a recipients.csv whose only row 555-0177 is not a valid number", {"phone\n555-0177\n"}},
      {"a recipients.csv with the row +13125550177", {"phone\n+13125550177\n"}},
      {"a recipients.csv with rows 555-0177 and +13125550177 (one can be sent)",
       {"phone\n555-0177\n+13125550177\n"}},
      // data/start-in-past
      {"schedule.start 2026-10-01T10:00 America/New_York, now 2026-11-01",
       WithStart(absl::CivilMinute(2026, 10, 1, 10, 0))},
      {"schedule.start 2026-12-01T10:00 America/New_York, now 2026-11-01",
       WithStart(absl::CivilMinute(2026, 12, 1, 10, 0))},
  };
  return *inputs;
}

bool Fires(const DataRule& rule, const ExampleInput& input) {
  testing::ScratchDir dir;
  Campaign c = testing::CampaignWithCsv(dir, input.csv);
  if (input.empty_list) {
    c.recipients.file = {};
    c.recipients.list_pos = {10, 9};
  }
  if (input.route) c.campaign.route = {*input.route, {5, 10}, true};
  if (input.start) {
    c.schedule.start = {*input.start, {20, 10}, true};
    c.schedule.timezone = {"America/New_York", {21, 13}, true};
  }
  for (const std::string& number : input.senders)
    c.senders.push_back(Sender{{number, {8, 5}, true}});
  if (!input.suppression.empty()) {
    dir.Write("optouts.txt", input.suppression);
    c.suppression_file = {"optouts.txt", {12, 9}, true};
  }
  absl::StatusOr<RecipientLoadResult> r = LoadRecipients(c, RecipientLoadMode::kFull);
  REQUIRE(r.ok());
  std::vector<Diagnostic> out;
  rule.Run(DataRuleInput{c, r->table, r->facts, false, kExampleNow}, out);
  for (const Diagnostic& d : out)
    if (d.rule == rule.Info()->id) return true;
  return false;
}

TEST_CASE("every data rule fires on its fire examples and not on its pass examples") {
  int examples = 0;
  for (const auto& rule : BuiltinDataRules()) {
    if (rule->Info() == nullptr) continue;
    const RuleInfo& info = *rule->Info();
    CAPTURE(info.id);
    for (bool fire : {true, false}) {
      for (const std::string& example : fire ? info.fire_examples : info.pass_examples) {
        CAPTURE(example);
        auto it = ExampleInputs().find(example);
        REQUIRE_MESSAGE(it != ExampleInputs().end(), "no input for this example");
        CHECK(Fires(*rule, it->second) == fire);
        ++examples;
      }
    }
  }
  CHECK(examples == static_cast<int>(ExampleInputs().size()));
}

}  // namespace
}  // namespace smslint
