#include "sim/rules/limit_rules.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "sim/plan_inputs.h"
#include "sim/rules/finding_text.h"
#include "sim/rules/rule_ids.h"
#include "util/strings.h"

namespace smslint {
namespace {

// Rules a lower rate or more days fix need capacity; fan-out reads identical
// counts as recipients of one body.
constexpr LimitRuleTraits kTraits[] = {
    {.rule = rule_ids::kDailyVolume, .needs_capacity = true},
    {.rule = rule_ids::kFanOut, .body_fan_out = true},
    {.rule = rule_ids::kRepetition},
    {.rule = rule_ids::kThroughput, .needs_capacity = true},
    {.rule = rule_ids::kUniqueRecipients},
};

std::string CounterPhrase(const Limit& limit, const LimitRuleTraits& traits, double peak) {
  const std::string n = FormatNumber(peak);
  if (limit.scope == Scope::kCampaign) {
    return limit.carrier.empty() ? absl::StrCat("the campaign sends ", n, " ",
                                                PluralWord(peak, "message", "messages"), " ",
                                                WindowPhrase(limit.window))
                                 : absl::StrCat("the campaign sends about ", n, " ",
                                                PluralWord(peak, "message", "messages"), " to ",
                                                limit.carrier, " ", WindowPhrase(limit.window));
  }
  switch (limit.counter) {
    case Counter::kSends:
      return absl::StrCat("sends ", n, " ", PluralWord(peak, "message", "messages"), " ",
                          WindowPhrase(limit.window));
    case Counter::kRecipients:
      return absl::StrCat("reaches ", n, " distinct ", PluralWord(peak, "recipient", "recipients"),
                          " ", WindowPhrase(limit.window));
    case Counter::kIdentical:
      return traits.body_fan_out ? absl::StrCat("sends one identical body to ", n, " ",
                                                PluralWord(peak, "recipient", "recipients"), " ",
                                                WindowPhrase(limit.window))
                                 : absl::StrCat("sends ", n, " substantially identical ",
                                                PluralWord(peak, "message", "messages"), " ",
                                                WindowPhrase(limit.window));
  }
  return "";
}

}  // namespace

const LimitRuleTraits* FindLimitRuleTraits(std::string_view rule) {
  for (const LimitRuleTraits& t : kTraits) {
    if (rule == t.rule) return &t;
  }
  return nullptr;
}

std::vector<RuleInfo> LimitRules::Infos() const {
  std::vector<RuleInfo> infos;
  infos.push_back(TrafficRuleInfo(
      rule_ids::kThroughput, Level::kWarning,
      "Messages are submitted faster than the provider releases them, or a number sends faster "
      "than the profile's typical rate",
      "The provider releases each sender's (or campaign's) messages at the route's rate, metered "
      "in SMS segments: about 1 segment/s per P2P number, 10DLC by trust tier and carrier, 3/s "
      "per toll-free number, 100/s per short code. Submitting faster is not filtered: the queue "
      "grows and messages arrive late (warning), or fail once they wait past the validity period "
      "(traffic/queue-expiry). On P2P, a number sending faster than a person types (CTIA's "
      "typical 15 msg/min) is a warning too; the simulator counts what each number sends in "
      "sliding windows.",
      "Lower schedule.rate to what the route releases, shorten bodies to fewer segments, or move "
      "to a route with more throughput.",
      "Twilio error 30001 (queue and release rates); CTIA Messaging Principles and Best "
      "Practices (2019), typical P2P operation; route profiles",
      {"route: p2p, rate: 2/s"}, {"route: p2p, rate: 10/min"}));
  infos.push_back(TrafficRuleInfo(
      rule_ids::kDailyVolume, Level::kError, "A sender exceeds the profile's messages per day",
      "A number that sends more in a day than its profile allows (1,000 on a consumer number) "
      "stands out to carrier filters; the day is a sliding 24-hour window.",
      "Spread the recipients over more days (schedule.window, schedule.days) or use a registered "
      "A2P route.",
      "CTIA Messaging Principles and Best Practices (2019), typical P2P operation",
      {"route: p2p, 1,500 recipients in one day"}, {"route: p2p, 900 recipients"}));
  infos.push_back(TrafficRuleInfo(
      rule_ids::kUniqueRecipients, Level::kWarning,
      "A sender reaches more distinct recipients per day than the profile allows",
      "People text a limited circle; a number that reaches thousands of distinct people a day "
      "is a broadcaster. Each recipient gets one message, so distinct recipients per day equal "
      "the messages sent to distinct numbers in a sliding day.",
      "Use a registered A2P route for broadcasts, or spread the campaign over more days.",
      "CTIA Messaging Principles and Best Practices (2019), typical P2P operation",
      {"route: p2p, 3,500 recipients in one day"}, {"route: p2p, 2,000 recipients"}));
  infos.push_back(TrafficRuleInfo(
      rule_ids::kFanOut, Level::kWarning,
      "One identical body goes to more distinct recipients than the profile allows",
      "The same text to many people is the signature of bulk messaging. Bodies count as identical "
      "after masking placeholder values and digits, so a personalised template is still one "
      "body.",
      "Vary the message per audience, or use a registered A2P route.",
      "CTIA Messaging Principles and Best Practices (2019), typical P2P operation",
      {"route: p2p, one template to 150 recipients a day"},
      {"route: p2p, one template to 80 recipients a day"}));
  infos.push_back(TrafficRuleInfo(
      rule_ids::kRepetition, Level::kWarning,
      "More substantially identical messages from a sender than the profile allows",
      "Repeating one message over and over from a number is what filters look for; digits and "
      "placeholder values are masked before comparing.",
      "Send fewer copies per day from a number, or use a registered A2P route.",
      "CTIA Messaging Principles and Best Practices (2019), typical P2P operation",
      {"route: p2p, 30 copies of one template in a day"},
      {"route: p2p, 20 copies of one template in a day"}));
  return infos;
}

bool LimitRules::Setup(const RuleContext& context, FilterReasons& reasons) {
  context_ = &context;
  limits_ = &context.profile->limits;
  senders_ = context.senders;
  class_count_ = context.body_class_count;
  const Profile& profile = *context.profile;
  for (const Limit& limit : profile.limits) {
    const LimitRuleTraits* traits = FindLimitRuleTraits(limit.rule);
    traits_.push_back(traits ? *traits : LimitRuleTraits{});
    value_.push_back(LimitValueFor(limit, *context.campaign));
    share_.push_back(limit.carrier.empty() ? 1.0 : profile.CarrierShareOf(limit.carrier));
    reason_.push_back(reasons.Add(
        absl::StrCat(limit.rule, " (over ", FormatNumber(limit.value), " ", limit.unit, ")")));
    if (limit.counter == Counter::kIdentical) need_identical_ = true;
    if (limit.scope == Scope::kCampaign) need_campaign_ = true;
    if (limit.scope == Scope::kSender && limit.counter != Counter::kIdentical) need_sender_ = true;
  }
  const size_t limits = profile.limits.size();
  track_sender_.resize(limits * senders_);
  track_class_.resize(limits * class_count_);
  if (need_identical_) class_windows_.resize(static_cast<size_t>(senders_) * class_count_);
  return limits > 0;
}

void LimitRules::Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) {
  for (size_t i = 0; i < sends.size(); ++i) {
    if (verdicts[i].failed != nullptr) continue;  // never reached a carrier
    const Send& send = sends[i];
    MessageVerdict& verdict = verdicts[i];
    const int s = send.sender;
    const int cls = send.body_class;
    const int64_t t = send.time_us;
    SlidingCounts::Counts identical{}, campaign{};
    if (need_identical_) identical = class_windows_[s * class_count_ + cls].Add(t);
    if (need_campaign_) campaign = campaign_window_.Add(t);
    const std::vector<Limit>& limits = *limits_;
    for (size_t l = 0; l < limits.size(); ++l) {
      const Limit& limit = limits[l];
      const SlidingCounts::Counts& counts = limit.scope == Scope::kCampaign ? campaign
                                            : limit.counter == Counter::kIdentical
                                                ? identical
                                                : send.sender_sends;
      const double value = static_cast<double>(counts[static_cast<int>(limit.window)]) * share_[l];
      const bool over = value > value_[l];
      if (limit.scope == Scope::kCampaign) {
        track_sender_[l * senders_].Observe(t, value, over);
        continue;
      }
      track_sender_[l * senders_ + s].Observe(t, value, over);
      if (limit.counter == Counter::kIdentical) {
        track_class_[l * class_count_ + cls].Observe(t, value, over);
      }
      // The filter model weighs how far over a human rate the number is.
      if (over && limit.filter_weight > 0) {
        verdict.filter_signal.push_back(
            {reason_[l], limit.filter_weight * (value - value_[l]) / value_[l]});
      }
    }
  }
}

