#include "checks/brand_check.h"

#include "absl/strings/str_cat.h"
#include "checks/brand_match.h"

namespace smslint {

const RuleInfo& BrandCheck::Info() const {
  static const RuleInfo* info = new RuleInfo{
      .id = "content/missing-brand",
      .level = Level::kError,
      .summary = "The message does not name the campaign's brand",
      .why =
          "CTIA asks every message to identify who sends it. Carriers filter "
          "unbranded traffic, and recipients report a text they cannot place as spam.",
      .fix = "Start the body with the brand as in campaign.brand: \"Acme Coffee: ...\".",
      .source =
          "CTIA Messaging Principles and Best Practices (2023), 5.1 and 5.2: identify the message "
          "sender",
      .fire_examples =
          {"Lattes are 20% off today at acme.com/x Reply STOP to opt out",
           "Lattes are 20% off today at https://acmecoffee.com/x Reply STOP to opt out"},
      .pass_examples = {"Acme Coffee: lattes are 20% off today. Reply STOP to opt out",
                        "Hi from ACME COFFEE! Lattes 20% off. Reply STOP to opt out",
                        "AcmeCoffee: lattes 20% off. Reply STOP to opt out",
                        "acme   coffee: lattes 20% off. Reply STOP to opt out"},
      .options = {},
      .origin = "builtin",
  };
  return *info;
}

void BrandCheck::Run(const MessageContext& context, std::vector<Finding>& findings) const {
  // The confirmation's brand is one of the parts content/incomplete-opt-in-confirmation
  // lists, so it is reported there only.
  if (context.brand.empty() || context.kind == BodyKind::kOptInConfirmation) return;
  if (NamesBrand(context.body, context.brand, context.brand_aliases)) return;
  Finding f;
  f.rule = Info().id;
  f.level = Info().level;
  f.message = absl::StrCat("the message does not name the brand '", context.brand, "'");
  f.begin = 0;
  f.end = 0;
  f.suggestion = absl::StrCat("start with \"", context.brand, ": \"");
  findings.push_back(std::move(f));
}

}  // namespace smslint
