// Sender numbers by type: what a route can send from. A short code is 5 or 6 digits
// without "+" (US and Canadian common short codes); everything else is E.164, and
// libphonenumber tells a toll-free number from a 10-digit long code.
#ifndef SMSLINT_CAMPAIGN_SENDER_NUMBERS_H_
#define SMSLINT_CAMPAIGN_SENDER_NUMBERS_H_

#include <string_view>

#include "campaign/campaign.h"
#include "campaign/phone_numbers.h"

namespace smslint {

enum class SenderType {
  kShortCode,  // "24273"
  kTollFree,   // "+18885550100"
  kLongCode,   // "+14155550100": a 10-digit (or other geographic/mobile) number
  kInvalid,    // neither a short code nor a number the library accepts
};

// True for 5 or 6 digits, the first not 0: a short code as written in `senders`.
bool IsShortCodeSyntax(std::string_view number);

// The type of a sender as the loader accepted it (a short code or E.164);
// `classifier` reads E.164 numbers.
SenderType ClassifySender(std::string_view number, const PhoneNumberClassifier& classifier);

std::string_view SenderTypeName(SenderType type);  // "short code", "toll-free number", ...

// The sender type a route sends from: p2p and 10dlc from long codes, toll_free from
// toll-free numbers, short_code from short codes.
SenderType SenderTypeForRoute(Route route);

// The route a sender of `type` belongs on ("short_code", "toll_free", "10dlc").
Route RouteForSenderType(SenderType type);

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_SENDER_NUMBERS_H_