void LimitRules::AddOutcomes(std::vector<RuleOutcome>& outcomes) const {
  if (limits_ == nullptr) return;
  const std::vector<Limit>& limits = *limits_;
  for (size_t l = 0; l < limits.size(); ++l) {
    const Limit& limit = limits[l];
    RuleOutcome o;
    o.rule = limit.rule;
    o.limit_index = static_cast<int>(l);
    o.level = limit.level;
    o.limit = value_[l];
    o.needs_capacity = traits_[l].needs_capacity;
    const int tracked = limit.scope == Scope::kCampaign ? 1 : senders_;
    if (limit.scope == Scope::kSender) o.first_over_by_sender.assign(senders_, INT64_MAX);
    for (int s = 0; s < tracked; ++s) {
      const LimitTrack& track = SenderTrack(l, s);
      o.first_over_us = std::min(o.first_over_us, track.first_over_us);
      o.peak = std::max(o.peak, track.peak);
      o.over += track.over;
      if (limit.scope == Scope::kSender) o.first_over_by_sender[s] = track.first_over_us;
    }
    outcomes.push_back(std::move(o));
  }
}

bool LimitRules::RuleHasErrorCrossing(const std::string& rule) const {
  const std::vector<Limit>& limits = *limits_;
  for (size_t l = 0; l < limits.size(); ++l) {
    if (limits[l].rule != rule || limits[l].level != Level::kError) continue;
    for (int s = 0; s < senders_; ++s) {
      if (SenderTrack(l, s).crossed()) return true;
    }
  }
  return false;
}

