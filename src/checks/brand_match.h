// Does a message name the brand? One matcher for templates (content/missing-brand)
// and the opt-in confirmation (content/incomplete-opt-in-confirmation).
#ifndef SMSLINT_CHECKS_BRAND_MATCH_H_
#define SMSLINT_CHECKS_BRAND_MATCH_H_

#include <string>
#include <string_view>
#include <vector>

namespace smslint {

// The comparable form of a name or a text: lower case; apostrophes (' ’ ‘ `) dropped
// ("Macy’s" = "Macys"); "&" read as "and"; other punctuation and runs of spaces as
// one space. For a name, also without a leading "The" and a legal suffix (LLC, Inc.,
// Co., Corp., Ltd., Company, Corporation).
std::string NormalizeBrandText(std::string_view text);
std::string NormalizeBrandName(std::string_view name);

// True when `body` names `brand` or one of `aliases`: compared in the normalised
// form on word boundaries, or written as one word ("AcmeCoffee"). Links in the
// body do not count (a domain does not tell a reader who is writing).
bool NamesBrand(std::string_view body, std::string_view brand,
                const std::vector<std::string>& aliases);

}  // namespace smslint

#endif  // SMSLINT_CHECKS_BRAND_MATCH_H_
