#include "sim/rules/quiet_hours_rule.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "sim/holidays.h"
#include "sim/plan_inputs.h"
#include "sim/rules/finding_text.h"
#include "sim/rules/rule_ids.h"
#include "util/strings.h"

namespace smslint {
namespace {

constexpr size_t kMaxAreaCodes = 8;  // listed per uncertain place

// "602" for a North American number; "" otherwise.
std::string AreaCode(uint64_t e164) {
  if (e164 < 10'000'000'000ull || e164 >= 20'000'000'000ull) return "";
  return std::to_string((e164 / 10'000'000) % 1000);
}

// "America/Denver and America/Phoenix"; long lists (a toll-free number's every
// NANP zone) name the first few and count the rest.
std::string ZoneList(const RecipientZones& zones, size_t place) {
  constexpr size_t kMaxNames = 4;
  std::vector<std::string> names;
  for (uint16_t z : zones.places[place]) names.push_back(zones.zones[z].name());
  if (names.size() <= 1) return names.empty() ? "" : names[0];
  if (names.size() > kMaxNames + 1) {
    const size_t more = names.size() - kMaxNames;
    names.resize(kMaxNames);
    return absl::StrCat(absl::StrJoin(names, ", "), " and ", more, " more");
  }
  const std::string last = names.back();
  names.pop_back();
  return absl::StrCat(absl::StrJoin(names, ", "), " and ", last);
}

}  // namespace

std::vector<RuleInfo> QuietHoursRule::Infos() const {
  absl::StatusOr<QuietHours> hours = LoadQuietHours();
  const std::string window = hours.ok() ? hours->recommended_window : "";
  const std::string fix =
      absl::StrCat("Set schedule.window (recipient-local)",
                   window.empty() ? "" : absl::StrCat(", for example \"", window, "\""),
                   ", or add a timezone column when numbers span several zones.");
  auto names = [](const std::vector<UseCase>& use_cases) {
    std::vector<std::string> out;
    for (UseCase u : use_cases) out.emplace_back(UseCaseName(u));
    return absl::StrJoin(out, ", ");
  };
  const std::string why = absl::StrCat(
      "Federal rules forbid telephone solicitations before 8 a.m. or after 9 p.m. at the "
      "recipient's location; many states are stricter (shorter windows, no Sundays or "
      "holidays) and Canada has its own hours (`smslint profiles` lists each with its "
      "source). The zone comes from the CSV's timezone column, else the number: when the "
      "number's prefix spans several zones, a message counts when it is outside the hours in "
      "any of them. The state comes from the CSV's state column and from the number; the "
      "stricter applies.",
      hours.ok() ? absl::StrCat(" An error for ", names(hours->solicitation_use_cases),
                                "; not judged for ", names(hours->exempt_use_cases),
                                "; a warning for every other use case.")
                 : "");
  return {TrafficRuleInfo(
      rule_ids::kQuietHours, Level::kError,
      "A message lands outside 8:00-21:00 recipient local time, or a stricter state or "
      "Canadian window",
      why.c_str(), fix.c_str(),
      "47 CFR 64.1200(c)(1); the state statutes in rules/profiles/quiet_hours.yml",
      {"start 20:30 New York, no window", "602 number (Denver or Phoenix), 07:30 Phoenix in July",
       "907 number (Anchorage or Adak), 21:30 Anchorage", "Rhode Island recipient, 18:30 Tuesday",
       "Alabama recipient, noon on Thanksgiving", "Ontario recipient, 08:30 Tuesday",
       "delivery_notification, Texas recipient, 08:00 (a warning)"},
      {absl::StrCat("window ", window), "602 number with timezone America/Phoenix, 20:30 in July",
       "Ontario recipient, 21:15 Tuesday", "two_factor passcode, New York, 23:00"})};
}

bool QuietHoursRule::Setup(const RuleContext& context, FilterReasons&) {
  context_ = &context;
  const Campaign& campaign = *context.campaign;
  const QuietHours& hours = context.profile->quiet_hours;
  level_ = hours.LevelFor(campaign.campaign.use_case.present
                              ? std::optional<UseCase>(campaign.campaign.use_case.value)
                              : std::nullopt);
  const RecipientTable* table = context.recipients;
  clocks_.clear();
  for (const absl::TimeZone& zone : context.recipient_zones.zones) clocks_.emplace_back(zone);
  if (clocks_.empty()) clocks_.emplace_back(context.zone);
  open_minute_.assign(clocks_.size(), OpenMinute{});
  state_count_ = table ? std::max<size_t>(1, table->states.size()) : 1;
  rules_of_state_.assign(state_count_, {nullptr, nullptr});
  for (size_t state = 0; state < state_count_; ++state) {
    const std::vector<const QuietHoursWindow*> rules = RulesFor(state);
    for (size_t i = 0; i < rules.size() && i < 2; ++i) rules_of_state_[state][i] = rules[i];
  }
  any_holiday_rule_ = false;
  holiday_day_.fill(INT64_MIN);
  open_everywhere_.fill(LocalWindow{0, 24 * 60});
  for (const auto& rules : rules_of_state_) {
    for (const QuietHoursWindow* rule : rules) {
      if (rule == nullptr) continue;
      any_holiday_rule_ = any_holiday_rule_ || rule->closed_on_holidays;
      for (size_t d = 0; d < open_everywhere_.size(); ++d) {
        open_everywhere_[d].begin = std::max(open_everywhere_[d].begin, rule->days[d].begin);
        open_everywhere_[d].end = std::min(open_everywhere_[d].end, rule->days[d].end);
      }
    }
  }
  cells_.clear();
  uncertain_area_codes_.clear();
  first_by_sender_.assign(context.senders, INT64_MAX);
  return level_.has_value();
}

std::vector<const QuietHoursWindow*> QuietHoursRule::RulesFor(size_t state) const {
  const QuietHours& hours = context_->profile->quiet_hours;
  const RecipientTable* table = context_->recipients;
  const std::string_view code =
      table && state < table->states.size() ? std::string_view(table->states[state]) : "";
  const QuietHoursWindow& rule = hours.For(code);
  if (&rule == &hours.federal || !rule.covers.empty()) return {&rule};  // federal, or Canada's
  return {&rule, &hours.federal};  // a state's narrows the federal window
}

bool QuietHoursRule::Holiday(int64_t day) {
  const size_t slot = static_cast<size_t>(day) & 7;
  if (day != holiday_day_[slot]) {
    holiday_day_[slot] = day;
    holiday_[slot] = IsFederalHoliday(absl::CivilDay(1970, 1, 1) + day);
  }
  return holiday_[slot];
}

QuietHoursRule::Refusal QuietHoursRule::Judge(size_t column_state, size_t number_state,
                                              const LocalMoment& local) {
  // At most four rules: each state's own and the federal window (the federal one
  // twice at worst, which judges the same).
  const QuietHoursWindow* rules[4];
  size_t count = 0;
  auto add = [&](size_t state) {
    for (const QuietHoursWindow* r : rules_of_state_[state]) {
      if (r != nullptr) rules[count++] = r;
    }
  };
  if (column_state != 0) add(column_state);
  if (number_state != 0 && number_state != column_state) add(number_state);
  if (count == 0) add(0);
  Refusal refusal = Refusal::kNone;
  for (size_t i = 0; i < count; ++i) {
    const QuietHoursWindow* rule = rules[i];
    if (rule->closed_on_holidays && Holiday(local.day)) return Refusal::kClosedDay;
    const LocalWindow& allowed = rule->days[local.weekday];
    if (allowed.end <= allowed.begin) return Refusal::kClosedDay;
    if (local.minute_of_day < allowed.begin) refusal = Refusal::kEarly;
    if (local.minute_of_day >= allowed.end) refusal = Refusal::kLate;
  }
  return refusal;
}

void QuietHoursRule::Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) {
  const RecipientTable* table = context_->recipients;
  const RecipientZones& zones = context_->recipient_zones;
  for (size_t i = 0; i < sends.size(); ++i) {
    if (verdicts[i].failed != nullptr) continue;  // never reached a carrier
    const Send& send = sends[i];
    const bool row_known = table != nullptr && send.row < table->size();
    size_t place = row_known ? zones.PlaceOfRow(*table, send.row) : 0;
    if (place >= zones.places.size()) place = 0;
    // The row's states are read only for a moment outside some window: most messages
    // of a send within its hours never need them.
    bool states_read = false;
    size_t column_state = 0, number_state = 0;
    auto read_states = [&] {
      if (states_read) return;
      states_read = true;
      if (!row_known) return;
      column_state = send.row < table->state.size() ? table->state[send.row] : 0;
      number_state = send.row < table->number_state.size() ? table->number_state[send.row] : 0;
      if (column_state >= state_count_) column_state = 0;
      if (number_state >= state_count_) number_state = 0;
    };
    static const std::vector<uint16_t> kScheduleZone = {0};
    const std::vector<uint16_t>& candidates =
        zones.places.empty() ? kScheduleZone : zones.places[place];
    size_t breached = 0;
    size_t first_zone = 0;
    Refusal reason = Refusal::kNone;
    for (uint16_t z : candidates) {
      const size_t clock = z < clocks_.size() ? z : 0;
      OpenMinute& open = open_minute_[clock];
      if (send.time_us >= open.from_us && send.time_us < open.to_us) continue;
      LocalClock& local_clock = clocks_[clock];
      const LocalMoment local = local_clock.At(send.time_us);
      if (OpenEverywhere(local)) {
        // The whole minute is (its day, weekday and minute are the same throughout).
        if (send.time_us >= local_clock.minute_from_us() &&
            send.time_us < local_clock.minute_to_us()) {
          open = {local_clock.minute_from_us(), local_clock.minute_to_us()};
        }
        continue;
      }
      read_states();
      const Refusal r = Judge(column_state, number_state, local);
      if (r == Refusal::kNone) continue;
      if (breached++ == 0) {
        first_zone = clock;
        reason = r;
      }
    }
    if (breached == 0) continue;
    Cell& cell = cells_[(static_cast<uint64_t>(place) << 32) | (column_state << 8) | number_state];
    ++cell.count;
    if (breached < candidates.size()) ++cell.uncertain;
    if (candidates.size() > 1 && table != nullptr && send.row < table->size()) {
      std::vector<std::string>& codes = uncertain_area_codes_[place];
      std::string code = AreaCode(table->e164[send.row]);
      if (codes.size() < kMaxAreaCodes && !code.empty() &&
          std::find(codes.begin(), codes.end(), code) == codes.end()) {
        codes.push_back(std::move(code));
      }
    }
    if (send.time_us < cell.first_us) {
      cell.first_us = send.time_us;
      cell.first_row = send.row;
      cell.first_zone = first_zone;
    }
    ++(reason == Refusal::kEarly ? cell.early : reason == Refusal::kLate ? cell.late : cell.closed);
    if (send.sender >= 0 && static_cast<size_t>(send.sender) < first_by_sender_.size()) {
      first_by_sender_[send.sender] = std::min(first_by_sender_[send.sender], send.time_us);
    }
    verdicts[i].quiet_hours = true;
  }
}

