#include "campaign/campaign.h"

#include <algorithm>
#include <array>
#include <utility>

namespace smslint {
namespace {

constexpr std::array<std::pair<UseCase, std::string_view>, 26> kUseCases = {{
    {UseCase::kMarketing, "marketing"},
    {UseCase::kAccountNotification, "account_notification"},
    {UseCase::kCustomerCare, "customer_care"},
    {UseCase::kDeliveryNotification, "delivery_notification"},
    {UseCase::kTwoFactor, "two_factor"},
    {UseCase::kFraudAlert, "fraud_alert"},
    {UseCase::kPolling, "polling"},
    {UseCase::kPublicService, "public_service"},
    {UseCase::kCharity, "charity"},
    {UseCase::kPolitical, "political"},
    {UseCase::kMixed, "mixed"},
    {UseCase::kSecurityAlert, "security_alert"},
    {UseCase::kHigherEducation, "higher_education"},
    {UseCase::kK12Education, "k12_education"},
    {UseCase::kLowVolume, "low_volume"},
    {UseCase::kMachineToMachine, "machine_to_machine"},
    {UseCase::kSweepstake, "sweepstake"},
    {UseCase::kEmergency, "emergency"},
    {UseCase::kAgentsFranchises, "agents_franchises"},
    {UseCase::kCarrierExempt, "carrier_exempt"},
    {UseCase::kProxy, "proxy"},
    {UseCase::kSocial, "social"},
    {UseCase::kSoleProprietor, "sole_proprietor"},
    {UseCase::kPlatformFreeTrial, "platform_free_trial"},
    {UseCase::kUcaasLow, "ucaas_low"},
    {UseCase::kUcaasHigh, "ucaas_high"},
}};

constexpr std::array<std::pair<BrandType, std::string_view>, 3> kBrandTypes = {{
    {BrandType::kStandard, "standard"},
    {BrandType::kLowVolume, "low_volume"},
    {BrandType::kSoleProprietor, "sole_proprietor"},
}};

constexpr std::array<std::pair<Route, std::string_view>, 4> kRoutes = {{
    {Route::kP2P, "p2p"},
    {Route::k10DLC, "10dlc"},
    {Route::kTollFree, "toll_free"},
    {Route::kShortCode, "short_code"},
}};

constexpr std::array<std::pair<SenderStrategy, std::string_view>, 2> kStrategies = {{
    {SenderStrategy::kRoundRobin, "round_robin"},
    {SenderStrategy::kSticky, "sticky"},
}};

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "";
}

template <typename E, size_t N>
std::optional<E> Parse(const std::array<std::pair<E, std::string_view>, N>& table,
                       std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

template <typename E, size_t N>
std::vector<std::string_view> NamesOf(const std::array<std::pair<E, std::string_view>, N>& table) {
  std::vector<std::string_view> names;
  for (const auto& [e, name] : table) names.push_back(name);
  return names;
}

}  // namespace

std::vector<std::string_view> UseCaseNames() { return NamesOf(kUseCases); }
std::vector<std::string_view> RouteNames() { return NamesOf(kRoutes); }
std::vector<std::string_view> SenderStrategyNames() { return NamesOf(kStrategies); }

std::string_view UseCaseName(UseCase use_case) { return NameOf(kUseCases, use_case); }
std::optional<UseCase> ParseUseCase(std::string_view name) { return Parse(kUseCases, name); }
std::string_view RouteName(Route route) { return NameOf(kRoutes, route); }
std::optional<Route> ParseRoute(std::string_view name) { return Parse(kRoutes, name); }
std::string_view SenderStrategyName(SenderStrategy strategy) {
  return NameOf(kStrategies, strategy);
}
std::optional<SenderStrategy> ParseSenderStrategy(std::string_view name) {
  return Parse(kStrategies, name);
}
std::vector<std::string_view> BrandTypeNames() { return NamesOf(kBrandTypes); }
std::string_view BrandTypeName(BrandType type) { return NameOf(kBrandTypes, type); }
std::optional<BrandType> ParseBrandType(std::string_view name) { return Parse(kBrandTypes, name); }

int TokenWidth(std::string_view line, int column) {
  size_t begin = 0;
  for (int col = 1; col < column && begin < line.size(); ++begin) {
    if ((static_cast<unsigned char>(line[begin]) & 0xC0) != 0x80) ++col;
  }
  if (begin >= line.size()) return 1;
  size_t end;
  char first = line[begin];
  if (first == '"' || first == '\'') {
    end = line.find(first, begin + 1);
    end = end == std::string_view::npos ? line.size() : end + 1;
  } else if (first == '[' || first == '{' || first == '|' || first == '>') {
    end = begin + 1;
  } else {
    end = line.size();
    for (std::string_view sep : {": ", ",", "]", "}", " #"}) {
      size_t at = line.find(sep, begin);
      if (at != std::string_view::npos) end = std::min(end, at);
    }
    if (line.back() == ':' && end == line.size()) end = line.size() - 1;
    while (end > begin + 1 && line[end - 1] == ' ') --end;
  }
  int width = 0;
  for (size_t i = begin; i < end; ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++width;
  }
  return std::max(1, width);
}

}  // namespace smslint
