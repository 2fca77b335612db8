// Route profiles: the thresholds carriers watch, as data (rules/profiles/*.yml).
// Every number here comes from a profile file with its unit and source; the code
// holds no threshold of its own.
#ifndef SMSLINT_SIM_PROFILE_H_
#define SMSLINT_SIM_PROFILE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "campaign/campaign.h"
#include "diag/diagnostic.h"

namespace smslint {

// The sliding windows the simulator keeps per sender.
enum class Window { kSecond = 0, kMinute = 1, kHour = 2, kDay = 3 };
inline constexpr int kWindowCount = 4;
inline constexpr int64_t kWindowMicros[kWindowCount] = {1'000'000, 60'000'000, 3'600'000'000,
                                                        86'400'000'000};
inline int64_t WindowMicros(Window window) { return kWindowMicros[static_cast<int>(window)]; }
std::string_view WindowName(Window window);  // "1s", "1min", "1h", "1d"

// What a limit counts inside its window.
enum class Counter {
  kSends,       // messages sent
  kRecipients,  // distinct recipients (each recipient gets one message: equals sends)
  kIdentical,   // messages with one substantially identical body
};

// Whose messages a limit counts: one sender number, or the whole campaign (brand).
enum class Scope { kSender, kCampaign };

struct TrustTier {
  int min_score = 0;
  int max_score = 0;
  double value = 0;
};

// A figure that depends on the brand: `value` unless a trust-score tier applies; a
// brand type's or use case's own figure (sole proprietor, low-volume mixed) wins
// over both.
struct TieredFigure {
  double value = 0;              // when no tier applies
  std::vector<TrustTier> tiers;  // by campaign.trust_score
  std::vector<std::pair<BrandType, double>> brand_types;
  std::vector<std::pair<UseCase, double>> use_cases;

  // The figure for a campaign with `trust_score` (0 or absent: `value`).
  double ValueFor(int trust_score, bool trust_score_known) const;
  // The figure for `campaign`: its use case, then its brand type, then its tier.
  double For(const Campaign& campaign) const;
  // Why For(campaign) has its value ("trust score 80", "brand type sole_proprietor").
  std::string Basis(const Campaign& campaign) const;
};

struct Limit : TieredFigure {
  std::string id;    // "per-second", unique within the profile
  std::string rule;  // "traffic/throughput"
  Level level = Level::kError;
  Counter counter = Counter::kSends;
  Scope scope = Scope::kSender;
  Window window = Window::kSecond;
  std::string carrier;  // counts only this carrier's share of recipients
  std::string unit;
  std::string source;
  double filter_weight = 0;  // filter model: score per message per unit of relative excess
};

// Stage 1, the provider queue: a rate at which messages leave it, in SMS segments
// per second, per sender number or per campaign, for all recipients or one carrier's.
struct ReleaseRate : TieredFigure {
  std::string id;
  Scope scope = Scope::kSender;
  std::string carrier;  // "" for every carrier
  std::string unit;
  std::string source;
};

struct QueueModel {
  // The provider's maximum wait (traffic.validity_period lowers it); 0: no queue
  // section, messages never expire.
  double validity_seconds = 0;
  double late_after_seconds = 0;  // a wait at least this long makes a message late
  std::vector<ReleaseRate> release;
  std::string source;
};

// Stage 2, a carrier gate: a daily cap in SMS segments on one carrier's share,
// counted per calendar day of `reset_zone`; messages over it fail.
struct DailyCap : TieredFigure {
  std::string id;
  std::string rule;  // traffic/carrier-cap
  std::string carrier;
  std::string reset_zone;  // "America/Los_Angeles"
  std::string unit;
  std::string source;
};

// How spreading one campaign over several numbers is judged on this route.
struct SnowshoeModel {
  Level level = Level::kWarning;
  // P2P: per message from a number that shares content with another number, added to
  // the filter score shared by those numbers (they are blocked together).
  double filter_weight = 0;
  // Registered routes: the rate one number carries (segments/s); more numbers than
  // the campaign's rate needs is a warning. 0: not judged.
  double number_rate = 0;
  std::string source;
};

// The opt-out (STOP) rate carriers flag, per sender per day.
struct OptOutModel {
  double flag_rate = 0;  // STOP replies per message
  int min_messages = 0;  // daily sends before it is judged
  // Filter model: score per message, per unit of the expected rate over the flag rate
  // (an expected rate twice the flag rate adds filter_weight per message).
  double filter_weight = 0;
  std::string source;
};

struct CarrierShare {
  std::string name;
  double share = 0;  // fraction of recipients
  std::string source;
};

struct BalanceModel {
  double tolerance = 0;  // outgoing:incoming ratio allowed
  int min_messages = 0;  // daily sends before the ratio is judged
  std::string source;
};

// A parameterised model of carrier filtering (not carrier truth).
struct FilterModel {
  double half_life_seconds = 3600;
  double block_threshold = 0;
  double release_threshold = 0;  // cooling off: filtered until the score decays below this
  double copies_weight = 0;      // per message, per other number sending a similar body
  // Bodies whose word-shingle similarity reaches this count as one body (0-1).
  double similarity = 1;
  std::vector<std::pair<std::string, double>> content_weights;  // rule id -> per message
  std::string source;

  double ContentWeight(std::string_view rule) const;
};

struct ProfileNote {
  std::string text;
  std::string source;
};

// Allowed local hours, minutes after midnight, per weekday (0 = Monday).
struct LocalWindow {
  int begin = 0;
  int end = 24 * 60;  // begin == end == 0: closed that day
};

// One jurisdiction's quiet-hours law: the federal rule, a US state's, or a
// country's (Canada's provinces follow Canada's rules, not 47 CFR).
struct QuietHoursWindow {
  std::string state;                // "" for the federal window; "CA" for a country entry
  std::vector<std::string> covers;  // a country entry: the province codes it applies to
  std::array<LocalWindow, 7> days;
  bool closed_on_holidays = false;  // US federal holidays (sim/holidays.h)
  std::string text;                 // "08:00-20:00 (sun closed; holidays closed)"
  std::string source;
  int per_24h = 0;  // messages per recipient per rolling 24 h; 0: no cap
  std::string per_24h_source;
  std::string note;  // where sources disagree, or what is not modelled
};

struct QuietHours {
  QuietHoursWindow federal;
  std::vector<QuietHoursWindow> states;
  std::vector<QuietHoursWindow> countries;  // outside the US: replace the federal window
  // Scope by use case (DESIGN.md "Quiet hours"): telephone solicitations are held
  // to the law (an error); exempt use cases not at all; every other use case gets
  // a warning.
  std::vector<UseCase> solicitation_use_cases;
  std::string solicitation_source;
  std::vector<UseCase> exempt_use_cases;  // not held to quiet hours at all
  std::string exempt_source;
  std::string other_source;  // why the other use cases get a warning
  // The daily window findings and the recommendation suggest ("09:00-20:00").
  std::string recommended_window;
  LocalWindow recommended;
  std::string recommended_source;

  bool Exempts(UseCase use_case) const;
  // The finding's level for a campaign's use case; nullopt: exempt. A campaign
  // without a use case is judged as a solicitation.
  std::optional<Level> LevelFor(const std::optional<UseCase>& use_case) const;
  // The rule for a state or province code ("" or unknown: federal).
  const QuietHoursWindow& For(std::string_view state) const;
};

struct Profile {
  std::string name;
  std::string summary;
  std::string path;  // rules/profiles/<name>.yml
  std::vector<Limit> limits;
  QueueModel queue;
  std::vector<DailyCap> caps;
  SnowshoeModel snowshoeing;
  std::optional<OptOutModel> opt_out;
  std::optional<BalanceModel> balance;
  std::vector<CarrierShare> carriers;
  FilterModel filter;
  std::vector<ProfileNote> notes;
  QuietHours quiet_hours;
  // The recommendation offers this route to campaigns that outgrow theirs, in this
  // order (1 first); 0: never offered.
  int alternative = 0;

  double CarrierShareOf(std::string_view carrier) const;  // 1 when not listed
};

// Loads rules/profiles/<name>.yml and rules/profiles/quiet_hours.yml. Errors say
// "path:line:col: error: ...".
absl::StatusOr<Profile> LoadProfile(std::string_view name);
// Parses a profile from text (tests, extra packs).
absl::StatusOr<Profile> ParseProfile(std::string_view path, std::string_view text);
absl::StatusOr<QuietHours> ParseQuietHours(std::string_view path, std::string_view text);

// Every embedded profile name, sorted.
std::vector<std::string> ProfileNames();

// The profiles the recommendation offers as a bigger route, in their `alternative`
// order ("10dlc", "toll_free", "short_code").
std::vector<std::string> AlternativeRoutes();

// rules/profiles/quiet_hours.yml, parsed (LoadProfile includes it in every profile).
absl::StatusOr<QuietHours> LoadQuietHours();

// The profile a campaign runs against: `override_name` when given (an unknown name
// is an error with a suggestion), else campaign.route; Canadian long codes (p2p or
// 10dlc with country CA) use ca_long_code. A campaign without a route is simulated
// as p2p, the strictest profile.
absl::StatusOr<std::string> ResolveProfileName(const Campaign& campaign,
                                               const std::string& override_name);

}  // namespace smslint

#endif  // SMSLINT_SIM_PROFILE_H_
