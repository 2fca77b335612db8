// Behaviour of the structural content checks beyond their RuleInfo examples
// (those run in tests/lint/rule_examples_test.cc).
#include <algorithm>

#include "checks/brand_check.h"
#include "checks/embedded_phone_number_check.h"
#include "checks/insecure_link_check.h"
#include "checks/multiple_domains_check.h"
#include "checks/opt_in_confirmation_check.h"
#include "checks/opt_out_check.h"
#include "checks/opt_out_language.h"
#include "checks/public_url_shortener_check.h"
#include "doctest/doctest.h"
#include "lint/test_context.h"

namespace smslint {
namespace {

std::vector<Finding> RunCheck(const ContentCheck& check, const MessageContext& context) {
  std::vector<Finding> findings;
  check.Run(context, findings);
  return findings;
}

TEST_CASE("opt-out language in the forms people write") {
  for (const char* body :
       {"Reply STOP to opt out", "Text STOP to end", "STOP2END", "txt STOP", "stop=end",
        "Reply END to stop", "Send UNSUBSCRIBE", "reply stop to cancel", "Text QUIT to quit",
        "Reply STOPALL", "Reply REVOKE", "Text OPTOUT", "Reply \"STOP\" to opt out",
        "Msg STOP to 12345", "Reply CANCEL anytime"}) {
    CAPTURE(body);
    CHECK(FindOptOutInstruction(body).has_value());
  }
  for (const char* body : {"Stop by today!", "Offer ends Sunday", "end to end encryption",
                           "Cancel your order at acme.com", "We'll stop serving at 9"}) {
    CAPTURE(body);
    CHECK(!FindOptOutInstruction(body).has_value());
  }
}

TEST_CASE("missing-opt-out by use case") {
  OptOutCheck check;
  MessageContext c = ExampleContext("Acme Coffee: lattes 20% off");
  CHECK(RunCheck(check, c)[0].level == Level::kError);
  c.use_case = UseCase::kMixed;
  CHECK(RunCheck(check, c)[0].level == Level::kError);
  c.use_case = UseCase::kPolitical;
  CHECK(RunCheck(check, c)[0].level == Level::kWarning);
  for (UseCase u :
       {UseCase::kTwoFactor, UseCase::kAccountNotification, UseCase::kDeliveryNotification,
        UseCase::kCustomerCare, UseCase::kFraudAlert, UseCase::kPublicService}) {
    c.use_case = u;
    CHECK(RunCheck(check, c).empty());
  }
  c.use_case.reset();
  CHECK(RunCheck(check, c).empty());
  c = ExampleContext("Acme Coffee: lattes 20% off", BodyKind::kOptInConfirmation);
  CHECK(RunCheck(check, c).empty());
}

TEST_CASE("missing-opt-out: every TCR use case has a level, promotional ones an error") {
  OptOutCheck check;
  MessageContext c = ExampleContext("Acme Coffee: lattes 20% off");
  for (UseCase u : {UseCase::kSweepstake, UseCase::kSoleProprietor, UseCase::kAgentsFranchises}) {
    c.use_case = u;
    std::vector<Finding> f = RunCheck(check, c);
    REQUIRE(f.size() == 1);
    CHECK(f[0].level == Level::kError);
  }
  c.use_case = UseCase::kAgentsFranchises;
  CHECK(RunCheck(check, c)[0].message.rfind("an agents_franchises message", 0) == 0);
  for (UseCase u : {UseCase::kLowVolume, UseCase::kHigherEducation, UseCase::kK12Education,
                    UseCase::kSocial, UseCase::kPlatformFreeTrial}) {
    c.use_case = u;
    std::vector<Finding> f = RunCheck(check, c);
    REQUIRE(f.size() == 1);
    CHECK(f[0].level == Level::kWarning);
  }
  for (UseCase u :
       {UseCase::kSecurityAlert, UseCase::kEmergency, UseCase::kMachineToMachine,
        UseCase::kCarrierExempt, UseCase::kProxy, UseCase::kUcaasLow, UseCase::kUcaasHigh}) {
    c.use_case = u;
    CHECK(RunCheck(check, c).empty());
  }
}

TEST_CASE("missing-brand: case, word boundaries, legal suffix, placeholders") {
  BrandCheck check;
  MessageContext c = ExampleContext("acme coffee: hi");
  CHECK(RunCheck(check, c).empty());
  c.brand = "Acme Coffee Co.";
  CHECK(RunCheck(check, c).empty());
  c.brand = "Ace";
  c.body = "Place your order";
  CHECK(RunCheck(check, c).size() == 1);
  c.body = "{{Ace}} order ready";
  CHECK(RunCheck(check, c).size() == 1);
  c.body = "ACE: order ready";
  CHECK(RunCheck(check, c).empty());
  c.brand = "";
  c.body = "order ready";
  CHECK(RunCheck(check, c).empty());
}

TEST_CASE("incomplete-opt-in-confirmation lists what is missing") {
  OptInConfirmationCheck check;
  MessageContext c = ExampleContext("Thanks for joining!", BodyKind::kOptInConfirmation);
  std::vector<Finding> f = RunCheck(check, c);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.find("Acme Coffee") != std::string::npos);
  CHECK(f[0].message.find("Msg & data rates") != std::string::npos);
  CHECK(f[0].message.find("frequency") != std::string::npos);
  CHECK(f[0].message.find("HELP") != std::string::npos);
  CHECK(f[0].message.find("STOP") != std::string::npos);
  c.body =
      "Acme Coffee: Msg frequency varies. Msg&data rates may apply. Reply HELP for help. Reply "
      "STOP to cancel.";
  CHECK(RunCheck(check, c).empty());
  c.kind = BodyKind::kTemplate;
  c.body = "Thanks";
  CHECK(RunCheck(check, c).empty());
}

TEST_CASE("link checks: shortener, domains, http with Canada") {
  PublicUrlShortenerCheck shortener;
  MultipleDomainsCheck domains;
  InsecureLinkCheck insecure;
  MessageContext c = ExampleContext("Acme Coffee: https://bit.ly/x and https://acme.com/y");
  CHECK(RunCheck(shortener, c).size() == 1);
  CHECK(RunCheck(domains, c).empty());  // the shortener is its own finding
  c.body = "Acme Coffee: http://acme.com/y";
  CHECK(RunCheck(insecure, c)[0].level == Level::kWarning);
  c.country = "CA";
  CHECK(RunCheck(insecure, c)[0].level == Level::kError);
  c.domain = "";
  c.body = "Acme Coffee: acme.com/y and acme-deals.net/z and shop.acme.com";
  std::vector<Finding> f = RunCheck(domains, c);
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "links span 2 domains (acme.com, acme-deals.net)");
  c.domain = "https://acme.com/";
  c.body = "Acme Coffee: acme.com/y";
  CHECK(RunCheck(domains, c).empty());
}

TEST_CASE("embedded-phone-number: numbers, not prices, dates, codes, orders or senders") {
  EmbeddedPhoneNumberCheck check;
  MessageContext c = ExampleContext("");
  for (const char* body : {"Call 415-555-0199 now", "Call (212) 555-0199", "Call +44 20 7946 0958",
                           "call 0800 169 6031", "ring 09061701461", "call 555-0199"}) {
    c.body = body;
    CAPTURE(body);
    CHECK(RunCheck(check, c).size() == 1);
  }
  for (const char* body : {"Call us at +1 (415) 555-0100", "Total $1,299.99 on 2026-12-01",
                           "Your code is 482913", "Order #1234567890 shipped",
                           "Tracking 123456789012", "Zip 94107-1234", "Open 9:00-17:00, 12/01/2026",
                           "Save 20% on 3 items", "Ref: 4829301122", "Reply to this number"}) {
    c.body = body;
    CAPTURE(body);
    CHECK(RunCheck(check, c).empty());
  }
}

}  // namespace
}  // namespace smslint
