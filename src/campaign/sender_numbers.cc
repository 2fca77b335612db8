#include "campaign/sender_numbers.h"

#include <algorithm>

namespace smslint {

bool IsShortCodeSyntax(std::string_view number) {
  if (number.size() < 5 || number.size() > 6 || number[0] == '0') return false;
  return std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
}

SenderType ClassifySender(std::string_view number, const PhoneNumberClassifier& classifier) {
  if (IsShortCodeSyntax(number)) return SenderType::kShortCode;
  const NumberInfo info = classifier.ClassifyWithLibrary(number);
  if (!info.valid) return SenderType::kInvalid;
  return info.type == PhoneNumberType::TOLL_FREE ? SenderType::kTollFree : SenderType::kLongCode;
}

std::string_view SenderTypeName(SenderType type) {
  switch (type) {
    case SenderType::kShortCode:
      return "short code";
    case SenderType::kTollFree:
      return "toll-free number";
    case SenderType::kLongCode:
      return "long code";
    case SenderType::kInvalid:
      return "invalid number";
  }
  return "";
}

SenderType SenderTypeForRoute(Route route) {
  switch (route) {
    case Route::kP2P:
    case Route::k10DLC:
      return SenderType::kLongCode;
    case Route::kTollFree:
      return SenderType::kTollFree;
    case Route::kShortCode:
      return SenderType::kShortCode;
  }
  return SenderType::kLongCode;
}

Route RouteForSenderType(SenderType type) {
  switch (type) {
    case SenderType::kShortCode:
      return Route::kShortCode;
    case SenderType::kTollFree:
      return Route::kTollFree;
    case SenderType::kLongCode:
    case SenderType::kInvalid:
      return Route::k10DLC;
  }
  return Route::k10DLC;
}

}  // namespace smslint
