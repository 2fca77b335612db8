#include "checks/insecure_link_check.h"

#include "absl/strings/str_cat.h"
#include "text/links.h"
#include "text/words.h"

namespace smslint {

const RuleInfo& InsecureLinkCheck::Info() const {
  static const RuleInfo* info = new RuleInfo{
      .id = "content/insecure-link",
      .level = Level::kWarning,
      .summary = "An http:// link (error when campaign.country is CA)",
      .why =
          "Plain http links can be intercepted and rewritten, and look like phishing. "
          "Canadian carriers do not allow them in application-to-person traffic.",
      .fix = "Use https://, or write the bare domain (acme.com/x) of an https site.",
      .source = "Canadian carrier A2P guidelines (CWTA); CTIA 5.3.2",
      .fire_examples = {"Acme Coffee: order at http://acme.com/x Reply STOP to opt out"},
      .pass_examples = {"Acme Coffee: order at https://acme.com/x Reply STOP to opt out",
                        "Acme Coffee: order at acme.com/x Reply STOP to opt out"},
      .options = {},
      .origin = "builtin",
  };
  return *info;
}

void InsecureLinkCheck::Run(const MessageContext& context, std::vector<Finding>& findings) const {
  for (const Link& link : FindLinks(MaskPlaceholders(context.body))) {
    if (link.scheme != "http") continue;
    Finding f;
    f.rule = Info().id;
    f.level = context.country == "CA" ? Level::kError : Info().level;
    f.message = context.country == "CA" ? "http:// link: Canadian carriers require https"
                                        : "http:// link: use https";
    f.begin = link.begin;
    f.end = link.end;
    f.suggestion = "use https://";
    findings.push_back(std::move(f));
  }
}

}  // namespace smslint
