#include "sim/rules/opt_out_rate_rule.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "sim/plan_inputs.h"
#include "sim/rules/finding_text.h"
#include "sim/rules/rule_ids.h"
#include "util/strings.h"

namespace smslint {

std::vector<RuleInfo> OptOutRateRule::Infos() const {
  return {TrafficRuleInfo(
      rule_ids::kOptOutRate, Level::kWarning,
      "The expected opt-out (STOP) rate reaches the level at which carriers flag a number",
      "Carriers track each number's daily opt-out rate as a complaint signal and flag numbers "
      "above it for monitoring or suspension. traffic.opt_out_rate states the STOP replies "
      "expected per message; the rule fires for each number that sends at least the profile's "
      "minimum in a day at an expected rate at or above the flag level. A high opt-out rate "
      "usually means weak consent or too many messages.",
      "Send only to recipients with fresh, explicit consent, send less often, and make the "
      "message relevant; check the opt-in flow.",
      "Carrier opt-out rate monitoring (see smslint profiles)",
      {"traffic: {opt_out_rate: 0.08}, 500 recipients"},
      {"traffic: {opt_out_rate: 0.005}, 500 recipients"})};
}

bool OptOutRateRule::Setup(const RuleContext& context, FilterReasons& reasons) {
  context_ = &context;
  const Traffic& traffic = context.campaign->traffic;
  rate_ = traffic.opt_out_rate.present ? traffic.opt_out_rate.value : 0;
  track_.assign(context.senders, LimitTrack{});
  const bool judged =
      context.profile->opt_out.has_value() && rate_ >= context.profile->opt_out->flag_rate;
  if (judged && context.profile->opt_out->filter_weight > 0) {
    reason_ = reasons.Add(absl::StrCat(rule_ids::kOptOutRate, " (expected STOP replies)"));
  }
  return judged;
}

void OptOutRateRule::Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) {
  const OptOutModel& model = *context_->profile->opt_out;
  for (size_t i = 0; i < sends.size(); ++i) {
    if (verdicts[i].failed != nullptr) continue;
    const Send& send = sends[i];
    const double day = static_cast<double>(send.sender_sends[static_cast<int>(Window::kDay)]);
    const bool over = day >= model.min_messages;
    track_[send.sender].Observe(send.time_us, day, over);
    // Complaints count against the number with the carriers' filters too.
    if (over && reason_ >= 0) {
      verdicts[i].filter_signal.push_back({reason_, model.filter_weight * rate_ / model.flag_rate});
    }
  }
}

void OptOutRateRule::AddOutcomes(std::vector<RuleOutcome>& outcomes) const {
  RuleOutcome o;
  o.rule = rule_ids::kOptOutRate;
  o.level = Level::kWarning;
  for (const LimitTrack& t : track_) {
    o.over += t.over;
    o.first_over_us = std::min(o.first_over_us, t.first_over_us);
    o.peak = std::max(o.peak, t.peak);
    o.first_over_by_sender.push_back(t.first_over_us);
  }
  outcomes.push_back(std::move(o));
}

void OptOutRateRule::Report(const ReportContext&, std::vector<Diagnostic>& findings,
                            std::vector<RuleOutcome>&) const {
  if (!context_->profile->opt_out || rate_ < context_->profile->opt_out->flag_rate) return;
  const Campaign& campaign = *context_->campaign;
  const OptOutModel& model = *context_->profile->opt_out;
  int first = -1;
  for (int s = 0; s < static_cast<int>(track_.size()); ++s) {
    if (!track_[s].crossed()) continue;
    if (first < 0 || track_[s].first_over_us < track_[first].first_over_us) first = s;
  }
  if (first < 0) return;
  const LimitTrack& t = track_[first];
  Diagnostic d;
  d.rule = rule_ids::kOptOutRate;
  d.level = Level::kWarning;
  d.span = SpanAt(campaign, FirstKnown({campaign.traffic.opt_out_rate.pos, campaign.traffic.pos}));
  d.message = absl::StrCat(
      "traffic.opt_out_rate ", absl::StrFormat("%.1f%%", rate_ * 100),
      " reaches the daily opt-out rate at which carriers flag a number (",
      absl::StrFormat("%.1f%%", model.flag_rate * 100), "): ", SenderLabel(campaign, first),
      " sends up to ", FormatNumber(t.peak), " messages a day, about ",
      FormatNumber(t.peak * rate_), " STOP replies, from ",
      FormatMicros(t.first_over_us, context_->zone),
      reason_ >= 0
          ? "; the filter model weighs the complaints in (see traffic/predicted-filtering)"
          : " (a flag, not a block: no messages lost, not reflected in the outcome counts)");
  d.suggestion = "send only to recipients with fresh consent, and less often";
  findings.push_back(std::move(d));
}

}  // namespace smslint
