// QuietHoursRule: per-message verdicts and the exemption read from quiet_hours.yml.
#include "sim/rules/quiet_hours_rule.h"

#include <doctest/doctest.h>

#include <functional>
#include <map>

#include "campaign/time_zones.h"
#include "sim/rules/rule_ids.h"
#include "sim/rules/rule_test_util.h"
#include "sim/sim_test_util.h"

namespace smslint {
namespace {

using testing::P2P;

TEST_CASE("QuietHoursRule: a row's clock is the zone the simulator resolved for its zone set") {
  const Profile& p = P2P();
  Campaign c = testing::MakeCampaign(Route::kP2P, 1, 2);
  RecipientTable table = testing::MakeRecipients(2, {"America/Chicago", "America/Los_Angeles"});
  table.zone_set[1] = 1;
  testing::RuleFixture f(c, p);  // the schedule: UTC
  f.context.recipients = &table;
  f.context.recipient_zones = ResolveRecipientZones(&table, f.context.zone, f.plan.start);
  QuietHoursRule rule;
  REQUIRE(rule.Setup(f.context, f.reasons));
  // 15:30 UTC: 09:30 in Chicago (inside 08:00-21:00), 07:30 in Los Angeles (before it).
  const int64_t minute = 60'000'000;
  const int64_t at = (15 * 60 + 30 - 10 * 60) * minute;  // the fixture starts 10:00 UTC
  MessageVerdict chicago, los_angeles;
  Send send = f.At(at, 0);
  send.row = 0;
  testing::ObserveOne(rule, send, chicago);
  send.row = 1;
  testing::ObserveOne(rule, send, los_angeles);
  CHECK(!chicago.quiet_hours);
  CHECK(los_angeles.quiet_hours);
}

TEST_CASE("QuietHoursRule: a message outside the federal window is marked, per sender") {
  const Profile& p = P2P();
  Campaign c = testing::MakeCampaign(Route::kP2P, 1, 2);
  testing::RuleFixture f(c, p);  // UTC, no table: the schedule's zone applies
  QuietHoursRule rule;
  REQUIRE(rule.Setup(f.context, f.reasons));
  // The fixture starts 10:00 UTC, inside the window; the federal end is later.
  const int64_t minute = 60'000'000;
  const int64_t to_end = (p.quiet_hours.federal.days[1].end - 10 * 60) * minute;
  MessageVerdict verdict;
  testing::ObserveOne(rule, f.At(to_end - minute, 0), verdict);
  CHECK(!verdict.quiet_hours);
  testing::ObserveOne(rule, f.At(to_end, 1), verdict);
  CHECK(verdict.quiet_hours);
  CHECK(verdict.filter_signal.empty());  // quiet hours do not feed the filter model
  std::vector<RuleOutcome> outcomes;
  rule.AddOutcomes(outcomes);
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].rule == rule_ids::kQuietHours);
  CHECK(outcomes[0].over == 1);
  CHECK(outcomes[0].first_over_by_sender[0] == INT64_MAX);
  CHECK(outcomes[0].first_over_by_sender[1] == f.context.start_us + to_end);
}

TEST_CASE("QuietHoursRule: the use cases quiet_hours.yml exempts are not observed") {
  const Profile& p = P2P();
  REQUIRE(!p.quiet_hours.exempt_use_cases.empty());
  Campaign c = testing::MakeCampaign(Route::kP2P, 1);
  c.campaign.use_case = testing::At(p.quiet_hours.exempt_use_cases.front(), 3);
  testing::RuleFixture f(c, p);
  QuietHoursRule rule;
  CHECK(!rule.Setup(f.context, f.reasons));
  std::vector<Diagnostic> findings;
  std::vector<RuleOutcome> outcomes, judged;
  rule.AddOutcomes(outcomes);
  CHECK(!outcomes[0].crossed());
  ReportContext report;
  report.run = &f.context;
  report.outcomes = &outcomes;
  rule.Report(report, findings, judged);
  CHECK(findings.empty());
}

