#include "checks/public_url_shortener_check.h"

#include "absl/strings/str_cat.h"
#include "text/links.h"
#include "text/words.h"

namespace smslint {

const RuleInfo& PublicUrlShortenerCheck::Info() const {
  static const RuleInfo* info = new RuleInfo{
      .id = "content/public-url-shortener",
      .level = Level::kError,
      .summary = "A link on a public URL shortener (bit.ly, tinyurl.com, ...)",
      .why =
          "Public shorteners are shared by spammers, so carriers filter messages that "
          "use them; the recipient also cannot see where the link goes.",
      .fix = "Link to your own domain, or a branded short domain you own.",
      .source =
          "CTIA Messaging Principles and Best Practices (2023), 5.3.2; shortener list: "
          "PeterDaveHello/url-shorteners (CC BY-SA 4.0)",
      .fire_examples = {"Acme Coffee: 20% off at bit.ly/3xYz Reply STOP to opt out",
                        "Acme Coffee: 20% off at https://tinyurl.com/acme Reply STOP to opt out",
                        "Acme Coffee: 20% off at bit.do/acme4 Reply STOP to opt out"},
      .pass_examples = {"Acme Coffee: 20% off at https://acme.com/x Reply STOP to opt out",
                        "Acme Coffee: 20% off at acme.com/latte. Reply STOP to opt out"},
      .options = {},
      .origin = "builtin",
  };
  return *info;
}

void PublicUrlShortenerCheck::Run(const MessageContext& context,
                                  std::vector<Finding>& findings) const {
  for (const Link& link : FindLinks(MaskPlaceholders(context.body))) {
    if (!IsPublicShortenerHost(link.host)) continue;
    Finding f;
    f.rule = Info().id;
    f.level = Info().level;
    f.message = absl::StrCat(link.host, " is a public URL shortener; carriers filter such links");
    f.begin = link.begin;
    f.end = link.end;
    f.suggestion = context.domain.empty() ? "link to your own domain"
                                          : absl::StrCat("link to ", context.domain, " instead");
    findings.push_back(std::move(f));
  }
}

}  // namespace smslint
