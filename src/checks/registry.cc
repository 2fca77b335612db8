#include "checks/registry.h"

#include <string_view>

// One line per check, alphabetical by file name.
#include "checks/brand_check.h"
#include "checks/embedded_phone_number_check.h"
#include "checks/insecure_link_check.h"
#include "checks/multiple_domains_check.h"
#include "checks/opt_in_confirmation_check.h"
#include "checks/opt_out_check.h"
#include "checks/opt_out_keyword_misuse_check.h"
#include "checks/public_url_shortener_check.h"
#include "checks/segment_count_check.h"
#include "checks/ucs2_character_check.h"
#include "checks/undefined_placeholder_check.h"

namespace smslint {

std::vector<std::unique_ptr<ContentCheck>> BuiltinChecks() {
  std::vector<std::unique_ptr<ContentCheck>> checks;
  checks.push_back(std::make_unique<BrandCheck>());
  checks.push_back(std::make_unique<EmbeddedPhoneNumberCheck>());
  checks.push_back(std::make_unique<InsecureLinkCheck>());
  checks.push_back(std::make_unique<MultipleDomainsCheck>());
  checks.push_back(std::make_unique<OptInConfirmationCheck>());
  checks.push_back(std::make_unique<OptOutCheck>());
  checks.push_back(std::make_unique<OptOutKeywordMisuseCheck>());
  checks.push_back(std::make_unique<PublicUrlShortenerCheck>());
  checks.push_back(std::make_unique<SegmentCountCheck>());
  checks.push_back(std::make_unique<Ucs2CharacterCheck>());
  checks.push_back(std::make_unique<UndefinedPlaceholderCheck>());
  return checks;
}

void PrepareBuiltinChecks() {
  // A marketing template and an opt-in confirmation reaching every pattern with a
  // match: opt-out instructions both ways, rates, frequency, help, numbers, links.
  constexpr std::string_view kTemplate =
      "Acme: 20% off today at https://www.example.com/a or http://bit.ly/b, call (415) "
      "555-0100, order #12345. Msg&data rates may apply. Reply STOP to end, STOP2END, HELP "
      "for help.";
  constexpr std::string_view kConfirmation =
      "Acme: you are in! Up to 4 msgs/mo. Msg & data rates may apply. Reply HELP for help, "
      "STOP to cancel.";
  MessageContext context;
  context.brand = "Acme";
  context.use_case = UseCase::kMarketing;
  context.country = "US";
  std::vector<Finding> findings;
  for (const std::unique_ptr<ContentCheck>& check : BuiltinChecks()) {
    context.body = kTemplate;
    context.kind = BodyKind::kTemplate;
    check->Run(context, findings);
    context.body = kConfirmation;
    context.kind = BodyKind::kOptInConfirmation;
    check->Run(context, findings);
  }
}

}  // namespace smslint