// One recipient with candidate zones `zones`, a `state` column value and the
// number's state, judged at a civil time in `clock_zone`.
struct OneRecipient {
  OneRecipient(std::vector<std::string> zones, std::string column_state, std::string number_state,
               uint64_t e164 = 16025550100ULL, UseCase use_case = UseCase::kMarketing)
      : campaign(testing::MakeCampaign(Route::kP2P, 1)), fixture(campaign, P2P()) {
    campaign.campaign.use_case = testing::At(use_case, 3);
    table = testing::MakeRecipients(1, {}, StateCodes());
    table.zone_sets = {{}, std::move(zones)};
    table.zone_set[0] = 1;
    table.e164[0] = e164;
    table.state[0] = StateIndex(column_state);
    table.number_state[0] = StateIndex(number_state);
    if (table.state[0] == 0) table.state[0] = table.number_state[0];
    fixture.context.recipients = &table;
    fixture.context.recipient_zones =
        ResolveRecipientZones(&table, fixture.context.zone, fixture.plan.start);
    on = rule.Setup(fixture.context, fixture.reasons);
  }

  // Whether a message at `civil` in `zone_name` lands in quiet hours.
  bool QuietAt(const char* zone_name, int y, int mo, int d, int h, int mi) {
    const absl::CivilMinute civil(y, mo, d, h, mi);
    absl::TimeZone zone;
    REQUIRE(absl::LoadTimeZone(zone_name, &zone));
    const int64_t at = absl::ToUnixMicros(absl::FromCivil(civil, zone));
    MessageVerdict verdict;
    testing::ObserveOne(rule, fixture.At(at - fixture.context.start_us, 0), verdict);
    return verdict.quiet_hours;
  }

  std::vector<Diagnostic> Findings() {
    std::vector<RuleOutcome> outcomes, judged;
    rule.AddOutcomes(outcomes);
    ReportContext report;
    report.run = &fixture.context;
    report.outcomes = &outcomes;
    std::vector<Diagnostic> findings;
    rule.Report(report, findings, judged);
    return findings;
  }

  Campaign campaign;
  testing::RuleFixture fixture;
  RecipientTable table;
  QuietHoursRule rule;
  bool on = false;
};

bool AnyNoteHas(const Diagnostic& d, std::string_view text) {
  for (const std::string& note : d.notes) {
    if (note.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST_CASE("QuietHoursRule: Arizona's 602 is judged in Denver and Phoenix, per message") {
  // Summer: Denver (MDT) is an hour ahead of Phoenix (MST all year).
  OneRecipient az({"America/Denver", "America/Phoenix"}, "", "AZ");
  REQUIRE(az.on);
  CHECK(az.QuietAt("America/Phoenix", 2027, 7, 6, 7, 30));  // 07:30 Phoenix, 08:30 Denver
  CHECK(!az.QuietAt("America/Phoenix", 2027, 7, 6, 8, 30));
  CHECK(az.QuietAt("America/Phoenix", 2027, 7, 6, 20, 30));  // 21:30 Denver
  CHECK(!az.QuietAt("America/Phoenix", 2027, 7, 6, 19, 30));
  // Winter: one clock, so 20:30 Phoenix is inside 08:00-21:00 in both.
  CHECK(!az.QuietAt("America/Phoenix", 2026, 12, 8, 20, 30));
  CHECK(az.QuietAt("America/Phoenix", 2026, 12, 8, 7, 59));
  // Across the March change: the morning of 2027-03-14 (a Sunday) Denver jumps ahead.
  CHECK(!az.QuietAt("America/Phoenix", 2027, 3, 13, 20, 30));  // Saturday, same clock
  CHECK(az.QuietAt("America/Phoenix", 2027, 3, 14, 20, 30));   // 21:30 MDT
  // And back in November: from 2026-11-01 the clocks agree again.
  CHECK(az.QuietAt("America/Phoenix", 2026, 10, 31, 20, 30));  // 21:30 MDT
  CHECK(!az.QuietAt("America/Phoenix", 2026, 11, 2, 20, 30));
  std::vector<Diagnostic> findings = az.Findings();
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].level == Level::kError);
  CHECK(findings[0].message.find("5 messages") == 0);
  CHECK(findings[0].message.find("4 of them only in some of the zones") != std::string::npos);
  CHECK(AnyNoteHas(findings[0],
                   "zone uncertain: 602 spans America/Denver and America/Phoenix; add a "
                   "timezone column to be exact"));
}

TEST_CASE("QuietHoursRule: a timezone column makes Arizona exact") {
  OneRecipient az({"America/Phoenix"}, "AZ", "AZ");
  CHECK(!az.QuietAt("America/Phoenix", 2027, 7, 6, 20, 30));
  CHECK(az.QuietAt("America/Phoenix", 2027, 7, 6, 7, 30));
  std::vector<Diagnostic> findings = az.Findings();
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.find("only in some") == std::string::npos);
  CHECK(!AnyNoteHas(findings[0], "zone uncertain"));
}

