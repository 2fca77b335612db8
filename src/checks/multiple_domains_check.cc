#include "checks/multiple_domains_check.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "text/links.h"
#include "text/words.h"

namespace smslint {

const RuleInfo& MultipleDomainsCheck::Info() const {
  static const RuleInfo* info = new RuleInfo{
      .id = "content/multiple-domains",
      .level = Level::kWarning,
      .summary = "Links on more than one domain, or not on campaign.domain",
      .why =
          "Carriers vet a campaign with its one link domain; links that hop between "
          "domains look like redirection chains used in phishing and are filtered.",
      .fix =
          "Put every link on campaign.domain (subdomains are fine), or update "
          "campaign.domain to the domain you really use.",
      .source = "CTIA Messaging Principles and Best Practices (2023), 5.3.2; carrier 10DLC vetting",
      .fire_examples =
          {"Acme Coffee: menu at acme-menus.net/fall Reply STOP to opt out",
           "Acme Coffee: see acme.com/x and order at shop-example.org/y Reply STOP to opt out"},
      .pass_examples =
          {"Acme Coffee: menu at https://acme.com/fall Reply STOP to opt out",
           "Acme Coffee: order at shop.acme.com/x or acme.com/y Reply STOP to opt out"},
      .options = {},
      .origin = "builtin",
  };
  return *info;
}

void MultipleDomainsCheck::Run(const MessageContext& context,
                               std::vector<Finding>& findings) const {
  // Shortener links are content/public-url-shortener's finding, not this one's.
  // campaign.domain as written may carry a scheme or path ("https://acme.com/"); the
  // loader reports that, and the host is still what links are compared with.
  std::string_view written = context.domain;
  if (size_t scheme = written.find("://"); scheme != std::string_view::npos)
    written.remove_prefix(scheme + 3);
  written = written.substr(0, written.find('/'));
  std::string campaign_domain = written.empty() ? "" : RegistrableDomain(AsciiLower(written));
  std::vector<std::string> seen;
  for (const Link& link : FindLinks(MaskPlaceholders(context.body))) {
    if (IsPublicShortenerHost(link.host)) continue;
    std::string domain = RegistrableDomain(link.host);
    Finding f;
    f.rule = Info().id;
    f.level = Info().level;
    f.begin = link.begin;
    f.end = link.end;
    if (!campaign_domain.empty()) {
      if (domain == campaign_domain) continue;
      f.message =
          absl::StrCat("link domain ", domain, " is not the campaign's domain ", campaign_domain);
      f.suggestion = absl::StrCat("link to ", campaign_domain);
      findings.push_back(std::move(f));
      continue;
    }
    if (std::find(seen.begin(), seen.end(), domain) != seen.end()) continue;
    seen.push_back(domain);
    if (seen.size() < 2) continue;
    f.message =
        absl::StrCat("links span ", seen.size(), " domains (", absl::StrJoin(seen, ", "), ")");
    f.suggestion = "use one domain for every link";
    findings.push_back(std::move(f));
  }
}

}  // namespace smslint
