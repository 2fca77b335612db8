#include "sim/rules/stale_delivery_rule.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "sim/rules/finding_text.h"
#include "sim/rules/rule_ids.h"
#include "util/strings.h"

namespace smslint {

std::vector<RuleInfo> StaleDeliveryRule::Infos() const {
  return {TrafficRuleInfo(
      rule_ids::kStaleDelivery, Level::kWarning,
      "The queue delivers a message after its template's `expires`, or past the first window",
      "A slow rate or a narrow window turns into a queue: messages wait for the next window, the "
      "campaign runs for days, and a time-bound offer arrives after it ended. Warning for "
      "messages delivered after their template's `expires`; a note (info) for messages that wait "
      "for a later window; an error when the send does not end before the simulator's horizon "
      "(the year 33658) and is not simulated.",
      "Raise the rate within the profile, widen the window, or send to fewer recipients.",
      "smslint: delayed delivery", {"expires: 2h, 10,000 recipients at 30/min"},
      {"expires: 2h, 1,000 recipients at 30/min"})};
}

bool StaleDeliveryRule::Setup(const RuleContext& context, FilterReasons&) {
  context_ = &context;
  for (const Template& t : context.campaign->templates) {
    expires_us_.push_back(t.expires.present && t.expires.value > absl::ZeroDuration()
                              ? absl::ToInt64Microseconds(t.expires.value)
                              : INT64_MAX);
  }
  stale_count_.assign(context.templates, 0);
  stale_first_.assign(context.templates, INT64_MAX);
  return true;
}

void StaleDeliveryRule::Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) {
  for (size_t i = 0; i < sends.size(); ++i) {
    if (verdicts[i].failed != nullptr) continue;  // never reached a carrier
    const Send& send = sends[i];
    MessageVerdict& verdict = verdicts[i];
    // Waiting for a later window (the provider queue's delays are traffic/throughput's).
    if (send.late && send.time_us - send.submit_us < context_->late_after_us) ++late_count_;
    const int k = send.template_index;
    if (expires_us_[k] != INT64_MAX && send.time_us - context_->start_us > expires_us_[k]) {
      ++stale_count_[k];
      stale_first_[k] = std::min(stale_first_[k], send.time_us);
      verdict.stale = true;
    }
  }
}

void StaleDeliveryRule::AddOutcomes(std::vector<RuleOutcome>& outcomes) const {
  RuleOutcome o;
  o.rule = rule_ids::kStaleDelivery;
  o.level = Level::kWarning;
  o.needs_capacity = true;
  for (size_t k = 0; k < stale_count_.size(); ++k) {
    o.over += stale_count_[k];
    o.first_over_us = std::min(o.first_over_us, stale_first_[k]);
  }
  outcomes.push_back(std::move(o));
}

// Longer than this, the campaign's run is a warning, not an info.
constexpr int kLongCampaignDays = 30;

void StaleDeliveryRule::Report(const ReportContext&, std::vector<Diagnostic>& findings,
                               std::vector<RuleOutcome>&) const {
  const Campaign& campaign = *context_->campaign;
  const absl::TimeZone& zone = context_->zone;
  const int64_t end_us = context_->end_us;
  for (int k = 0; k < context_->templates; ++k) {
    if (stale_count_[k] == 0) continue;
    const Template& tmpl = campaign.templates[k];
    Diagnostic d;
    d.rule = rule_ids::kStaleDelivery;
    d.level = Level::kWarning;
    d.template_id = tmpl.id.value;
    d.span = SpanAt(campaign, FirstKnown({tmpl.expires.pos, tmpl.pos}));
    d.message = absl::StrCat(
        Plural(stale_count_[k], "message"), " of template '", tmpl.id.value,
        stale_count_[k] == 1 ? "' is" : "' are", " delivered after it expires (",
        absl::FormatDuration(tmpl.expires.value), " after the start), from ",
        FormatMicros(stale_first_[k], zone), "; the last lands ", FormatMicros(end_us, zone));
    d.suggestion =
        "raise schedule.rate within the profile, widen schedule.window, or send "
        "fewer recipients";
    findings.push_back(std::move(d));
  }
  if (late_count_ > 0) {
    Diagnostic d;
    d.rule = rule_ids::kStaleDelivery;
    const Schedule& sch = campaign.schedule;
    d.span = SpanAt(campaign, FirstKnown({sch.window.pos, sch.days.pos, sch.rate.pos, sch.pos}));
    const double days = static_cast<double>(end_us - context_->start_us) / 86'400e6;
    // Waiting for the next window is normal for a few days; a send that runs for
    // months (or, at the slowest rate allowed, millennia) is a schedule mistake.
    d.level = days > kLongCampaignDays ? Level::kWarning : Level::kInfo;
    d.message = absl::StrCat(
        Plural(late_count_, "message does not fit in the first sending window and waits",
               "messages do not fit in the first sending window and wait"),
        " for a later one; the campaign runs until ", FormatMicros(end_us, zone),
        days > 3 * 365.0 ? absl::StrFormat(" (%.0f years)", days / 365.25)
                         : absl::StrFormat(" (%.1f days)", days));
    if (d.level == Level::kWarning) {
      absl::StrAppend(&d.message, ", more than ", kLongCampaignDays,
                      " days: recipients get the messages months late");
      d.suggestion =
          "raise schedule.rate within the profile, widen schedule.window or schedule.days, or "
          "split the recipients into several campaigns";
    }
    findings.push_back(std::move(d));
  }
}

}  // namespace smslint
