#include "checks/registry.h"

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

}  // namespace smslint
