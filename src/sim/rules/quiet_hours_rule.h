// traffic/quiet-hours: a message lands outside the recipient's allowed local hours
// (the federal window, the recipient's state's, or Canada's), in any of the zones
// the recipient's number may be in.
#ifndef SMSLINT_SIM_RULES_QUIET_HOURS_RULE_H_
#define SMSLINT_SIM_RULES_QUIET_HOURS_RULE_H_

#include <array>
#include <map>
#include <optional>
#include <vector>

#include "sim/local_time.h"
#include "sim/rules/traffic_rule.h"

namespace smslint {

class QuietHoursRule : public TrafficRule {
 public:
  std::vector<RuleInfo> Infos() const override;
  bool Setup(const RuleContext& context, FilterReasons& reasons) override;
  void Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) override;
  void AddOutcomes(std::vector<RuleOutcome>& outcomes) const override;
  void Report(const ReportContext& context, std::vector<Diagnostic>& findings,
              std::vector<RuleOutcome>& judged) const override;

  // Why a local moment is outside a set of rules' allowed hours.
  enum class Refusal { kNone, kEarly, kLate, kClosedDay };

 private:
  // One place (candidate zones) and state pair (column, number).
  struct Cell {
    int64_t count = 0;
    int64_t uncertain = 0;  // outside the hours in some candidate zones, not all
    int64_t first_us = INT64_MAX;
    uint32_t first_row = 0;
    size_t first_zone = 0;  // the candidate zone the first message broke the hours in
    int64_t early = 0;      // before the window opens
    int64_t late = 0;       // after it closes
    int64_t closed = 0;     // on a closed day (Sunday, holiday)
  };

  // The rules a row is held to: one or two (column state and number state), each a
  // state's with the federal window, the federal window alone, or Canada's.
  std::vector<const QuietHoursWindow*> RulesFor(size_t state) const;
  Refusal Judge(size_t column_state, size_t number_state, const LocalMoment& local);
  // Whether `local` is inside every window a recipient can be held to (no state
  // needed): most of a send within its hours is judged so.
  bool OpenEverywhere(const LocalMoment& local) {
    const LocalWindow& open = open_everywhere_[local.weekday];
    return local.minute_of_day >= open.begin && local.minute_of_day < open.end &&
           !(any_holiday_rule_ && Holiday(local.day));
  }
  bool Holiday(int64_t day);
  std::string RulesText(size_t column_state, size_t number_state) const;

  const RuleContext* context_ = nullptr;
  std::optional<Level> level_;
  std::vector<LocalClock> clocks_;  // per RecipientZones::zones entry
  // Per clock: a local minute found open everywhere, as its UTC stretch [from, to):
  // the messages after it in the same minute (hundreds at a high rate) are open
  // too, with no local time or window worked out. Emptied by Setup.
  struct OpenMinute {
    int64_t from_us = 0;
    int64_t to_us = 0;
  };
  std::vector<OpenMinute> open_minute_;
  size_t state_count_ = 1;
  // Per table state: the rules it holds a recipient to (RulesFor, computed once).
  std::vector<std::array<const QuietHoursWindow*, 2>> rules_of_state_;
  std::map<uint64_t, Cell> cells_;  // key: place << 32 | column state << 8 | number state
  std::vector<int64_t> first_by_sender_;
  // Per place with several candidate zones: the area codes seen there, in order.
  std::map<size_t, std::vector<std::string>> uncertain_area_codes_;
  // The local days asked about and their answers, by day modulo 8: the zones of one
  // moment span at most three local days (UTC-12 to UTC+14), so a run through the
  // zones of one message never evicts a day it asks about again. Emptied (INT64_MIN)
  // by Setup.
  std::array<int64_t, 8> holiday_day_{};
  std::array<bool, 8> holiday_{};
  // Per weekday: the minutes inside the windows of every rule in rules_of_state_.
  std::array<LocalWindow, 7> open_everywhere_{};
  bool any_holiday_rule_ = false;  // one of those rules closes on holidays
};

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_QUIET_HOURS_RULE_H_
