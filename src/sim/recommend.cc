#include "sim/recommend.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "campaign/time_zones.h"
#include "sim/local_time.h"
#include "sim/plan_inputs.h"
#include "sim/rules/finding_text.h"
#include "sim/rules/rule_ids.h"
#include "util/strings.h"
#include "util/time_text.h"

namespace smslint {
namespace {

// Seconds per day the schedule may send (the window's length; all day without one).
double WindowSecondsPerDay(const Campaign& campaign) {
  if (!campaign.schedule.window.present) return 86400;
  const DailyWindow& w = campaign.schedule.window.value;
  return std::max(60, (w.end_minute - w.begin_minute) * 60);
}

// When the last of `messages` lands at `per_day` a day and `rate` per second in
// total, counting whole sending windows in the schedule's zone.
absl::Time LastLands(const Campaign& campaign, absl::Time start, int64_t messages, double per_day,
                     double total_rate, int64_t days) {
  const absl::TimeZone zone = ScheduleTimeZone(campaign);
  const DailyWindow window =
      campaign.schedule.window.present ? campaign.schedule.window.value : DailyWindow{};
  const uint8_t mask =
      campaign.schedule.days.present ? WeekdayMask(campaign.schedule.days.value) : 0x7f;
  int64_t t = ToMicros(start);
  OpenInterval open = NextOpenInterval(zone, t, window, mask);
  for (int64_t d = 1; d < days; ++d) open = NextOpenInterval(zone, open.close_us, window, mask);
  const double remaining = static_cast<double>(messages) - per_day * static_cast<double>(days - 1);
  const int64_t begin = std::max(open.open_us, days == 1 ? t : open.open_us);
  // Saturated at the plan horizon: a rate near 0 must not overflow the cast.
  const double after_us =
      std::clamp(remaining / total_rate * 1e6, 0.0, static_cast<double>(kLatestPlanTimeUs));
  return FromMicros(std::min(begin, kLatestPlanTimeUs) +
                    (std::isnan(after_us) ? 0 : static_cast<int64_t>(after_us)));
}

// The lowest trust score that gets every tiered limit's top tier (0: no tiers).
int BestTierTrustScore(const Profile& profile) {
  int score = 0;
  auto consider = [&](const TieredFigure& figure) {
    const TrustTier* top = nullptr;
    for (const TrustTier& tier : figure.tiers) {
      if (top == nullptr || tier.value > top->value) top = &tier;
    }
    if (top != nullptr) score = std::max(score, top->min_score);
  };
  for (const Limit& limit : profile.limits) consider(limit);
  for (const DailyCap& daily : profile.caps) consider(daily);
  return score;
}

}  // namespace

SendCapacity CapacityUnder(const Campaign& campaign, const Profile& profile, int numbers,
                           double wanted_rate) {
  SendCapacity cap;
  cap.numbers = std::max(1, numbers);
  double rate = ProfileMaxRate(profile);
  if (wanted_rate > 0) rate = std::min(rate, wanted_rate);
  double sender_day = 0;
  double campaign_day = 0;
  const bool trust_known = TrustScoreKnown(campaign);
  for (const Limit& limit : profile.limits) {
    if (limit.level != Level::kError) continue;
    const double value = limit.ValueFor(campaign.campaign.trust_score.value, trust_known);
    const double share = limit.carrier.empty() ? 1.0 : profile.CarrierShareOf(limit.carrier);
    const double seconds = static_cast<double>(WindowMicros(limit.window)) / 1e6;
    if (limit.scope == Scope::kCampaign) {
      // A carrier's cap on its share bounds the whole campaign.
      const double total = value / std::max(share, 1e-9);
      if (limit.window == Window::kDay) {
        campaign_day = campaign_day == 0 ? total : std::min(campaign_day, total);
      } else {
        rate = std::min(rate, total / seconds / cap.numbers);
      }
    } else if (limit.window == Window::kDay && limit.counter != Counter::kIdentical) {
      sender_day = sender_day == 0 ? value : std::min(sender_day, value);
    }
  }
  // Daily carrier caps count segments on their carrier's share.
  const std::vector<int> segments = TemplateSegments(campaign);
  double mean_segments = 0;
  for (int n : segments) mean_segments += n;
  mean_segments = segments.empty() ? 1 : mean_segments / static_cast<double>(segments.size());
  for (const DailyCap& daily : profile.caps) {
    const double value = daily.For(campaign);
    const double share = profile.CarrierShareOf(daily.carrier);
    if (value <= 0 || share <= 0) continue;
    const double total = value / share / mean_segments;
    campaign_day = campaign_day == 0 ? total : std::min(campaign_day, total);
  }
  cap.rate_per_second = rate;
  double per_day = rate * WindowSecondsPerDay(campaign) * cap.numbers;
  if (sender_day > 0) per_day = std::min(per_day, sender_day * cap.numbers);
  if (campaign_day > 0) per_day = std::min(per_day, campaign_day);
  cap.per_day = std::max(1.0, std::floor(per_day));
  return cap;
}

std::string Recommend(const SimulationInput& input, const SendPlan& plan, const SimResult& result,
                      const std::vector<RuleOutcome>& outcomes) {
  const Campaign& campaign = *input.campaign;
  const Profile& profile = *input.profile;
  const absl::TimeZone zone = ScheduleTimeZone(campaign);
  const auto when = [&](absl::Time t) { return absl::FormatTime("%Y-%m-%d %H:%M %Z", t, zone); };
  if (result.messages == 0) return "No message would be sent: there are no sendable recipients.";

  // Findings a slower schedule or more days fix; snowshoeing (as an error) also
  // means one number.
  bool over_volume = false;
  for (const RuleOutcome& o : outcomes) {
    if (o.crossed() && o.level != Level::kInfo && o.needs_capacity) over_volume = true;
  }
  const RuleOutcome* snowshoeing = FindOutcome(outcomes, rule_ids::kSnowshoeing);
  const bool snowshoe =
      snowshoeing && snowshoeing->crossed() && snowshoeing->level == Level::kError;
  const int senders = SenderCount(campaign);
  const RuleOutcome* quiet = FindOutcome(outcomes, rule_ids::kQuietHours);
  const std::string quiet_fix =
      quiet && quiet->crossed()
          ? absl::StrCat(" Set schedule.window to \"", profile.quiet_hours.recommended_window,
                         "\" so every message lands inside the recipients' allowed local hours.")
          : "";
  if (!over_volume) {
    return absl::StrCat("The schedule stays within the ", profile.name,
                        " profile's rates: ", Plural(result.messages, "message"), " from ",
                        Plural(senders, "number"), " at ", FormatRate(plan.rate_per_second),
                        " per number; the last lands ", when(result.end), ".", quiet_fix);
  }

  const int numbers = snowshoe ? 1 : senders;
  const SendCapacity cap = CapacityUnder(campaign, profile, numbers, plan.rate_per_second);
  const int64_t days =
      static_cast<int64_t>(std::ceil(static_cast<double>(result.messages) / cap.per_day));
  std::string text =
      absl::StrCat("To stay within the ", profile.name, " profile, send at most ",
                   FormatRate(cap.rate_per_second), " per number from ", Plural(numbers, "number"),
                   " (up to ", Plural(static_cast<int64_t>(cap.per_day), "message"), " a day",
                   campaign.schedule.window.present ? " inside the window" : "", "): the ",
                   Plural(result.messages, "message"), result.messages == 1 ? " takes " : " take ",
                   Plural(days, "day"));
  if (days <= 3660) {
    absl::StrAppend(&text, " and the last lands about ",
                    when(LastLands(campaign, plan.start, result.messages, cap.per_day,
                                   cap.rate_per_second * numbers, days)));
  }
  absl::StrAppend(&text, ".", quiet_fix);
  if (days <= 1) return text;

  // A route that carries it in fewer days, from one number.
  std::string best;
  int64_t best_days = days;
  for (const std::string& name : AlternativeRoutes()) {
    if (profile.name == name) continue;
    absl::StatusOr<Profile> other = LoadProfile(name);
    if (!other.ok()) continue;
    Campaign variant_campaign;
    const Campaign* subject = &campaign;
    std::string label = name;
    SendCapacity alt = CapacityUnder(*subject, *other, 1, 0);
    const int best_tier = BestTierTrustScore(*other);
    if (best_tier > 0 && std::ceil(result.messages / alt.per_day) > 1 &&
        campaign.campaign.trust_score.value < best_tier) {
      // What a well-vetted brand would get.
      variant_campaign.campaign.trust_score.value = best_tier;
      variant_campaign.campaign.trust_score.present = true;
      variant_campaign.schedule.window = campaign.schedule.window;
      subject = &variant_campaign;
      alt = CapacityUnder(*subject, *other, 1, 0);
      label = absl::StrCat(name, " with a brand trust score of ", best_tier, " or more");
    }
    const int64_t alt_days =
        static_cast<int64_t>(std::ceil(static_cast<double>(result.messages) / alt.per_day));
    if (alt_days < best_days) {
      best_days = alt_days;
      best = absl::StrCat(label, " (", FormatRate(alt.rate_per_second), ", up to ",
                          WithCommas(static_cast<int64_t>(alt.per_day)), " a day)");
    }
  }
  if (!best.empty()) {
    absl::StrAppend(&text, " The ", best, " route would carry it from one number in ",
                    Plural(best_days, "day"), ".");
  }
  return text;
}

}  // namespace smslint
