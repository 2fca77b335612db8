#include "sim/rules/balance_rule.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "sim/plan_inputs.h"
#include "sim/rules/finding_text.h"
#include "sim/rules/rule_ids.h"
#include "util/strings.h"

namespace smslint {

std::vector<RuleInfo> BalanceRule::Infos() const {
  return {TrafficRuleInfo(
      rule_ids::kBalance, Level::kWarning,
      "Outgoing:incoming ratio per sender beyond the profile's tolerance",
      "Person-to-person traffic is a conversation, roughly one reply per message. With "
      "traffic.reply_rate the simulator expects that many replies per message; a number that sends "
      "far more than it receives (beyond the profile's tolerance, once it has sent the profile's "
      "minimum in a day) is one-way bulk traffic. Without traffic.reply_rate the rule does not "
      "judge.",
      "Move one-way traffic to a registered A2P route.",
      "CTIA Messaging Principles and Best Practices (2019), typical P2P operation",
      {"route: p2p, reply_rate: 0.04, 100 messages"},
      {"route: p2p, reply_rate: 0.5, 100 messages"})};
}

bool BalanceRule::Setup(const RuleContext& context, FilterReasons&) {
  context_ = &context;
  const Campaign& campaign = *context.campaign;
  if (!context.profile->balance || !campaign.traffic.reply_rate.present) return false;
  reply_rate_ = std::clamp(campaign.traffic.reply_rate.value, 0.0, 1.0);
  ratio_ = reply_rate_ > 0 ? 1.0 / reply_rate_ : 1e9;
  track_.resize(context.senders);
  return true;
}

void BalanceRule::Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) {
  for (size_t i = 0; i < sends.size(); ++i) {
    if (verdicts[i].failed != nullptr) continue;  // never reached a carrier
    const Send& send = sends[i];
    const BalanceModel& model = *context_->profile->balance;
    const double out = static_cast<double>(send.sender_sends[static_cast<int>(Window::kDay)]);
    const bool over = out >= model.min_messages && ratio_ > model.tolerance;
    track_[send.sender].Observe(send.time_us, over ? out : 0, over);
  }
}

void BalanceRule::AddOutcomes(std::vector<RuleOutcome>& outcomes) const {
  if (reply_rate_ < 0) return;
  RuleOutcome o;
  o.rule = rule_ids::kBalance;
  o.level = Level::kWarning;
  o.limit = context_->profile->balance->tolerance;
  for (const LimitTrack& track : track_) {
    o.first_over_us = std::min(o.first_over_us, track.first_over_us);
    o.peak = std::max(o.peak, track.peak);
    o.over += track.over;
    o.first_over_by_sender.push_back(track.first_over_us);
  }
  outcomes.push_back(std::move(o));
}

void BalanceRule::Report(const ReportContext&, std::vector<Diagnostic>& findings,
                         std::vector<RuleOutcome>&) const {
  if (reply_rate_ < 0) return;
  const Campaign& campaign = *context_->campaign;
  const Profile& profile = *context_->profile;
  int first = -1;
  int64_t over = 0;
  for (int s = 0; s < static_cast<int>(track_.size()); ++s) {
    if (!track_[s].crossed()) continue;
    over += track_[s].over;
    if (first < 0 || track_[s].first_over_us < track_[first].first_over_us) first = s;
  }
  if (first < 0) return;
  Diagnostic d;
  d.rule = rule_ids::kBalance;
  d.level = Level::kWarning;
  d.span =
      SpanAt(campaign, FirstKnown({campaign.traffic.reply_rate.pos, SenderPos(campaign, first)}));
  const std::string ratio = reply_rate_ > 0
                                ? absl::StrFormat("%.0f:1 outgoing to incoming", 1.0 / reply_rate_)
                                : std::string("only outgoing messages, none incoming");
  d.message = absl::StrCat(
      SenderLabel(campaign, first), " sends ", ratio, " (reply_rate ",
      absl::StrFormat("%g", reply_rate_), ") from ",
      FormatMicros(track_[first].first_over_us, context_->zone), "; the ", profile.name,
      " tolerance is ", absl::StrFormat("%g", profile.balance->tolerance),
      ":1 once a number sends ", Plural(profile.balance->min_messages, "message"), " a day (",
      Plural(over, "message"), " over it)");
  d.suggestion = absl::StrCat(
      "person-to-person numbers are for conversations: send one-way traffic on a registered A2P "
      "route (",
      absl::StrJoin(AlternativeRoutes(), ", "), ")");
  findings.push_back(std::move(d));
}

}  // namespace smslint
