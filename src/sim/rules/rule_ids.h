// Every traffic/* rule id, in one table (the ids are stable forever). Code names a
// rule through these constants, never through a string literal of its own.
#ifndef SMSLINT_SIM_RULES_RULE_IDS_H_
#define SMSLINT_SIM_RULES_RULE_IDS_H_

#include <string_view>

namespace smslint::rule_ids {

inline constexpr char kThroughput[] = "traffic/throughput";
inline constexpr char kDailyVolume[] = "traffic/daily-volume";
inline constexpr char kUniqueRecipients[] = "traffic/unique-recipients";
inline constexpr char kFanOut[] = "traffic/fan-out";
inline constexpr char kRepetition[] = "traffic/repetition";
inline constexpr char kBalance[] = "traffic/balance";
inline constexpr char kSnowshoeing[] = "traffic/snowshoeing";
inline constexpr char kCarrierCap[] = "traffic/carrier-cap";
inline constexpr char kQuietHours[] = "traffic/quiet-hours";
inline constexpr char kStaleDelivery[] = "traffic/stale-delivery";
inline constexpr char kPredictedFiltering[] = "traffic/predicted-filtering";
inline constexpr char kQueueExpiry[] = "traffic/queue-expiry";
inline constexpr char kOptOutRate[] = "traffic/opt-out-rate";
inline constexpr char kFrequencyCap[] = "traffic/frequency-cap";

// In this order a message's first violation is named when several rules are first
// crossed by the same message (after the profile's limits, which go in file order).
inline constexpr std::string_view kTrafficRules[] = {
    kQueueExpiry,        kCarrierCap,  kThroughput, kDailyVolume, kUniqueRecipients, kFanOut,
    kRepetition,         kBalance,     kOptOutRate, kSnowshoeing, kQuietHours,       kStaleDelivery,
    kPredictedFiltering, kFrequencyCap};

// The rules a profile's `limits:` entries may feed (the LimitRules family).
inline constexpr std::string_view kLimitRules[] = {kThroughput, kDailyVolume, kUniqueRecipients,
                                                   kFanOut, kRepetition};

// Position of `id` in kTrafficRules; the table's size when it is not a traffic rule.
constexpr int TrafficRuleRank(std::string_view id) {
  int rank = 0;
  for (std::string_view known : kTrafficRules) {
    if (known == id) return rank;
    ++rank;
  }
  return rank;
}

constexpr bool IsLimitRule(std::string_view id) {
  for (std::string_view known : kLimitRules) {
    if (known == id) return true;
  }
  return false;
}

}  // namespace smslint::rule_ids

#endif  // SMSLINT_SIM_RULES_RULE_IDS_H_
