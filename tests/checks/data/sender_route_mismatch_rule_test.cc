#include "checks/data/sender_route_mismatch_rule.h"

#include "checks/data/data_rule_test_util.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

Campaign WithSenders(Route route, std::vector<std::string> numbers) {
  Campaign c;
  c.path = "campaign.yaml";
  c.campaign.route = {route, {6, 10}, true};
  int line = 9;
  for (const std::string& n : numbers) c.senders.push_back(Sender{{n, {line++, 5}, true}});
  return c;
}

TEST_CASE("data/sender-route-mismatch: every route against every sender type") {
  const std::vector<std::string> all = {"+14155550100", "+18885550100", "24273"};
  struct Case {
    Route route;
    std::vector<std::string> mismatched;
  };
  for (const Case& c : {Case{Route::kP2P, {"+18885550100", "24273"}},
                        Case{Route::k10DLC, {"+18885550100", "24273"}},
                        Case{Route::kTollFree, {"+14155550100", "24273"}},
                        Case{Route::kShortCode, {"+14155550100", "+18885550100"}}}) {
    CAPTURE(RouteName(c.route));
    std::vector<Diagnostic> d =
        testing::RunRule<SenderRouteMismatchRule>(WithSenders(c.route, all));
    REQUIRE(d.size() == c.mismatched.size());
    for (size_t i = 0; i < d.size(); ++i) {
      CHECK(d[i].rule == "data/sender-route-mismatch");
      CHECK(d[i].level == Level::kError);
      CHECK(d[i].message.find(c.mismatched[i]) != std::string::npos);
    }
  }
}

TEST_CASE("data/sender-route-mismatch: message, position and suggestion") {
  std::vector<Diagnostic> d = testing::RunRule<SenderRouteMismatchRule>(
      WithSenders(Route::k10DLC, {"+14155550100", "+18885550100"}));
  REQUIRE(d.size() == 1);
  CHECK(d[0].span.line == 10);
  CHECK(d[0].span.column == 5);
  CHECK(d[0].message ==
        "sender +18885550100 is a toll-free number, but route 10dlc sends from 10-digit long "
        "codes registered for 10DLC");
  CHECK(d[0].suggestion.find("campaign.route: toll_free") != std::string::npos);
}

TEST_CASE("data/sender-route-mismatch: silent without a route, and on invalid numbers") {
  Campaign c = WithSenders(Route::k10DLC, {"+10995550100", "24273"});
  c.campaign.route.present = false;
  CHECK(testing::RunRule<SenderRouteMismatchRule>(c).empty());
  // An invalid number is data/invalid-number's, not a type mismatch.
  CHECK(testing::RunRule<SenderRouteMismatchRule>(WithSenders(Route::k10DLC, {"+10995550100"}))
            .empty());
  // Canada: long codes on 10dlc/p2p are fine.
  Campaign ca = WithSenders(Route::kP2P, {"+14165550100"});
  ca.campaign.country = {"CA", {4, 12}, true};
  CHECK(testing::RunRule<SenderRouteMismatchRule>(ca).empty());
}

}  // namespace
}  // namespace smslint
