#include "checks/data/sender_route_mismatch_rule.h"

#include "absl/strings/str_cat.h"
#include "campaign/phone_numbers.h"
#include "campaign/sender_numbers.h"

namespace smslint {
namespace {

// What each route sends from, as carriers provision it.
std::string_view RouteSenders(Route route) {
  switch (route) {
    case Route::kP2P:
      return "person-to-person long codes (10-digit numbers)";
    case Route::k10DLC:
      return "10-digit long codes registered for 10DLC";
    case Route::kTollFree:
      return "verified toll-free numbers (8XX)";
    case Route::kShortCode:
      return "short codes (5 or 6 digits) leased for the program";
  }
  return "";
}

}  // namespace

const RuleInfo* SenderRouteMismatchRule::Info() const {
  static const RuleInfo info{
      .id = "data/sender-route-mismatch",
      .level = Level::kError,
      .summary = "a sender's number type does not fit campaign.route",
      .why =
          "Each route is provisioned on one kind of number: 10DLC and P2P traffic on 10-digit "
          "long codes, toll-free messaging on verified 8XX numbers, short-code programs on the "
          "5- or 6-digit code carriers approved. A toll-free number on a 10DLC campaign, a long "
          "code on a short-code program or a short code on a long-code route is not the route "
          "the campaign was registered and simulated for: the provider rejects the send or the "
          "carriers treat it as unregistered traffic and filter it, and every limit smslint "
          "checks belongs to another route.",
      .fix =
          "Set campaign.route to the route of the number you send from, or send from a number "
          "of the route's type.",
      .source =
          "CTIA Short Code Monitoring Handbook and the Common Short Code Administration (US "
          "short codes: 5 or 6 digits; Canada: CWTA, 5 or 6 digits); The Campaign Registry "
          "10DLC program (A2P on registered 10-digit long codes; US carriers stopped carrying "
          "A2P on unregistered long codes in 2021); toll-free messaging verification for 8XX "
          "numbers (47 CFR 52.101: toll-free codes 800, 833, 844, 855, 866, 877, 888)",
      .fire_examples = {"route 10dlc with sender +18885550100 (toll free)",
                        "route toll_free with sender +14155550100 (a long code)",
                        "route p2p with sender 24273 (a short code)",
                        "route short_code with sender +14155550100"},
      .pass_examples = {"route 10dlc with sender +14155550100",
                        "route toll_free with sender +18885550100",
                        "route short_code with sender 24273", "route p2p with sender +13125550177"},
      .options = {},
      .origin = "builtin",
  };
  return &info;
}

void SenderRouteMismatchRule::Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const {
  const Campaign& campaign = input.campaign;
  if (!campaign.campaign.route.present) return;  // missing or unknown: a schema finding
  const Route route = campaign.campaign.route.value;
  const SenderType expected = SenderTypeForRoute(route);
  const std::string country =
      campaign.campaign.country.present && !campaign.campaign.country->empty()
          ? campaign.campaign.country.value
          : "US";
  PhoneNumberClassifier classifier(country, PhoneNumberClassifier::Volume::kFew);
  for (const Sender& sender : campaign.senders) {
    if (!sender.number.present) continue;
    const SenderType type = ClassifySender(sender.number.value, classifier);
    // An invalid number is data/invalid-number's finding.
    if (type == SenderType::kInvalid || type == expected) continue;
    Diagnostic d;
    d.rule = Info()->id;
    d.level = Level::kError;
    d.message = absl::StrCat(
        "sender ", sender.number.value, " is a ", std::string(SenderTypeName(type)), ", but route ",
        std::string(RouteName(route)), " sends from ", std::string(RouteSenders(route)));
    const Position pos = sender.number.pos;
    d.span = Span{campaign.path, pos.line, pos.column, pos.line, pos.column};
    d.suggestion = absl::StrCat(
        "set campaign.route: ", std::string(RouteName(RouteForSenderType(type))),
        type == SenderType::kLongCode ? " (or p2p)" : "", ", or send from a ",
        std::string(SenderTypeName(expected)), " provisioned for ", std::string(RouteName(route)));
    out.push_back(std::move(d));
  }
}

}  // namespace smslint
