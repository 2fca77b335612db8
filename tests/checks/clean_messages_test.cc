// Ordinary, well-written messages of each kind of sender must raise no content
// finding at all: a rule that fires here is a bug in the rule.
#include "doctest/doctest.h"
#include "lint/engine.h"
#include "lint/test_context.h"
#include "lint/test_engine.h"

namespace smslint {
namespace {

struct CleanMessage {
  const char* brand;
  UseCase use_case;
  const char* country;
  const char* domain;
  const char* body;
};

const CleanMessage kClean[] = {
    {"Rosie's Bakery", UseCase::kMarketing, "US", "rosiesbakery.com",
     "Rosie's Bakery: fresh sourdough and cinnamon rolls are out of the oven! Pre-order at "
     "rosiesbakery.com/order Reply STOP to opt out"},
    {"Rosie's Bakery", UseCase::kMarketing, "CA", "rosiesbakery.com",
     "Rosie's Bakery: free delivery on cake orders over $40 this weekend. "
     "https://rosiesbakery.com/cakes Text STOP to end"},
    {"Bright Smile Dental", UseCase::kAccountNotification, "US", "brightsmile.com",
     "Bright Smile Dental: reminder of your cleaning with Dr. Lee on Tue 12/3 at 10:30am. Reply C "
     "to confirm or call us to reschedule."},
    {"Bright Smile Dental", UseCase::kMarketing, "US", "brightsmile.com",
     "Bright Smile Dental: whitening is 15% off in December. Book at brightsmile.com/book Reply "
     "STOP to opt out"},
    {"QuickShip", UseCase::kDeliveryNotification, "US", "quickship.com",
     "QuickShip: your order #48213 is out for delivery today between 2-5pm. Track it at "
     "https://quickship.com/t/48213"},
    {"QuickShip", UseCase::kDeliveryNotification, "US", "quickship.com",
     "QuickShip: we couldn't deliver your package today. We'll try again tomorrow; no action "
     "needed."},
    {"Acme Bank", UseCase::kTwoFactor, "US", "acmebank.com",
     "Acme Bank: your verification code is 482913. It expires in 10 minutes. Don't share it with "
     "anyone."},
    {"Acme Bank", UseCase::kFraudAlert, "US", "acmebank.com",
     "Acme Bank: did you attempt a $482.10 purchase at Best Electronics? Reply YES or NO."},
    {"Acme Auto", UseCase::kCustomerCare, "US", "acmeauto.com",
     "Acme Auto: your loaner car is ready at the front desk. Your service will be done by 4pm."},
    {"Green Fork", UseCase::kMarketing, "US", "greenfork.com",
     "Green Fork: pot roast and a double shot espresso brownie are tonight's specials. Reserve at "
     "greenfork.com Reply STOP to opt out"},
    {"City Gym", UseCase::kMarketing, "US", "citygym.com",
     "City Gym: new spin classes start Monday at 6am. Your first class is on us! citygym.com/spin "
     "Reply STOP to unsubscribe"},
    {"Paws Vet Clinic", UseCase::kAccountNotification, "CA", "pawsvet.ca",
     "Paws Vet Clinic: Max is due for his rabies shot. Book at https://pawsvet.ca/book or call "
     "(604) 555-0100."},
    {"Acme Coffee", UseCase::kMarketing, "US", "acme.com",
     "Acme Coffee: {{first_name|there}}, lattes are 20% off today at https://acme.com/x Reply STOP "
     "to opt out"},
};

TEST_CASE("realistic clean messages raise no content finding") {
  absl::StatusOr<RuleEngine> engine = LoadTestEngine({}, nullptr);
  REQUIRE(engine.ok());
  for (const CleanMessage& m : kClean) {
    MessageContext c = ExampleContext(m.body);
    c.brand = m.brand;
    c.use_case = m.use_case;
    c.country = m.country;
    c.domain = m.domain;
    c.senders = {"+16045550100", "+14155550100"};
    std::vector<Finding> findings = engine->CheckMessage(c);
    CAPTURE(m.body);
    for (const Finding& f : findings) CAPTURE(f.rule + ": " + f.message);
    CHECK(RuleIdsOf(findings).empty());
  }
}

TEST_CASE("the default opt-in confirmation of DESIGN.md is complete") {
  absl::StatusOr<RuleEngine> engine = LoadTestEngine({}, nullptr);
  REQUIRE(engine.ok());
  MessageContext c = ExampleContext(
      "Acme Coffee Alerts: you're in! Up to 4 msgs/mo. Msg&data rates may apply. Reply HELP for "
      "help, STOP to cancel.",
      BodyKind::kOptInConfirmation);
  CHECK(RuleIdsOf(engine->CheckMessage(c)).empty());
}

}  // namespace
}  // namespace smslint
