#include "sim/rules/snowshoeing_rule.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "sim/plan_inputs.h"
#include "sim/rules/finding_text.h"
#include "sim/rules/rule_ids.h"
#include "sim/simulator.h"
#include "util/strings.h"

namespace smslint {
namespace {

// Several numbers sending at the same instant put N messages into one second even
// at a slow sustained rate, so the aggregate of a snowshoeing split is judged over a
// minute at least: a per-second limit becomes sixty times that per minute.
Window AggregateWindow(const Limit& limit) {
  return limit.window == Window::kSecond ? Window::kMinute : limit.window;
}
double AggregateScale(const Limit& limit) { return limit.window == Window::kSecond ? 60 : 1; }

}  // namespace

std::vector<RuleInfo> SnowshoeingRule::Infos() const {
  return {TrafficRuleInfo(
      rule_ids::kSnowshoeing, Level::kError,
      "The campaign spreads the same content or link domain across several sender numbers",
      "Splitting one campaign over many numbers so each stays under its limits (snowshoeing) is "
      "an evasion carriers punish by blocking every number involved. Error when each number stays "
      "under its limits while together they exceed what one number may send; warning when "
      "several numbers are used without that pattern (CTIA expects one number per campaign).",
      "Send from one number at a rate it may carry, or register a route sized for the campaign.",
      "CTIA Messaging Principles and Best Practices (2019): single number use, snowshoeing",
      {"route: p2p, 5 numbers at 1/s each, same template"}, {"one sender number"})};
}

bool SnowshoeingRule::Setup(const RuleContext& context, FilterReasons&) {
  context_ = &context;
  for (const Limit& limit : context.profile->limits) {
    value_.push_back(LimitValueFor(limit, *context.campaign));
  }
  track_aggregate_.resize(context.profile->limits.size());
  MarkSharedSenders();
  return std::find(shared_sender_.begin(), shared_sender_.end(), 1) != shared_sender_.end();
}

// Which numbers share a body or a link domain with another number.
void SnowshoeingRule::MarkSharedSenders() {
  const Campaign& campaign = *context_->campaign;
  const int senders = context_->senders;
  const int templates = context_->templates;
  const std::vector<int>& classes = context_->body_classes;
  shared_sender_.assign(senders, 0);
  if (static_cast<size_t>(senders) * std::max(templates, 1) > (1u << 26)) return;
  std::vector<uint8_t> used(static_cast<size_t>(senders) * std::max(templates, 1), 0);
  for (const SendEvent& e : context_->plan->events)
    used[e.sender * templates + e.template_index] = 1;
  auto mark_group = [&](const std::vector<int>& group_senders, std::string item) {
    if (group_senders.size() < 2) return;
    for (int s : group_senders) shared_sender_[s] = 1;
    shared_items_.push_back(std::move(item));
  };
  for (int c = 0; c < context_->body_class_count; ++c) {
    std::vector<int> group;
    std::string id;
    for (int s = 0; s < senders; ++s) {
      for (int k = 0; k < templates; ++k) {
        if (classes[k] == c && used[s * templates + k]) {
          group.push_back(s);
          if (id.empty()) id = campaign.templates[k].id.value;
          break;
        }
      }
    }
    mark_group(group, absl::StrCat("body of template '", id, "'"));
  }
  std::vector<std::vector<std::string>> domains(templates);
  std::vector<std::string> all_domains;
  for (int k = 0; k < templates; ++k) {
    domains[k] = BodyLinkDomains(campaign.templates[k].body->text);
    for (const std::string& d : domains[k]) {
      if (std::find(all_domains.begin(), all_domains.end(), d) == all_domains.end()) {
        all_domains.push_back(d);
      }
    }
  }
  for (const std::string& domain : all_domains) {
    std::vector<int> group;
    for (int s = 0; s < senders; ++s) {
      for (int k = 0; k < templates; ++k) {
        if (used[s * templates + k] &&
            std::find(domains[k].begin(), domains[k].end(), domain) != domains[k].end()) {
          group.push_back(s);
          break;
        }
      }
    }
    mark_group(group, absl::StrCat("link domain ", domain));
  }
}

void SnowshoeingRule::Observe(std::span<const Send> sends, std::span<MessageVerdict>) {
  for (size_t i = 0; i < sends.size(); ++i) {
    const Send& send = sends[i];
    if (!shared_sender_[send.sender]) continue;
    const SlidingCounts::Counts agg = aggregate_window_.Add(send.time_us);
    const std::vector<Limit>& limits = context_->profile->limits;
    for (size_t l = 0; l < limits.size(); ++l) {
      const Limit& limit = limits[l];
      if (limit.scope != Scope::kSender || limit.counter == Counter::kIdentical) continue;
      const double value = static_cast<double>(agg[static_cast<int>(AggregateWindow(limit))]);
      track_aggregate_[l].Observe(send.time_us, value, value > value_[l] * AggregateScale(limit));
    }
  }
}

SnowshoeingRule::Verdict SnowshoeingRule::Judge(const ReportContext& context) const {
  Verdict v;
  const int senders = context_->senders;
  for (int s = 0; s < senders; ++s) {
    if (context.result->senders[s].sent > 0) v.active.push_back(s);
  }
  if (v.active.size() < 2) return v;
  const std::vector<Limit>& limits = context_->profile->limits;
  // The evasion: each shared number stays under every error limit while together
  // they would not.
  bool individual_over = false;
  for (const RuleOutcome& o : *context.outcomes) {
    if (o.limit_index < 0 || o.first_over_by_sender.empty()) continue;
    const Limit& limit = limits[o.limit_index];
    if (limit.scope != Scope::kSender || limit.level != Level::kError) continue;
    for (int s = 0; s < senders; ++s) {
      if (shared_sender_[s] && o.first_over_by_sender[s] != INT64_MAX) individual_over = true;
    }
  }
  for (size_t l = 0; l < limits.size(); ++l) {
    const Limit& limit = limits[l];
    if (limit.scope != Scope::kSender || limit.level != Level::kError ||
        limit.counter == Counter::kIdentical || !track_aggregate_[l].crossed()) {
      continue;
    }
    if (v.worst < 0 ||
        track_aggregate_[l].peak / (value_[l] * AggregateScale(limit)) >
            track_aggregate_[v.worst].peak / (value_[v.worst] * AggregateScale(limits[v.worst]))) {
      v.worst = static_cast<int>(l);
    }
  }
  v.error = !shared_items_.empty() && v.worst >= 0 && !individual_over;
  return v;
}

void SnowshoeingRule::AddOutcomes(std::vector<RuleOutcome>&) const {
  // Judged against the limits' outcomes: Report adds it.
}

void SnowshoeingRule::Report(const ReportContext& context, std::vector<Diagnostic>& findings,
                             std::vector<RuleOutcome>& judged) const {
  const Verdict v = Judge(context);
  if (v.active.size() < 2) return;
  const Campaign& campaign = *context_->campaign;
  RuleOutcome outcome;
  outcome.rule = rule_ids::kSnowshoeing;
  outcome.level = v.error ? Level::kError : Level::kWarning;
  outcome.needs_capacity = true;
  if (v.error) {
    const Limit& limit = context_->profile->limits[v.worst];
    outcome.limit = value_[v.worst] * AggregateScale(limit);
    outcome.first_over_us = track_aggregate_[v.worst].first_over_us;
    outcome.peak = track_aggregate_[v.worst].peak;
  }
  std::vector<std::string> split;
  for (int s : v.active) {
    outcome.over += context.result->senders[s].sent;
    split.push_back(
        absl::StrCat(SenderLabel(campaign, s), " ", WithCommas(context.result->senders[s].sent)));
  }
  Diagnostic d;
  d.rule = rule_ids::kSnowshoeing;
  d.span = SpanAt(campaign, SenderPos(campaign, v.active[1]));
  const std::string numbers = absl::StrCat(v.active.size(), " sender numbers");
  if (v.error) {
    const Limit& limit = context_->profile->limits[v.worst];
    const LimitTrack& agg = track_aggregate_[v.worst];
    d.level = Level::kError;
    d.message = absl::StrCat(
        "the same ", absl::StrJoin(shared_items_, " and "), " goes out from ", numbers, " (",
        absl::StrJoin(split, ", "), "); each stays under its limits, but together they send ",
        FormatNumber(agg.peak), " ", PluralWord(agg.peak, "message", "messages"), " ",
        WindowPhrase(AggregateWindow(limit)), " from ",
        FormatMicros(agg.first_over_us, context_->zone), " where one number may send ",
        FormatNumber(value_[v.worst] * AggregateScale(limit)), " (", FormatNumber(value_[v.worst]),
        " ", limit.unit, ")",
        ": carriers read this split as snowshoeing and block the numbers together");
    d.suggestion =
        "send from one number at a rate it may carry, or move the campaign to a "
        "route sized for it (10DLC, toll-free, short code)";
  } else {
    d.level = Level::kWarning;
    d.message = absl::StrCat(
        "the campaign uses ", numbers, " (", absl::StrJoin(split, ", "), ")",
        shared_items_.empty()
            ? ""
            : absl::StrCat(" for the same ", absl::StrJoin(shared_items_, " and ")),
        "; CTIA expects one number per campaign, and spreading one campaign over numbers looks "
        "like snowshoeing");
    d.suggestion = "list one sender number, or give each number its own registered campaign";
  }
  findings.push_back(std::move(d));
  judged.push_back(std::move(outcome));
}

}  // namespace smslint