TEST_CASE("QuietHoursRule: Alaska's 907 at 21:30 Anchorage is late even if Adak reads 20:30") {
  OneRecipient ak({"America/Adak", "America/Anchorage"}, "", "AK", 19075550100ULL);
  CHECK(ak.QuietAt("America/Anchorage", 2026, 12, 8, 21, 30));
  CHECK(!ak.QuietAt("America/Anchorage", 2026, 12, 8, 12, 0));
}

TEST_CASE("QuietHoursRule: the column's state and the number's both apply, the stricter wins") {
  // Lives in Texas (9:00 opening), number from Florida (20:00 close).
  OneRecipient both({"America/Chicago"}, "TX", "FL", 13055550100ULL);
  CHECK(both.QuietAt("America/Chicago", 2026, 12, 8, 8, 30));   // Texas: too early
  CHECK(both.QuietAt("America/Chicago", 2026, 12, 8, 20, 30));  // Florida: too late
  CHECK(!both.QuietAt("America/Chicago", 2026, 12, 8, 12, 0));
  // Washington's 8 p.m. from the number even with a New York column.
  OneRecipient wa({"America/Los_Angeles"}, "NY", "WA", 12065550100ULL);
  CHECK(wa.QuietAt("America/Los_Angeles", 2026, 12, 8, 20, 30));
  // A state without its own law: the federal window.
  OneRecipient ny({"America/New_York"}, "", "NY", 12125550100ULL);
  CHECK(!ny.QuietAt("America/New_York", 2026, 12, 8, 20, 30));
  CHECK(ny.QuietAt("America/New_York", 2026, 12, 8, 21, 0));
}

TEST_CASE("QuietHoursRule: Sundays and federal holidays close where the state says so") {
  OneRecipient al({"America/Chicago"}, "AL", "AL", 12055550100ULL);
  CHECK(!al.QuietAt("America/Chicago", 2026, 11, 25, 12, 0));  // Wednesday
  CHECK(al.QuietAt("America/Chicago", 2026, 11, 26, 12, 0));   // Thanksgiving
  CHECK(al.QuietAt("America/Chicago", 2026, 11, 29, 12, 0));   // Sunday
  OneRecipient ri({"America/New_York"}, "RI", "RI", 14015550100ULL);
  CHECK(ri.QuietAt("America/New_York", 2026, 12, 8, 18, 30));  // after 6 p.m.
  CHECK(ri.QuietAt("America/New_York", 2026, 12, 12, 9, 30));  // Saturday opens 10:00
  CHECK(!ri.QuietAt("America/New_York", 2026, 12, 12, 10, 30));
  std::vector<Diagnostic> findings = ri.Findings();
  REQUIRE(findings.size() == 1);
  // The suggested window narrows to Rhode Island's weekday hours.
  CHECK(findings[0].suggestion.find("\"09:00-18:00\"") != std::string::npos);
  // Mississippi closes Sundays only: federal holidays stay open.
  OneRecipient ms({"America/Chicago"}, "MS", "MS", 16015550100ULL);
  CHECK(!ms.QuietAt("America/Chicago", 2026, 11, 26, 12, 0));
  CHECK(ms.QuietAt("America/Chicago", 2026, 11, 29, 12, 0));
}

