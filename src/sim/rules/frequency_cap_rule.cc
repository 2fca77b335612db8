#include "sim/rules/frequency_cap_rule.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "diag/pii.h"
#include "sim/rules/finding_text.h"
#include "sim/rules/rule_ids.h"
#include "sim/simulator.h"
#include "util/strings.h"

namespace smslint {
namespace {

constexpr int64_t kDayMicros = int64_t{24} * 3'600'000'000;

// Whether the campaign's messages are telephone solicitations, the messages the
// state caps count (quiet_hours.yml `solicitation`; no use case: judged as one).
bool IsSolicitation(const Campaign& campaign, const QuietHours& hours) {
  if (!campaign.campaign.use_case.present) return true;
  const UseCase use_case = campaign.campaign.use_case.value;
  return std::find(hours.solicitation_use_cases.begin(), hours.solicitation_use_cases.end(),
                   use_case) != hours.solicitation_use_cases.end();
}

// The states whose law caps solicitations per 24 hours, for the descriptor.
std::string CappedStates() {
  absl::StatusOr<QuietHours> hours = LoadQuietHours();
  if (!hours.ok()) return "";
  std::vector<std::string> caps;
  for (const QuietHoursWindow& w : hours->states) {
    if (w.per_24h > 0) caps.push_back(absl::StrCat(w.state, " ", w.per_24h));
  }
  if (caps.empty()) return "";
  return absl::StrCat(" (per recipient: ", absl::StrJoin(caps, ", "), ")");
}

}  // namespace

bool SendsEachNumberOnce(const SendPlan& plan, const RecipientTable& table) {
  if (plan.rows_once) return true;
  std::vector<bool> planned(table.size(), false);
  for (const SendEvent& e : plan.events) {
    if (e.row >= table.size() || table.e164[e.row] == 0) continue;  // never counted
    if ((table.flags[e.row] & kRecipientDuplicate) != 0 || planned[e.row]) return false;
    planned[e.row] = true;
  }
  return true;
}

std::vector<RuleInfo> FrequencyCapRule::Infos() const {
  return {TrafficRuleInfo(
      rule_ids::kFrequencyCap, Level::kError,
      absl::StrCat("A recipient gets more solicitations within 24 hours than a state law allows",
                   CappedStates())
          .c_str(),
      "Some states cap the telephone solicitations, texts included, a person may get on one "
      "subject within a rolling 24 hours, whatever number sends them. Each campaign sends a "
      "recipient one message, so the cap is broken by a brand running several campaigns a day: "
      "smslint counts each recipient's messages (by E.164 number) across every campaign of the "
      "brand given in one run, in the recipient's state from the CSV's state column and from "
      "the number (the stricter cap applies). Only solicitation use cases count (those "
      "quiet_hours.yml lists as solicitations). The messages are still delivered: the statute, "
      "not a carrier, forbids them, so they are not in the outcome counts.",
      "Space the brand's campaigns so no recipient in a capped state gets more than the cap "
      "within 24 hours, or hold those recipients back from the later campaigns.",
      "State statutes in rules/profiles/quiet_hours.yml (per_24h; see smslint profiles)",
      {"4 marketing campaigns of one brand reach a Florida recipient within 24 hours"},
      {"4 marketing campaigns reach a New York recipient within 24 hours",
       "4 marketing campaigns reach a Florida recipient 25 hours apart",
       "4 delivery_notification campaigns reach a Florida recipient within 24 hours"})};
}

bool FrequencyCapRule::Setup(const RuleContext& context, FilterReasons&) {
  context_ = &context;
  state_ = context.portfolio != nullptr ? context.portfolio : &own_state_;
  breaches_.clear();
  first_by_sender_.assign(context.senders, INT64_MAX);
  const QuietHours& hours = context.profile->quiet_hours;
  const RecipientTable* table = context.recipients;
  if (table == nullptr || !IsSolicitation(*context.campaign, hours)) return false;
  law_of_state_.assign(std::max<size_t>(1, table->states.size()), nullptr);
  bool any = false;
  for (size_t s = 1; s < table->states.size(); ++s) {
    const QuietHoursWindow& law = hours.For(table->states[s]);
    if (law.per_24h > 0) law_of_state_[s] = &law, any = true;
  }
  if (!any) return false;
  // A campaign alone that sends each number once never goes over a cap (each is at
  // least 1): it keeps no per-number times (at 10M recipients, 50 MB of table).
  if (state_->campaigns <= 1 && context.plan != nullptr &&
      SendsEachNumberOnce(*context.plan, *table)) {
    return false;
  }
  return true;
}

void FrequencyCapRule::Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) {
  const RecipientTable& table = *context_->recipients;
  for (size_t i = 0; i < sends.size(); ++i) {
    if (verdicts[i].failed != nullptr) continue;  // never reached the recipient
    const Send& send = sends[i];
    if (send.row >= table.size() || table.e164[send.row] == 0) continue;
    // The stricter of the column's state and the number's.
    const QuietHoursWindow* law = nullptr;
    for (uint8_t s : {table.state[send.row], table.number_state[send.row]}) {
      const QuietHoursWindow* l = s < law_of_state_.size() ? law_of_state_[s] : nullptr;
      if (l != nullptr && (law == nullptr || l->per_24h < law->per_24h)) law = l;
    }
    if (law == nullptr) continue;
    const uint64_t number = table.e164[send.row];
    auto& times = state_->recent[number];
    // A rolling 24 hours: the messages of the last (t - 24 h, t].
    times.erase(times.begin(),
                std::upper_bound(times.begin(), times.end(), send.time_us - kDayMicros));
    times.insert(std::upper_bound(times.begin(), times.end(), send.time_us), send.time_us);
    const int count = static_cast<int>(times.size());
    if (count <= law->per_24h) continue;
    Breach& b = breaches_[law->state];
    b.law = law;
    ++b.messages;
    b.recipients.insert(number);
    b.most = std::max(b.most, count);
    if (send.time_us < b.first_us) b.first_us = send.time_us, b.first_row = send.row;
    ++state_->frequency_over;
    state_->over_recipients.insert(number);
    state_->max_in_24h = std::max(state_->max_in_24h, count);
    if (send.sender >= 0 && static_cast<size_t>(send.sender) < first_by_sender_.size()) {
      first_by_sender_[send.sender] = std::min(first_by_sender_[send.sender], send.time_us);
    }
  }
}

