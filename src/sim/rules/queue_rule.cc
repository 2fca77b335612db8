#include "sim/rules/queue_rule.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "sim/plan_inputs.h"
#include "sim/provider_queue.h"
#include "sim/rules/finding_text.h"
#include "sim/rules/rule_ids.h"
#include "util/strings.h"

namespace smslint {
namespace {

// "10h", "45min", "30s": the wait as people say it.
std::string WaitText(int64_t us) {
  return absl::FormatDuration(absl::Trunc(absl::Microseconds(us), absl::Seconds(1)));
}

// The release rate that held back the most messages, or null.
const ReleaseOutcome* Bottleneck(const QueueOutcome& queue) {
  const ReleaseOutcome* best = nullptr;
  for (const ReleaseOutcome& r : queue.releases) {
    if (r.held > 0 && (best == nullptr || r.held > best->held)) best = &r;
  }
  return best;
}

std::string RateDescription(const ReleaseOutcome& r, const Campaign& campaign) {
  const std::string basis = r.rate->Basis(campaign);
  return absl::StrCat(FormatNumber(r.per_second), " ", r.rate->unit,
                      basis.empty() ? "" : absl::StrCat(", ", basis), " (release rate '",
                      r.rate->id, "')");
}

}  // namespace

std::vector<RuleInfo> QueueRule::Infos() const {
  return {TrafficRuleInfo(
      rule_ids::kQueueExpiry, Level::kError,
      "Messages wait in the provider queue past the validity period and fail",
      "Providers queue what is submitted faster than the route releases (metered in SMS "
      "segments) and fail a message that has waited longer than its validity period: Twilio "
      "keeps a message at most 10 hours (ValidityPeriod up to 36,000 s) and then fails it with "
      "30001 or 30036. The simulator runs the queue message by message; each message that would "
      "wait longer than traffic.validity_period (default: the profile's provider maximum) is "
      "counted as failed and never reaches a carrier.",
      "Lower schedule.rate to what the route releases, send fewer segments per message, spread "
      "the campaign over more days, or raise traffic.validity_period up to the provider maximum.",
      "Twilio errors 30001 (queue overflow) and 30036 (validity period expired)",
      {"route: p2p, rate: 2/s, 50,000 recipients"}, {"route: p2p, rate: 30/min"})};
}

bool QueueRule::Setup(const RuleContext& context, FilterReasons&) {
  context_ = &context;
  expired_.assign(context.senders, 0);
  first_expired_.assign(context.senders, INT64_MAX);
  return context.queue != nullptr;
}

void QueueRule::Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) {
  for (size_t i = 0; i < sends.size(); ++i) {
    const Send& send = sends[i];
    ++messages_;
    if (send.expired) {
      verdicts[i].failed = rule_ids::kQueueExpiry;
      ++expired_[send.sender];
      first_expired_[send.sender] = std::min(first_expired_[send.sender], send.time_us);
      continue;
    }
    const int64_t wait = send.time_us - send.submit_us;
    max_wait_us_ = std::max(max_wait_us_, wait);
    if (context_->late_after_us > 0 && wait >= context_->late_after_us) {
      ++queued_late_;
      first_late_us_ = std::min(first_late_us_, send.time_us);
    }
  }
}

void QueueRule::AddOutcomes(std::vector<RuleOutcome>& outcomes) const {
  RuleOutcome o;
  o.rule = rule_ids::kQueueExpiry;
  o.level = Level::kError;
  o.limit = static_cast<double>(context_->validity_us) / 1e6;
  o.needs_capacity = true;
  o.first_over_by_sender = first_expired_;
  for (size_t s = 0; s < expired_.size(); ++s) {
    o.over += expired_[s];
    o.first_over_us = std::min(o.first_over_us, first_expired_[s]);
  }
  outcomes.push_back(std::move(o));
}

void QueueRule::Report(const ReportContext&, std::vector<Diagnostic>& findings,
                       std::vector<RuleOutcome>& judged) const {
  if (context_->queue == nullptr) return;
  const Campaign& campaign = *context_->campaign;
  const absl::TimeZone& zone = context_->zone;
  const QueueOutcome& queue = *context_->queue;
  const ReleaseOutcome* bottleneck = Bottleneck(queue);
  int64_t expired = 0, first = INT64_MAX;
  for (size_t s = 0; s < expired_.size(); ++s) {
    expired += expired_[s];
    first = std::min(first, first_expired_[s]);
  }
  const Schedule& sch = campaign.schedule;
  const Span span =
      SpanAt(campaign, FirstKnown({sch.rate.pos, sch.pos, campaign.traffic.validity_period.pos}),
             sch.rate.present ? static_cast<int>(sch.rate->text.size()) : 1);
  const std::string release =
      bottleneck ? absl::StrCat("the provider releases ", RateDescription(*bottleneck, campaign))
                 : std::string("the provider's release rate");
  const std::string submitted =
      sch.rate.present ? absl::StrCat("schedule.rate ", sch.rate->text, " is faster than ", release)
                       : absl::StrCat("the schedule submits faster than ", release);
  if (expired > 0) {
    Diagnostic d;
    d.rule = rule_ids::kQueueExpiry;
    d.level = Level::kError;
    d.span = span;
    d.message =
        absl::StrCat(submitted, ": messages wait in the provider queue, and ", WithCommas(expired),
                     " of ", WithCommas(messages_), " wait longer than the validity period (",
                     WaitText(context_->validity_us),
                     campaign.traffic.validity_period.present ? ", traffic.validity_period"
                                                              : ", the provider maximum",
                     ") and fail (Twilio 30001/30036) from ", FormatMicros(first, zone));
    if (queued_late_ > 0) {
      d.notes.push_back(absl::StrCat(WithCommas(queued_late_),
                                     " more messages leave the queue late (up to ",
                                     WaitText(max_wait_us_), " after they were submitted)"));
    }
    for (size_t s = 0; s < expired_.size() && expired_.size() > 1; ++s) {
      if (expired_[s] == 0) continue;
      d.notes.push_back(absl::StrCat(SenderLabel(campaign, static_cast<int>(s)), ": ",
                                     WithCommas(expired_[s]), " failed from ",
                                     FormatMicros(first_expired_[s], zone)));
    }
    d.suggestion =
        "lower schedule.rate to what the route releases, use fewer segments per message, or "
        "spread the campaign over more days";
    findings.push_back(std::move(d));
    return;
  }
  if (queued_late_ == 0) return;
  Diagnostic d;
  d.rule = rule_ids::kThroughput;
  d.level = Level::kWarning;
  d.span = span;
  d.message =
      absl::StrCat(submitted, ": ", WithCommas(queued_late_),
                   " messages leave the provider queue late (up to ", WaitText(max_wait_us_),
                   " after they were submitted, from ", FormatMicros(first_late_us_, zone),
                   "); queued, not filtered: none fails within the validity period (",
                   WaitText(context_->validity_us), ")");
  d.suggestion =
      "lower schedule.rate to what the route releases, or use fewer segments per message";
  findings.push_back(std::move(d));
  RuleOutcome o;
  o.rule = rule_ids::kThroughput;
  o.level = Level::kWarning;
  o.over = queued_late_;
  o.first_over_us = first_late_us_;
  o.needs_capacity = true;
  judged.push_back(std::move(o));
}

}  // namespace smslint