void LimitRules::Report(const ReportContext& context, std::vector<Diagnostic>& findings,
                        std::vector<RuleOutcome>&) const {
  if (limits_ == nullptr) return;
  const std::vector<Limit>& limits = *limits_;
  for (size_t l = 0; l < limits.size(); ++l) {
    const Limit& limit = limits[l];
    // An error hides the same rule's warning: one finding says it.
    if (limit.level != Level::kError && RuleHasErrorCrossing(limit.rule)) continue;
    if (limit.counter == Counter::kIdentical) {
      ReportIdentical(l, findings);
    } else {
      ReportCounted(l, context.result, findings);
    }
  }
}

// One finding per identical body, at its first template.
void LimitRules::ReportIdentical(size_t l, std::vector<Diagnostic>& findings) const {
  const Campaign& campaign = *context_->campaign;
  const Limit& limit = (*limits_)[l];
  const LimitRuleTraits& traits = traits_[l];
  const int templates = context_->templates;
  const std::vector<int>& classes = context_->body_classes;
  const std::string limit_text = absl::StrCat(FormatNumber(value_[l]), " ", limit.unit);
  const std::string suffix =
      absl::StrCat(" (", context_->profile->name, " limit '", limit.id, "')");
  for (int c = 0; c < class_count_; ++c) {
    const LimitTrack& track = track_class_[l * class_count_ + c];
    if (!track.crossed()) continue;
    int k = 0;
    while (k < templates && classes[k] != c) ++k;
    if (k == templates) continue;
    const Template& tmpl = campaign.templates[k];
    Diagnostic d;
    d.rule = limit.rule;
    d.level = limit.level;
    d.template_id = tmpl.id.value;
    d.span = SpanAt(campaign, FirstKnown({tmpl.body.pos, tmpl.pos}));
    d.message = absl::StrCat("template '", tmpl.id.value, "': a number ",
                             CounterPhrase(limit, traits, track.peak), " from ",
                             FormatMicros(track.first_over_us, context_->zone), "; the limit is ",
                             limit_text, " (", Plural(track.over, "message"), " over it)", suffix);
    d.suggestion = traits.body_fan_out
                       ? "vary and personalise the message, or use a registered A2P route"
                       : "send fewer copies of one body per day from a number, or use a "
                         "registered A2P route";
    for (int s = 0; s < senders_; ++s) {
      const LimitTrack& st = SenderTrack(l, s);
      if (st.crossed() && senders_ > 1) {
        d.notes.push_back(absl::StrCat(SenderLabel(campaign, s), ": peak ", FormatNumber(st.peak),
                                       ", ", WithCommas(st.over), " over"));
      }
    }
    findings.push_back(std::move(d));
  }
}