void FrequencyCapRule::AddOutcomes(std::vector<RuleOutcome>& outcomes) const {
  RuleOutcome o;
  o.rule = rule_ids::kFrequencyCap;
  o.level = Level::kError;
  for (const auto& [state, b] : breaches_) {
    o.over += b.messages;
    o.first_over_us = std::min(o.first_over_us, b.first_us);
    o.limit = o.limit == 0 ? b.law->per_24h : std::min<double>(o.limit, b.law->per_24h);
  }
  o.first_over_by_sender = first_by_sender_;
  outcomes.push_back(std::move(o));
}

void FrequencyCapRule::Report(const ReportContext&, std::vector<Diagnostic>& findings,
                              std::vector<RuleOutcome>&) const {
  if (breaches_.empty()) return;
  const Campaign& campaign = *context_->campaign;
  const RecipientTable& table = *context_->recipients;
  int64_t messages = 0;
  absl::flat_hash_set<uint64_t> recipients;
  const Breach* first = nullptr;
  std::vector<std::string> caps;
  for (const auto& [state, b] : breaches_) {
    messages += b.messages;
    recipients.insert(b.recipients.begin(), b.recipients.end());
    if (first == nullptr || b.first_us < first->first_us) first = &b;
    caps.push_back(absl::StrCat(state, " ", b.law->per_24h));
  }
  const uint64_t number = table.e164[first->first_row];
  const std::string shown = context_->show_pii ? absl::StrCat("+", number) : MaskNumber(number);
  const std::string where =
      campaign.recipients.file.present
          ? absl::StrCat(campaign.recipients.file.value, " line ",
                         table.source_line[first->first_row])
          : absl::StrCat("recipients.list, line ", table.source_line[first->first_row]);
  Diagnostic d;
  d.rule = rule_ids::kFrequencyCap;
  d.level = Level::kError;
  d.span = SpanAt(campaign, FirstKnown({campaign.recipients.file.pos, campaign.recipients.pos,
                                        campaign.schedule.start.pos}));
  d.message = absl::StrCat(
      Plural(messages, "message"), " to ",
      Plural(static_cast<int64_t>(recipients.size()), "recipient"),
      " go over the solicitations a state allows per 24 hours (", absl::StrJoin(caps, ", "),
      "), counted across the brand's campaigns in this run: a recipient in ", first->law->state,
      " gets up to ", first->most, " within 24 hours, the first over the cap at ",
      FormatMicros(first->first_us, context_->zone), " to ", shown, " (", where,
      "); they are delivered, so this is not reflected in the outcome counts");
  for (const auto& [state, b] : breaches_) {
    d.notes.push_back(absl::StrCat(state, ": at most ", b.law->per_24h, " per 24 hours (",
                                   b.law->per_24h_source, "); ", Plural(b.messages, "message"),
                                   " over it to ",
                                   Plural(static_cast<int64_t>(b.recipients.size()), "recipient"),
                                   ", up to ", b.most, " within 24 hours"));
  }
  d.suggestion =
      absl::StrCat("space the brand's campaigns at least 24 hours apart for recipients in ",
                   absl::StrJoin(breaches_, ", ",
                                 [](std::string* out, const auto& kv) { out->append(kv.first); }),
                   ", or hold back from this campaign the recipients the others already reach");
  findings.push_back(std::move(d));
}

}  // namespace smslint
