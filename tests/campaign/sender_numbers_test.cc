#include "campaign/sender_numbers.h"

#include "campaign/loader.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

TEST_CASE("senders: short codes, toll-free numbers and long codes") {
  PhoneNumberClassifier us("US");
  CHECK(IsShortCodeSyntax("24273"));
  CHECK(IsShortCodeSyntax("242733"));
  CHECK(!IsShortCodeSyntax("2427"));
  CHECK(!IsShortCodeSyntax("2427330"));
  CHECK(!IsShortCodeSyntax("04273"));
  CHECK(!IsShortCodeSyntax("+24273"));
  CHECK(ClassifySender("24273", us) == SenderType::kShortCode);
  CHECK(ClassifySender("+18885550100", us) == SenderType::kTollFree);
  CHECK(ClassifySender("+18005550199", us) == SenderType::kTollFree);
  CHECK(ClassifySender("+18335550100", us) == SenderType::kTollFree);
  CHECK(ClassifySender("+14155550100", us) == SenderType::kLongCode);
  CHECK(ClassifySender("+10995550100", us) == SenderType::kInvalid);
  for (Route route : {Route::kP2P, Route::k10DLC, Route::kTollFree, Route::kShortCode}) {
    CHECK(SenderTypeForRoute(RouteForSenderType(SenderTypeForRoute(route))) ==
          SenderTypeForRoute(route));
  }
}

TEST_CASE("loader: a short code is a sender, 4 or 7 digits are not") {
  const std::string base = R"(version: 1
campaign:
  name: n
  brand: Acme
  use_case: marketing
  route: short_code
senders:
  - "SENDER"
templates:
  - id: a
    body: "Acme: hi. Reply STOP to opt out"
recipients:
  list: ["+12125550142"]
schedule:
  start: 2026-12-01T10:00
  timezone: America/New_York
  rate: 10/s
)";
  auto with = [&](const std::string& sender) {
    std::string text = base;
    text.replace(text.find("SENDER"), 6, sender);
    return LoadCampaign("c.yaml", text);
  };
  auto ok = with("24273");
  REQUIRE(ok.ok());
  CHECK(ok->diagnostics.empty());
  REQUIRE(ok->campaign.senders.size() == 1);
  CHECK(ok->campaign.senders[0].number.value == "24273");
  // Unquoted, YAML reads a number; the text is the same short code (the schema
  // accepts integers from 10000 to 999999 for it).
  {
    std::string text = base;
    text.replace(text.find("\"SENDER\""), 8, "24273");
    auto unquoted = LoadCampaign("c.yaml", text);
    REQUIRE(unquoted.ok());
    CHECK(unquoted->diagnostics.empty());
  }
  auto bad = with("2427");
  REQUIRE(bad.ok());
  REQUIRE(bad->diagnostics.size() == 1);
  CHECK(bad->diagnostics[0].rule == "schema/invalid-value");
  CHECK(bad->diagnostics[0].message.find("short code (5 or 6 digits)") != std::string::npos);
}

}  // namespace
}  // namespace smslint
