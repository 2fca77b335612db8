#include "sim/rules/quiet_hours_rule.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "sim/plan_inputs.h"
#include "sim/rules/finding_text.h"
#include "sim/rules/rule_ids.h"
#include "util/strings.h"

namespace smslint {

QuietHoursRule::RecipientPlace QuietHoursRule::PlaceOf(const RecipientTable* table,
                                                       uint32_t row) const {
  RecipientPlace place;
  if (table != nullptr && row < table->size()) {
    place.zone = context_->recipient_zones.ZoneOfRow(*table, row);
    place.state = table->state[row];
    if (place.zone >= clocks_.size()) place.zone = 0;
    if (place.state >= state_count_) place.state = 0;
  }
  return place;
}

std::vector<RuleInfo> QuietHoursRule::Infos() const {
  absl::StatusOr<QuietHours> hours = LoadQuietHours();
  const std::string window = hours.ok() ? hours->recommended_window : "";
  const std::string fix =
      absl::StrCat("Set schedule.window (recipient-local)",
                   window.empty() ? "" : absl::StrCat(", for example \"", window, "\""), ".");
  return {TrafficRuleInfo(
      rule_ids::kQuietHours, Level::kError,
      "A message lands outside 8:00-21:00 recipient local time, or a stricter state window",
      "Federal rules forbid telephone solicitations before 8 a.m. or after 9 p.m. at the "
      "recipient's location, and some states are stricter (Florida, Oklahoma, Maryland, "
      "Washington: 8 p.m.; Texas: 9 a.m., Sunday noon). The recipient's zone and state come from "
      "the CSV or the number. One-time passcodes and fraud alerts are not held to it.",
      fix.c_str(),
      "47 CFR 64.1200(c)(1); Fla. Stat. 501.059; 15 O.S. 775C.4; Md. Com. Law 14-4503; "
      "RCW 80.36.390; Tex. Bus. & Com. Code 301.051",
      {"start 20:30 New York, no window"}, {absl::StrCat("window ", window)})};
}

bool QuietHoursRule::Setup(const RuleContext& context, FilterReasons&) {
  context_ = &context;
  const Campaign& campaign = *context.campaign;
  const QuietHours& hours = context.profile->quiet_hours;
  on_ = !(campaign.campaign.use_case.present && hours.Exempts(campaign.campaign.use_case.value));
  const RecipientTable* table = context.recipients;
  // One clock per zone the recipients are in (zones[0]: the schedule's).
  clocks_.clear();
  for (const absl::TimeZone& zone : context.recipient_zones.zones) clocks_.emplace_back(zone);
  if (clocks_.empty()) clocks_.emplace_back(context.zone);
  state_count_ = table ? std::max<size_t>(1, table->states.size()) : 1;
  for (size_t s = 0; s < state_count_; ++s) {
    state_window_.push_back(
        &hours.For(table && s < table->states.size() ? std::string_view(table->states[s]) : ""));
  }
  cells_.resize(clocks_.size() * state_count_);
  first_by_sender_.assign(context.senders, INT64_MAX);
  return on_;
}

void QuietHoursRule::Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) {
  for (size_t i = 0; i < sends.size(); ++i) {
    if (verdicts[i].failed != nullptr) continue;  // never reached a carrier
    const Send& send = sends[i];
    MessageVerdict& verdict = verdicts[i];
    const RecipientPlace place = PlaceOf(context_->recipients, send.row);
    const size_t zone = place.zone, state = place.state;
    const LocalMoment local = clocks_[zone].At(send.time_us);
    const LocalWindow& allowed = state_window_[state]->days[local.weekday];
    if (local.minute_of_day >= allowed.begin && local.minute_of_day < allowed.end) continue;
    Cell& cell = cells_[zone * state_count_ + state];
    ++cell.count;
    cell.first_us = std::min(cell.first_us, send.time_us);
    if (local.minute_of_day < allowed.begin && allowed.end > allowed.begin) {
      ++cell.early;
    } else {
      ++cell.late;
    }
    first_by_sender_[send.sender] = std::min(first_by_sender_[send.sender], send.time_us);
    verdict.quiet_hours = true;
  }
}

void QuietHoursRule::AddOutcomes(std::vector<RuleOutcome>& outcomes) const {
  RuleOutcome o;
  o.rule = rule_ids::kQuietHours;
  o.level = Level::kError;
  for (const Cell& cell : cells_) {
    o.over += cell.count;
    o.first_over_us = std::min(o.first_over_us, cell.first_us);
  }
  o.first_over_by_sender = first_by_sender_;
  outcomes.push_back(std::move(o));
}

void QuietHoursRule::Report(const ReportContext&, std::vector<Diagnostic>& findings,
                            std::vector<RuleOutcome>&) const {
  int64_t total = 0, first_us = INT64_MAX;
  for (const Cell& cell : cells_) {
    total += cell.count;
    first_us = std::min(first_us, cell.first_us);
  }
  if (total == 0) return;
  const Campaign& campaign = *context_->campaign;
  const QuietHours& hours = context_->profile->quiet_hours;
  const RecipientTable* table = context_->recipients;
  Diagnostic d;
  d.rule = rule_ids::kQuietHours;
  d.level = Level::kError;
  const Schedule& sch = campaign.schedule;
  d.span = SpanAt(campaign, FirstKnown({sch.window.pos, sch.start.pos, sch.pos}));
  std::vector<std::string> stricter;
  for (const QuietHoursWindow& r : hours.states) stricter.push_back(r.state);
  d.message = absl::StrCat(Plural(total, "message lands", "messages land"),
                           " outside the recipients' allowed local hours (federal ",
                           hours.federal.text, "; stricter in ", absl::StrJoin(stricter, ", "),
                           "), the first at ", FormatMicros(first_us, context_->zone));
  for (size_t z = 0; z < clocks_.size(); ++z) {
    for (size_t s = 0; s < state_count_; ++s) {
      const Cell& cell = cells_[z * state_count_ + s];
      if (cell.count == 0) continue;
      const QuietHoursWindow& window = *state_window_[s];
      std::string where = clocks_[z].zone().name();
      if (table && s < table->states.size() && !table->states[s].empty()) {
        absl::StrAppend(&where, ", ", table->states[s]);
      }
      d.notes.push_back(absl::StrCat(
          where, ": ", Plural(cell.count, "message"), " (", cell.early, " too early, ", cell.late,
          " too late; allowed ", window.text, "), first at ",
          absl::FormatTime("%Y-%m-%d %H:%M %Z", FromMicros(cell.first_us), clocks_[z].zone()),
          " local"));
    }
  }
  d.suggestion = sch.window.present
                     ? absl::StrCat(
                           "narrow schedule.window so it sits inside every recipient's "
                           "allowed hours (for example \"",
                           hours.recommended_window, "\")")
                     : absl::StrCat("add schedule.window: \"", hours.recommended_window,
                                    "\" (recipient-local time) so messages wait for each "
                                    "recipient's morning");
  findings.push_back(std::move(d));
}

}  // namespace smslint
