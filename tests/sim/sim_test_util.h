// Builders for simulator tests: a campaign and a recipient table in a few lines.
#ifndef SMSLINT_TESTS_SIM_SIM_TEST_UTIL_H_
#define SMSLINT_TESTS_SIM_SIM_TEST_UTIL_H_

#include <doctest/doctest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "campaign/campaign.h"
#include "campaign/recipients.h"
#include "sim/plan_search.h"
#include "sim/profile.h"
#include "sim/simulator.h"

namespace smslint::testing {

template <typename T>
Located<T> At(T value, int line = 1) {
  Located<T> located;
  located.value = std::move(value);
  located.pos = Position{line, 1};
  located.present = true;
  return located;
}

// A campaign starting 2026-12-01 (a Tuesday) 10:00 New York, one sender, one
// template, the given route and per-second rate.
inline Campaign MakeCampaign(Route route, double per_second, int senders = 1) {
  Campaign c;
  c.path = "campaign.yaml";
  c.campaign.route = At(route, 5);
  c.campaign.country = At(std::string("US"), 4);
  c.campaign.use_case = At(UseCase::kMarketing, 3);
  for (int i = 0; i < senders; ++i) {
    c.senders.push_back(Sender{At(std::string("+1415555") + std::to_string(1000 + i), 10 + i)});
  }
  Template t;
  t.id = At(std::string("promo"), 20);
  TextValue body;
  body.text =
      "Acme: hi {{first_name|there}}, 20% off today at https://acme.com/x Reply STOP to opt out";
  t.body = At(body, 21);
  t.weight = At(1.0, 22);
  t.pos = Position{20, 5};
  c.templates.push_back(t);
  c.schedule.start = At(absl::CivilMinute(2026, 12, 1, 10, 0), 30);
  c.schedule.timezone = At(std::string("America/New_York"), 31);
  Rate rate;
  rate.per_second = per_second;
  rate.text = "rate";
  c.schedule.rate = At(rate, 32);
  c.schedule.pos = Position{29, 1};
  return c;
}

// `count` valid recipients in zone set 0 ({"America/New_York"}), state unknown;
// zone set i holds the one zone zones[i].
inline RecipientTable MakeRecipients(size_t count,
                                     std::vector<std::string> zones = {"America/New_York"},
                                     std::vector<std::string> states = {""}) {
  RecipientTable t;
  t.columns = {"phone"};
  for (std::string& zone : zones) t.zone_sets.push_back({std::move(zone)});
  t.states = std::move(states);
  for (size_t i = 0; i < count; ++i) {
    t.e164.push_back(12125550000ULL + i);
    t.zone_set.push_back(0);
    t.state.push_back(0);
    t.number_state.push_back(0);
    t.source_line.push_back(static_cast<uint32_t>(i + 2));
    t.flags.push_back(0);
  }
  t.fields.resize(1);
  return t;
}

inline Profile MustLoad(const std::string& name) {
  absl::StatusOr<Profile> p = LoadProfile(name);
  if (!p.ok()) throw std::runtime_error(std::string(p.status().message()));
  return *p;
}

// A profile limit by id: tests read thresholds from the profile files, never copy them.
inline const Limit& LimitOf(const Profile& p, const std::string& id) {
  for (const Limit& l : p.limits) {
    if (l.id == id) return l;
  }
  throw std::runtime_error(p.name + " has no limit '" + id + "'");
}

// A limit's value as a whole count ("1,000 a day").
inline size_t CountOf(const Profile& p, const std::string& id) {
  return static_cast<size_t>(LimitOf(p, id).value);
}

// The p2p profile, loaded once for every test.
inline const Profile& P2P() {
  static const Profile p = MustLoad("p2p");
  return p;
}

inline int CountRule(const SimulationOutput& out, const std::string& rule,
                     std::optional<Level> level = std::nullopt) {
  int n = 0;
  for (const Diagnostic& d : out.diagnostics) {
    if (d.rule == rule && (!level || d.level == *level)) ++n;
  }
  return n;
}

inline const Diagnostic* FindRule(const SimulationOutput& out, const std::string& rule) {
  for (const Diagnostic& d : out.diagnostics) {
    if (d.rule == rule) return &d;
  }
  return nullptr;
}

inline SimulationInput InputOf(const Campaign& c, const RecipientTable& r, const Profile& p,
                               uint64_t seed, std::vector<Diagnostic> content) {
  SimulationInput in;
  in.campaign = &c;
  in.recipients = &r;
  in.profile = &p;
  in.seed = seed;
  in.content_findings = std::move(content);
  return in;
}

inline SimulationOutput Run(const Campaign& c, const RecipientTable& r, const Profile& p,
                            uint64_t seed = 1, std::vector<Diagnostic> content = {}) {
  return Simulate(InputOf(c, r, p, seed, std::move(content)));
}

// The recommendation's search (sim/plan_search.h) on a campaign as written.
inline Recommendation Recommend(const Campaign& c, const RecipientTable& r, const Profile& p,
                                uint64_t seed = 1, std::vector<Diagnostic> content = {}) {
  const SimulationInput in = InputOf(c, r, p, seed, std::move(content));
  return SearchPlan(in, Simulate(in), {});
}

inline int64_t Micros(absl::CivilSecond cs, const char* zone) {
  absl::TimeZone tz;
  absl::LoadTimeZone(zone, &tz);
  return absl::ToUnixMicros(absl::FromCivil(cs, tz));
}

// Every count of two outcomes, and when filtering and quiet hours began, equal.
inline void CheckSameOutcomes(const Outcomes& a, const Outcomes& b) {
  CHECK(a.sent == b.sent);
  CHECK(a.segments == b.segments);
  CHECK(a.delivered == b.delivered);
  CHECK(a.late == b.late);
  CHECK(a.stale == b.stale);
  CHECK(a.failed == b.failed);
  CHECK(a.filtered == b.filtered);
  CHECK(a.quiet_hours == b.quiet_hours);
  CHECK(a.first_filtered.time == b.first_filtered.time);
  CHECK(a.first_quiet.time == b.first_quiet.time);
}

// Two recommendations alike in everything a report shows.
inline void CheckSameRecommendation(const Recommendation& a, const Recommendation& b) {
  CHECK(static_cast<int>(a.kind) == static_cast<int>(b.kind));
  CHECK(a.text == b.text);
  CHECK(a.simulations == b.simulations);
  CHECK(a.remaining == b.remaining);
  CHECK(a.causes == b.causes);
  CHECK(a.end == b.end);
  REQUIRE(a.plan.size() == b.plan.size());
  for (size_t i = 0; i < a.plan.size(); ++i) {
    CHECK(a.plan[i].key == b.plan[i].key);
    CHECK(a.plan[i].value == b.plan[i].value);
    CHECK(a.plan[i].count == b.plan[i].count);
  }
  CheckSameOutcomes(a.predicted, b.predicted);
}

}  // namespace smslint::testing

#endif  // SMSLINT_TESTS_SIM_SIM_TEST_UTIL_H_