TEST_CASE("QuietHoursRule: a holiday in one candidate zone and not another, asked in turn") {
  // Guam is 16 hours ahead of Chicago: 18:00 in Chicago is 10:00 the next day there.
  // Alabama closes federal holidays; one message's zones ask about two local days.
  OneRecipient al({"America/Chicago", "Pacific/Guam"}, "AL", "AL", 12055550100ULL);
  REQUIRE(al.on);
  CHECK(!al.QuietAt("America/Chicago", 2026, 11, 24, 18, 0));  // Guam: Wednesday
  CHECK(al.QuietAt("America/Chicago", 2026, 11, 25, 18, 0));   // Guam: Thanksgiving
  CHECK(!al.QuietAt("America/Chicago", 2026, 11, 24, 18, 0));
  CHECK(al.QuietAt("America/Chicago", 2026, 11, 25, 18, 0));
  CHECK(al.QuietAt("America/Chicago", 2026, 11, 26, 12, 0));  // Chicago: Thanksgiving
  // Eight days after Thanksgiving, and the days between, are working days.
  CHECK(!al.QuietAt("America/Chicago", 2026, 12, 3, 18, 0));  // Guam: Friday, December 4
  CHECK(!al.QuietAt("America/Chicago", 2026, 12, 4, 18, 0));  // Guam: Saturday
  CHECK(al.QuietAt("America/Chicago", 2026, 11, 25, 18, 0));
}

TEST_CASE("QuietHoursRule: Canadian recipients follow Canada's hours, not 47 CFR") {
  OneRecipient on({"America/Toronto"}, "", "ON", 14165550100ULL);
  CHECK(!on.QuietAt("America/Toronto", 2026, 12, 8, 21, 15));  // federal would close at 21:00
  CHECK(on.QuietAt("America/Toronto", 2026, 12, 8, 8, 30));    // opens 09:00
  CHECK(on.QuietAt("America/Toronto", 2026, 12, 12, 18, 30));  // Saturday closes 18:00
  CHECK(!on.QuietAt("America/Toronto", 2026, 12, 12, 12, 0));
}

TEST_CASE("QuietHoursRule: scope by use case comes from quiet_hours.yml") {
  // Solicitations: an error.
  for (UseCase u : {UseCase::kMarketing, UseCase::kMixed, UseCase::kSweepstake}) {
    OneRecipient r({"America/Chicago"}, "TX", "TX", 12145550100ULL, u);
    REQUIRE(r.on);
    CHECK(r.QuietAt("America/Chicago", 2026, 12, 8, 8, 0));
    std::vector<Diagnostic> findings = r.Findings();
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].level == Level::kError);
  }
  // A delivery notice at 08:00 in Texas: a warning, not an error.
  for (UseCase u : {UseCase::kDeliveryNotification, UseCase::kAccountNotification,
                    UseCase::kPolitical, UseCase::kCharity}) {
    OneRecipient r({"America/Chicago"}, "TX", "TX", 12145550100ULL, u);
    REQUIRE(r.on);
    CHECK(r.QuietAt("America/Chicago", 2026, 12, 8, 8, 0));
    std::vector<Diagnostic> findings = r.Findings();
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].level == Level::kWarning);
  }
  // Time-critical messages: not judged at all.
  for (UseCase u :
       {UseCase::kTwoFactor, UseCase::kFraudAlert, UseCase::kSecurityAlert, UseCase::kEmergency}) {
    OneRecipient r({"America/Chicago"}, "TX", "TX", 12145550100ULL, u);
    CHECK(!r.on);
  }
}

