#include "checks/brand_check.h"

#include <cctype>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "text/links.h"
#include "text/words.h"
#include "util/strings.h"

namespace smslint {
namespace {

// "Acme Coffee Co." is also named as "Acme Coffee"; a legal suffix is often dropped.
std::string WithoutLegalSuffix(std::string_view brand) {
  std::string_view b = AsStd(absl::StripTrailingAsciiWhitespace(AsAbsl(brand)));
  for (std::string_view suffix :
       {", Inc.", " Inc.", " Inc", ", LLC", " LLC", " L.L.C.", " Ltd.", " Ltd", " Co.", " Co",
        " Corp.", " Corp", " Corporation", " Company"}) {
    if (b.size() > suffix.size() &&
        absl::EqualsIgnoreCase(AsAbsl(b.substr(b.size() - suffix.size())), AsAbsl(suffix))) {
      return std::string(
          absl::StripTrailingAsciiWhitespace(AsAbsl(b.substr(0, b.size() - suffix.size()))));
    }
  }
  return std::string(b);
}

std::string AlnumLower(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

}  // namespace

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
                        "AcmeCoffee: lattes 20% off. Reply STOP to opt out"},
      .options = {},
      .origin = "builtin",
  };
  return *info;
}

void BrandCheck::Run(const MessageContext& context, std::vector<Finding>& findings) const {
  // The confirmation's brand is one of the parts content/incomplete-opt-in-confirmation
  // lists, so it is reported there only.
  if (context.brand.empty() || context.kind == BodyKind::kOptInConfirmation) return;
  std::string body = MaskPlaceholders(context.body);
  // A brand inside a link ("acme.com/x") does not tell a reader who is writing.
  for (const Link& link : FindLinks(body)) {
    for (size_t i = link.begin; i < link.end; ++i) body[i] = ' ';
  }
  if (FindWholeWord(body, context.brand) != std::string::npos) return;
  std::string short_brand = WithoutLegalSuffix(context.brand);
  if (!short_brand.empty() && FindWholeWord(body, short_brand) != std::string::npos) return;
  // Multi-word brands written as one word ("AcmeCoffee").
  std::string joined = AlnumLower(short_brand);
  if (short_brand.find(' ') != std::string::npos && joined.size() >= 4 &&
      AlnumLower(body).find(joined) != std::string::npos) {
    return;
  }
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