void LimitRules::ReportCounted(size_t l, const SimResult* result,
                               std::vector<Diagnostic>& findings) const {
  const Campaign& campaign = *context_->campaign;
  const absl::TimeZone& zone = context_->zone;
  const Limit& limit = (*limits_)[l];
  const LimitRuleTraits& traits = traits_[l];
  std::vector<int> offenders;
  const int tracked = limit.scope == Scope::kCampaign ? 1 : senders_;
  for (int s = 0; s < tracked; ++s) {
    if (SenderTrack(l, s).crossed()) offenders.push_back(s);
  }
  if (offenders.empty()) return;
  std::sort(offenders.begin(), offenders.end(), [&](int a, int b) {
    const LimitTrack& ta = SenderTrack(l, a);
    const LimitTrack& tb = SenderTrack(l, b);
    return ta.first_over_us != tb.first_over_us ? ta.first_over_us < tb.first_over_us : a < b;
  });
  const LimitTrack& first = SenderTrack(l, offenders[0]);
  int64_t over = 0;
  double peak = 0;
  for (int s : offenders) {
    over += SenderTrack(l, s).over;
    peak = std::max(peak, SenderTrack(l, s).peak);
  }
  const std::string limit_text = absl::StrCat(FormatNumber(value_[l]), " ", limit.unit);
  const std::string suffix =
      absl::StrCat(" (", context_->profile->name, " limit '", limit.id, "')");
  Diagnostic d;
  d.rule = limit.rule;
  d.level = limit.level;
  std::string who;
  if (limit.scope == Scope::kCampaign) {
    who = CounterPhrase(limit, traits, peak);
    const bool tiered = !limit.tiers.empty();
    d.span =
        SpanAt(campaign, tiered ? FirstKnown({campaign.campaign.trust_score.pos,
                                              campaign.campaign.route.pos, campaign.campaign.pos})
                                : FirstKnown({campaign.campaign.route.pos, campaign.campaign.pos}));
    if (tiered && !TrustScoreKnown(campaign)) {
      d.notes.push_back("no campaign.trust_score: the lowest tier applies");
    }
    d.notes.push_back(absl::StrCat(
        limit.carrier.empty() ? "" : limit.carrier + " ", "share of recipients assumed ",
        absl::StrFormat("%.0f%%", share_[l] * 100), " (numbers do not reveal their carrier)"));
    d.suggestion = tiered ? "lower schedule.rate, spread the campaign over more days, or raise "
                            "the brand's trust score (secondary vetting)"
                          : "lower schedule.rate or spread the campaign over more days";
  } else {
    who = absl::StrCat(SenderLabel(campaign, offenders[0]), " ",
                       CounterPhrase(limit, traits, first.peak));
    if (offenders.size() > 1) {
      who = absl::StrCat(offenders.size(), " numbers go over; first ", who);
    }
    const bool rate_rule = limit.window != Window::kDay;
    d.span = SpanAt(campaign,
                    rate_rule ? FirstKnown({campaign.schedule.rate.pos, campaign.schedule.pos,
                                            SenderPos(campaign, offenders[0])})
                              : SenderPos(campaign, offenders[0]),
                    rate_rule ? static_cast<int>(campaign.schedule.rate->text.size()) : 1);
    d.suggestion = rate_rule ? absl::StrCat("lower schedule.rate to at most ",
                                            FormatNumber(value_[l]), " per ",
                                            limit.window == Window::kSecond   ? "second"
                                            : limit.window == Window::kMinute ? "minute"
                                                                              : "hour")
                             : "spread the recipients over more days (schedule.window and "
                               "schedule.days) or use a registered A2P route";
    if (offenders.size() > 1) {
      for (int s : offenders) {
        const LimitTrack& ts = SenderTrack(l, s);
        d.notes.push_back(absl::StrCat(
            SenderLabel(campaign, s), ": from ", FormatMicros(ts.first_over_us, zone), ", peak ",
            FormatNumber(ts.peak), ", ", Plural(ts.over, "message"), " over"));
      }
    }
  }
  d.message = absl::StrCat(who, " from ", FormatMicros(first.first_over_us, zone),
                           "; the limit is ", limit_text, " (peak ", FormatNumber(peak), ", ",
                           Plural(over, "message"), " sent over it)", suffix);
  // An error says what it costs: the filter model's prediction for these numbers, or
  // that the outcome counts do not show it.
  if (limit.level == Level::kError && result != nullptr && limit.scope == Scope::kSender) {
    int64_t filtered = 0;
    for (int s : offenders) {
      if (s < static_cast<int>(result->senders.size())) filtered += result->senders[s].filtered;
    }
    absl::StrAppend(
        &d.message,
        limit.filter_weight > 0 && filtered > 0
            ? absl::StrCat("; carriers filter such numbers: ", WithCommas(filtered),
                           " of their messages are predicted filtered")
            : "; at this excess the filter model predicts none of them filtered (not reflected "
              "in the outcome counts), but carriers may still block the number");
  }
  findings.push_back(std::move(d));
}

}  // namespace smslint
