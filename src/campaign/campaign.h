// Campaign: the typed model of a campaign file. Nothing past the loader sees YAML nodes.
#ifndef SMSLINT_CAMPAIGN_CAMPAIGN_H_
#define SMSLINT_CAMPAIGN_CAMPAIGN_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "diag/diagnostic.h"
#include "text/line_index.h"
#include "util/time_text.h"

namespace smslint {

// A value with the position it was written at. `present` is false when the key was
// absent or its value was invalid (a finding says which); `value` then holds the default.
template <typename T>
struct Located {
  T value{};
  Position pos;
  bool present = false;

  const T& operator*() const { return value; }
  const T* operator->() const { return &value; }
};

enum class UseCase {
  kMarketing,
  kAccountNotification,
  kCustomerCare,
  kDeliveryNotification,
  kTwoFactor,
  kFraudAlert,
  kPolling,
  kPublicService,
  kCharity,
  kPolitical,
  kMixed,
  // The rest of The Campaign Registry's standard and special use cases.
  kSecurityAlert,
  kHigherEducation,
  kK12Education,
  kLowVolume,
  kMachineToMachine,
  kSweepstake,
  kEmergency,
  kAgentsFranchises,
  kCarrierExempt,
  kProxy,
  kSocial,
  kSoleProprietor,
  kPlatformFreeTrial,
  kUcaasLow,
  kUcaasHigh,
};

// The brand's registration type: caps differ for sole proprietors and low-volume brands.
enum class BrandType { kStandard, kLowVolume, kSoleProprietor };

enum class Route { kP2P, k10DLC, kTollFree, kShortCode };

enum class SenderStrategy { kRoundRobin, kSticky };

std::string_view UseCaseName(UseCase use_case);  // "marketing", ...
std::optional<UseCase> ParseUseCase(std::string_view name);
std::string_view RouteName(Route route);  // "p2p", "10dlc", "toll_free", "short_code"
std::optional<Route> ParseRoute(std::string_view name);
// Every name, in declaration order: the one list for loaders, flags and help.
std::vector<std::string_view> UseCaseNames();
std::vector<std::string_view> RouteNames();
std::vector<std::string_view> SenderStrategyNames();
std::string_view SenderStrategyName(SenderStrategy strategy);
std::vector<std::string_view> BrandTypeNames();
std::string_view BrandTypeName(BrandType type);  // "standard", "low_volume", "sole_proprietor"
std::optional<BrandType> ParseBrandType(std::string_view name);
std::optional<SenderStrategy> ParseSenderStrategy(std::string_view name);

// A scalar string as written: `pos` is the first character of the token (a quote for
// quoted scalars); `style` and `raw_line` let a finding inside the text point at the
// exact column of the source file.
struct TextValue {
  std::string text;  // decoded value
  enum class Style {
    kPlain,
    kSingleQuoted,
    kDoubleQuoted,
    kLiteral,
    kFolded
  } style = Style::kPlain;
};

struct OptIn {
  Located<std::string> method;
  Located<TextValue> confirmation;
  Position pos;
};

struct CampaignInfo {
  Located<std::string> name;
  Located<std::string> brand;
  std::vector<Located<std::string>> brand_aliases;  // other names that count as the brand
  Located<UseCase> use_case;
  Located<std::string> country;  // ISO 3166-1 alpha-2, upper case
  Located<Route> route;
  Located<int> trust_score;
  Located<BrandType> brand_type;  // absent: standard
  Located<std::string> domain;
  OptIn opt_in;
  Position pos;
};

struct Template {
  Located<std::string> id;
  Located<TextValue> body;
  Located<double> weight;  // default 1
  Located<absl::Duration> expires;
  Position pos;
};

struct Sender {
  Located<std::string> number;  // as written; E.164 checked by the loader
};

struct Recipients {
  Located<std::string> file;               // as written (relative to the campaign file)
  std::vector<Located<std::string>> list;  // inline numbers, as written
  Position list_pos;                       // the `list:` value when written (even `[]`)
  Position pos;
};

struct Rate {
  double per_second = 0;  // messages per second per sender
  std::string text;       // as written: "30/min"
};

// A daily window in recipient-local time, minutes after midnight; end > begin
// (a window that crosses midnight is rejected by the loader).
using DailyWindow = MinuteWindow;

struct Schedule {
  Located<absl::CivilMinute> start;
  Located<std::string> timezone;  // IANA name, validated against the tz database
  Located<Rate> rate;
  Located<DailyWindow> window;
  Located<std::vector<absl::Weekday>> days;  // empty when absent: every day
  Position pos;
};

struct Traffic {
  Located<double> reply_rate;
  Located<double> opt_out_rate;             // expected STOP replies per message, 0 to 1
  Located<absl::Duration> validity_period;  // absent: the profile's provider maximum
  Located<SenderStrategy> sender_strategy;
  Position pos;
};

struct Campaign {
  std::string path;    // as the user gave it ("-" for stdin)
  std::string dir;     // directory that relative paths resolve against
  std::string source;  // the whole file, for carets and suppression comments
  LineIndex lines;     // of `source`
  // Sets `source` and its line index together: an index of another text would give
  // wrong positions silently.
  void SetSource(std::string text) {
    source = std::move(text);
    lines = LineIndex(source);
  }
  Located<int> version;
  CampaignInfo campaign;
  std::vector<Sender> senders;
  Position senders_pos;
  std::vector<Template> templates;
  Position templates_pos;
  Recipients recipients;
  Located<std::string> suppression_file;
  Position suppression_pos;
  Schedule schedule;
  Traffic traffic;
};

// Width in columns (at least 1) of the YAML token written at `column` of `line`: a
// quoted scalar up to its closing quote, else up to a separator (": ", ",", "]", "}",
// " #") or the end of the line.
int TokenWidth(std::string_view line, int column);

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_CAMPAIGN_H_