// The descriptor's examples, each as a recipient and a send time: `explain` shows
// them, so they must do what they say.
TEST_CASE("QuietHoursRule: every fire example fires and every pass example does not") {
  const std::string window = "window " + P2P().quiet_hours.recommended_window;
  using Scenario = std::function<bool()>;
  auto fires = [](OneRecipient& r, const char* zone, int y, int mo, int d, int h, int mi) {
    return r.on && r.QuietAt(zone, y, mo, d, h, mi) && !r.Findings().empty();
  };
  const std::map<std::string, Scenario> scenarios = {
      {"start 20:30 New York, no window",
       [&] {
         OneRecipient r({"America/New_York"}, "", "FL", 13055550100ULL);
         return fires(r, "America/New_York", 2026, 12, 8, 20, 30);
       }},
      {"602 number (Denver or Phoenix), 07:30 Phoenix in July",
       [&] {
         OneRecipient r({"America/Denver", "America/Phoenix"}, "", "AZ");
         return fires(r, "America/Phoenix", 2027, 7, 6, 7, 30);
       }},
      {"907 number (Anchorage or Adak), 21:30 Anchorage",
       [&] {
         OneRecipient r({"America/Adak", "America/Anchorage"}, "", "AK", 19075550100ULL);
         return fires(r, "America/Anchorage", 2026, 12, 8, 21, 30);
       }},
      {"Rhode Island recipient, 18:30 Tuesday",
       [&] {
         OneRecipient r({"America/New_York"}, "RI", "RI", 14015550100ULL);
         return fires(r, "America/New_York", 2026, 12, 8, 18, 30);
       }},
      {"Alabama recipient, noon on Thanksgiving",
       [&] {
         OneRecipient r({"America/Chicago"}, "AL", "AL", 12055550100ULL);
         return fires(r, "America/Chicago", 2026, 11, 26, 12, 0);
       }},
      {"Ontario recipient, 08:30 Tuesday",
       [&] {
         OneRecipient r({"America/Toronto"}, "", "ON", 14165550100ULL);
         return fires(r, "America/Toronto", 2026, 12, 8, 8, 30);
       }},
      {"delivery_notification, Texas recipient, 08:00 (a warning)",
       [&] {
         OneRecipient r({"America/Chicago"}, "TX", "TX", 12145550100ULL,
                        UseCase::kDeliveryNotification);
         return fires(r, "America/Chicago", 2026, 12, 8, 8, 0) &&
                r.Findings()[0].level == Level::kWarning;
       }},
      {window,
       [&] {
         OneRecipient r({"America/New_York"}, "", "NY", 12125550100ULL);
         const LocalWindow w = P2P().quiet_hours.recommended;
         return fires(r, "America/New_York", 2026, 12, 8, w.begin / 60, w.begin % 60) ||
                fires(r, "America/New_York", 2026, 12, 8, (w.end - 1) / 60, (w.end - 1) % 60);
       }},
      {"602 number with timezone America/Phoenix, 20:30 in July",
       [&] {
         OneRecipient r({"America/Phoenix"}, "", "AZ");
         return fires(r, "America/Phoenix", 2027, 7, 6, 20, 30);
       }},
      {"Ontario recipient, 21:15 Tuesday",
       [&] {
         OneRecipient r({"America/Toronto"}, "", "ON", 14165550100ULL);
         return fires(r, "America/Toronto", 2026, 12, 8, 21, 15);
       }},
      {"two_factor passcode, New York, 23:00",
       [&] {
         OneRecipient r({"America/New_York"}, "", "NY", 12125550100ULL, UseCase::kTwoFactor);
         return r.on;
       }},
  };
  QuietHoursRule rule;
  const RuleInfo info = rule.Infos()[0];
  size_t seen = 0;
  for (bool fire : {true, false}) {
    for (const std::string& example : fire ? info.fire_examples : info.pass_examples) {
      CAPTURE(example);
      auto it = scenarios.find(example);
      REQUIRE_MESSAGE(it != scenarios.end(), "no scenario for this example");
      CHECK(it->second() == fire);
      ++seen;
    }
  }
  CHECK(seen == scenarios.size());
}

TEST_CASE("QuietHoursRule: the descriptor's fix names the recommended window from the data") {
  QuietHoursRule rule;
  std::vector<RuleInfo> infos = rule.Infos();
  REQUIRE(infos.size() == 1);
  CHECK(infos[0].id == rule_ids::kQuietHours);
  CHECK(infos[0].fix.find("\"" + P2P().quiet_hours.recommended_window + "\"") != std::string::npos);
}

}  // namespace
}  // namespace smslint
