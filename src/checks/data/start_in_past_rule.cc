#include "checks/data/start_in_past_rule.h"

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "campaign/time_zones.h"

namespace smslint {

const RuleInfo* StartInPastRule::Info() const {
  static const RuleInfo info{
      .id = "data/start-in-past",
      .level = Level::kWarning,
      .summary = "schedule.start is in the past",
      .why =
          "A start that has passed is usually a copied campaign whose date was not updated. "
          "Sending platforms either refuse it or send at once, so the real send begins at "
          "another time of day (and on another weekday) than the one smslint simulated: quiet "
          "hours, windows and carrier day boundaries then no longer match the findings.",
      .fix = "Move schedule.start to the date and time the campaign will really start.",
      .source =
          "smslint: the simulation is only as good as its start time. The clock is the system "
          "time, or SMSLINT_NOW (e.g. 2026-11-01T09:00:00Z) for reproducible runs",
      .fire_examples = {"schedule.start 2026-10-01T10:00 America/New_York, now 2026-11-01"},
      .pass_examples = {"schedule.start 2026-12-01T10:00 America/New_York, now 2026-11-01"},
      .options = {},
      .origin = "builtin",
  };
  return &info;
}

void StartInPastRule::Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const {
  const Campaign& campaign = input.campaign;
  const Located<absl::CivilMinute>& start = campaign.schedule.start;
  if (input.now == absl::InfinitePast() || !start.present) return;
  const absl::TimeZone zone = ScheduleTimeZone(campaign);
  const absl::Time start_time = absl::FromCivil(start.value, zone);
  if (start_time >= input.now) return;
  Diagnostic d;
  d.rule = Info()->id;
  d.level = Level::kWarning;
  d.message =
      absl::StrCat("schedule.start ", absl::FormatTime("%Y-%m-%d %H:%M %Z", start_time, zone),
                   " is in the past (now ", absl::FormatTime("%Y-%m-%d %H:%M %Z", input.now, zone),
                   "): the real send would start at another time than the one simulated");
  const Position pos = start.pos;
  d.span = Span{campaign.path, pos.line, pos.column, pos.line, pos.column};
  d.suggestion = "set schedule.start to when the campaign will really start";
  out.push_back(std::move(d));
}

}  // namespace smslint