void QuietHoursRule::AddOutcomes(std::vector<RuleOutcome>& outcomes) const {
  RuleOutcome o;
  o.rule = rule_ids::kQuietHours;
  o.level = level_.value_or(Level::kError);
  for (const auto& [key, cell] : cells_) {
    o.over += cell.count;
    o.first_over_us = std::min(o.first_over_us, cell.first_us);
  }
  o.first_over_by_sender = first_by_sender_;
  outcomes.push_back(std::move(o));
}

std::string QuietHoursRule::RulesText(size_t column_state, size_t number_state) const {
  std::vector<std::string> parts;
  std::vector<const QuietHoursWindow*> seen;
  auto add = [&](size_t state) {
    for (const QuietHoursWindow* rule : RulesFor(state)) {
      if (std::find(seen.begin(), seen.end(), rule) != seen.end()) continue;
      seen.push_back(rule);
      parts.push_back(absl::StrCat(rule->state.empty() ? "federal" : rule->state, " ", rule->text));
    }
  };
  if (column_state != 0) add(column_state);
  if (number_state != 0) add(number_state);
  if (parts.empty()) add(0);
  return absl::StrJoin(parts, "; ");
}

void QuietHoursRule::Report(const ReportContext&, std::vector<Diagnostic>& findings,
                            std::vector<RuleOutcome>&) const {
  int64_t total = 0, uncertain = 0, first_us = INT64_MAX;
  for (const auto& [key, cell] : cells_) {
    total += cell.count;
    uncertain += cell.uncertain;
    first_us = std::min(first_us, cell.first_us);
  }
  if (total == 0 || !level_) return;
  const Campaign& campaign = *context_->campaign;
  const QuietHours& hours = context_->profile->quiet_hours;
  const RecipientTable* table = context_->recipients;
  const RecipientZones& zones = context_->recipient_zones;
  Diagnostic d;
  d.rule = rule_ids::kQuietHours;
  d.level = *level_;
  const Schedule& sch = campaign.schedule;
  d.span = SpanAt(campaign, FirstKnown({sch.window.pos, sch.start.pos, sch.pos}));
  d.message = absl::StrCat(
      Plural(total, "message lands", "messages land"),
      " outside the recipients' allowed local hours (federal ", hours.federal.text,
      "; stricter state and Canadian rules where they apply)",
      uncertain > 0 ? absl::StrCat(", ", WithCommas(uncertain),
                                   " of them only in some of the zones the number may be in")
                    : "",
      ", the first at ", FormatMicros(first_us, context_->zone));
  if (*level_ == Level::kWarning) {
    absl::StrAppend(&d.message, " (a warning: the law binds solicitations, but recipients still ",
                    "resent texts at night)");
  }
  std::vector<size_t> uncertain_places;
  for (const auto& [key, cell] : cells_) {
    const size_t place = key >> 32;
    const size_t column_state = (key >> 8) & 0xff, number_state = key & 0xff;
    std::string where = ZoneList(zones, place);
    if (zones.Uncertain(place)) where = absl::StrCat("one of ", where);
    std::vector<std::string> states;
    if (table && column_state != 0) states.push_back(table->states[column_state]);
    if (table && number_state != 0 && number_state != column_state) {
      states.push_back(absl::StrCat(table->states[number_state], " by the number"));
    }
    if (!states.empty()) absl::StrAppend(&where, ", ", absl::StrJoin(states, " and "));
    const size_t first_zone = cell.first_zone < clocks_.size() ? cell.first_zone : 0;
    std::string counts = absl::StrCat(cell.early, " too early, ", cell.late, " too late");
    if (cell.closed > 0) absl::StrAppend(&counts, ", ", cell.closed, " on a closed day");
    if (cell.uncertain > 0) absl::StrAppend(&counts, ", ", cell.uncertain, " in some zones only");
    d.notes.push_back(absl::StrCat(where, ": ", Plural(cell.count, "message"), " (", counts,
                                   "; allowed ", RulesText(column_state, number_state),
                                   "), first at ",
                                   absl::FormatTime("%Y-%m-%d %H:%M %Z", FromMicros(cell.first_us),
                                                    clocks_[first_zone].zone()),
                                   " local"));
    if (zones.Uncertain(place) && std::find(uncertain_places.begin(), uncertain_places.end(),
                                            place) == uncertain_places.end()) {
      uncertain_places.push_back(place);
      auto codes = uncertain_area_codes_.find(place);
      std::string area = "the numbers' prefix spans";
      if (codes != uncertain_area_codes_.end() && !codes->second.empty()) {
        std::vector<std::string> list = codes->second;
        area = list.size() == 1 ? absl::StrCat(list[0], " spans") : "";
        if (list.size() > 1) {
          const std::string last = list.back();
          list.pop_back();
          area = absl::StrCat(absl::StrJoin(list, ", "), " and ", last, " span");
        }
      }
      d.notes.push_back(absl::StrCat("zone uncertain: ", area, " ", ZoneList(zones, place),
                                     "; add a timezone column to be exact"));
    }
  }
  // The suggested window: the recommended one, narrowed to the weekday hours of
  // every rule a breaching recipient is held to (Rhode Island closes at 6 p.m.).
  int begin = hours.recommended.begin, end = hours.recommended.end;
  for (const auto& [key, cell] : cells_) {
    for (size_t state : {static_cast<size_t>((key >> 8) & 0xff), static_cast<size_t>(key & 0xff)}) {
      for (const QuietHoursWindow* rule : RulesFor(state)) {
        begin = std::max(begin, rule->days[0].begin);
        end = std::min(end, rule->days[0].end);
      }
    }
  }
  const std::string window = end > begin ? absl::StrFormat("%02d:%02d-%02d:%02d", begin / 60,
                                                           begin % 60, end / 60, end % 60)
                                         : hours.recommended_window;
  d.suggestion = sch.window.present
                     ? absl::StrCat(
                           "narrow schedule.window so it sits inside every recipient's "
                           "allowed hours (for example \"",
                           window, "\")")
                     : absl::StrCat("add schedule.window: \"", window,
                                    "\" (recipient-local time) so messages wait for each "
                                    "recipient's morning");
  findings.push_back(std::move(d));
}

}  // namespace smslint
