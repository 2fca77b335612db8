#include "sim/profile.h"

#include <doctest/doctest.h>

#include "sim/simulator.h"
#include "sim_test_util.h"

namespace smslint {
namespace {

using testing::At;
using testing::MakeCampaign;

TEST_CASE("profiles: every embedded profile loads, every limit has a unit and a source") {
  std::vector<std::string> names = ProfileNames();
  for (const char* expected : {"10dlc", "ca_long_code", "p2p", "short_code", "toll_free"}) {
    CHECK(std::find(names.begin(), names.end(), expected) != names.end());
  }
  CHECK(std::find(names.begin(), names.end(), "quiet_hours") == names.end());
  for (const std::string& name : names) {
    absl::StatusOr<Profile> p = LoadProfile(name);
    REQUIRE_MESSAGE(p.ok(), p.status().message());
    CHECK(p->name == name);
    CHECK(p->queue.validity_seconds == 36000);
    CHECK(!p->queue.source.empty());
    CHECK(!p->queue.release.empty());
    for (const ReleaseRate& r : p->queue.release) {
      CHECK(!r.unit.empty());
      CHECK(!r.source.empty());
    }
    CHECK(!p->snowshoeing.source.empty());
    for (const Limit& l : p->limits) {
      CHECK(!l.unit.empty());
      CHECK(!l.source.empty());
      CHECK(l.value > 0);
    }
    CHECK(p->quiet_hours.federal.days[0].begin == 8 * 60);
    CHECK(p->quiet_hours.federal.days[0].end == 21 * 60);
  }
}

TEST_CASE("profiles: the p2p figures are CTIA's typical human operation") {
  Profile p = testing::MustLoad("p2p");
  auto value = [&](const char* id) {
    for (const Limit& l : p.limits) {
      if (l.id == id) return l.value;
    }
    return -1.0;
  };
  // About 1 msg/s: the provider releases one segment a second per number.
  REQUIRE(p.queue.release.size() == 1);
  CHECK(p.queue.release[0].value == 1);
  CHECK(p.queue.release[0].scope == Scope::kSender);
  CHECK(p.snowshoeing.level == Level::kError);
  CHECK(value("per-minute-typical") == 15);
  CHECK(value("per-day") == 1000);
  CHECK(value("unique-recipients") == 3000);
  CHECK(value("fan-out") == 100);
  CHECK(value("repetition") == 25);
  REQUIRE(p.balance);
  CHECK(p.balance->tolerance == 3);
}

TEST_CASE("profiles: 10dlc T-Mobile tiers follow the trust score") {
  Profile p = testing::MustLoad("10dlc");
  const DailyCap* cap = nullptr;
  for (const DailyCap& c : p.caps) {
    if (c.id == "tmobile-daily-cap") cap = &c;
  }
  REQUIRE(cap != nullptr);
  CHECK(cap->ValueFor(80, true) == 200000);
  CHECK(cap->ValueFor(75, true) == 200000);
  CHECK(cap->ValueFor(74, true) == 40000);
  CHECK(cap->ValueFor(30, true) == 10000);
  CHECK(cap->ValueFor(10, true) == 2000);
  CHECK(cap->ValueFor(0, false) == 2000);
  CHECK(cap->reset_zone == "America/Los_Angeles");
  CHECK(p.CarrierShareOf("T-Mobile") == doctest::Approx(0.30));
  // Brand types and use cases that change the figures.
  Campaign c;
  c.campaign.trust_score = {80, {}, true};
  CHECK(cap->For(c) == 200000);
  c.campaign.brand_type = {BrandType::kSoleProprietor, {}, true};
  CHECK(cap->For(c) == 1000);
  CHECK(cap->Basis(c) == "brand type sole_proprietor");
  const ReleaseRate* att = nullptr;
  for (const ReleaseRate& r : p.queue.release) {
    if (r.carrier == "AT&T") att = &r;
  }
  REQUIRE(att != nullptr);
  c.campaign.brand_type = {};
  CHECK(att->For(c) == 75);  // 4,500 SMS a minute
  c.campaign.use_case = {UseCase::kLowVolume, {}, true};
  CHECK(att->For(c) == doctest::Approx(1.25));  // 75 a minute
}

TEST_CASE("profiles: state quiet hours are stricter where sourced") {
  Profile p = testing::MustLoad("p2p");
  for (const char* state : {"FL", "OK", "MD"}) {
    const QuietHoursWindow& r = p.quiet_hours.For(state);
    CHECK(r.state == state);
    CHECK(r.days[0].end == 20 * 60);
    CHECK(!r.source.empty());
  }
  CHECK(p.quiet_hours.For("NY").state.empty());
  CHECK(p.quiet_hours.For("TX").days[6].begin == 12 * 60);  // Sunday noon
}

TEST_CASE("profiles: bad profile text is an error at path:line:col") {
  const char* unknown_key =
      "name: x\nsummary: y\nlimits:\n  - id: a\n    rule: traffic/throughput\n    levl: error\n";
  absl::StatusOr<Profile> p = ParseProfile("rules/profiles/x.yml", unknown_key);
  REQUIRE(!p.ok());
  CHECK(std::string(p.status().message())
            .find("rules/profiles/x.yml:6:5: error: unknown key 'levl'") == 0);
  CHECK(std::string(p.status().message()).find("did you mean 'level'") != std::string::npos);

  const char* bad_window =
      "name: x\nsummary: y\nlimits:\n  - {id: a, rule: traffic/throughput, level: error, counts: "
      "sends, scope: sender, window: 2s, value: 1, unit: u, source: s}\nfilter: {half_life: 1h, "
      "block_threshold: 1, release_threshold: 1, copies_weight: 0, source: s}\n";
  p = ParseProfile("x.yml", bad_window);
  REQUIRE(!p.ok());
  CHECK(std::string(p.status().message()).find("window must be") != std::string::npos);

  p = ParseProfile("x.yml", "name: [unclosed\n");
  REQUIRE(!p.ok());
  CHECK(std::string(p.status().message()).find("x.yml:") == 0);

  const char* bad_value =
      "name: x\nsummary: y\nlimits:\n  - {id: a, rule: traffic/throughput, level: error, counts: "
      "sends, scope: sender, window: 1s, value: lots, unit: u, source: s}\n";
  p = ParseProfile("x.yml", bad_value);
  REQUIRE(!p.ok());
  CHECK(std::string(p.status().message()).find("expected a number") != std::string::npos);
}

TEST_CASE("profiles: quiet hours file rejects a malformed window") {
  absl::StatusOr<QuietHours> q =
      ParseQuietHours("q.yml", "federal: {window: \"21:00-08:00\", source: s}\n");
  REQUIRE(!q.ok());
  CHECK(std::string(q.status().message()).find("q.yml:1:19: error") == 0);
}

TEST_CASE("profiles: quiet hours name the exempt use cases and the recommended window") {
  absl::StatusOr<QuietHours> q = LoadQuietHours();
  REQUIRE_MESSAGE(q.ok(), q.status().message());
  CHECK(q->Exempts(UseCase::kTwoFactor));
  CHECK(q->Exempts(UseCase::kFraudAlert));
  CHECK(!q->Exempts(UseCase::kMarketing));
  CHECK(!q->exempt_source.empty());
  CHECK(q->Exempts(UseCase::kSecurityAlert));
  CHECK(q->Exempts(UseCase::kEmergency));
  // The recommended window sits inside the federal window and, on weekdays, inside
  // every state's that closes at 8 p.m. or later (the finding narrows it for the
  // others, such as Rhode Island's 6 p.m.).
  CHECK(q->recommended.begin >= q->federal.days[0].begin);
  CHECK(q->recommended.end <= q->federal.days[0].end);
  for (const QuietHoursWindow& state : q->states) {
    CAPTURE(state.state);
    CHECK(q->recommended.begin >= state.days[0].begin);
    if (state.days[0].end >= 20 * 60) CHECK(q->recommended.end <= state.days[0].end);
  }
  CHECK(!q->recommended_source.empty());

  absl::StatusOr<QuietHours> bad =
      ParseQuietHours("q.yml",
                      "federal: {window: \"08:00-21:00\", source: s}\n"
                      "exempt: {use_cases: [two_factor, otp], source: s}\n"
                      "solicitation: {use_cases: [marketing], source: s}\n"
                      "other_use_cases: {level: warning, source: s}\n"
                      "recommended: {window: \"09:00-20:00\", source: s}\n");
  REQUIRE(!bad.ok());
  CHECK(std::string(bad.status().message()).find("q.yml:2:") == 0);
  CHECK(std::string(bad.status().message()).find("unknown use case 'otp'") != std::string::npos);
}

TEST_CASE("profiles: quiet hours entries are checked: state codes, caps with sources, scope") {
  const std::string head =
      "federal: {window: \"08:00-21:00\", source: s}\n"
      "solicitation: {use_cases: [marketing], source: s}\n"
      "other_use_cases: {level: warning, source: s}\n"
      "recommended: {window: \"09:00-20:00\", source: s}\n";
  auto error_of = [&](const std::string& tail) {
    absl::StatusOr<QuietHours> q = ParseQuietHours("q.yml", head + tail);
    return q.ok() ? std::string() : std::string(q.status().message());
  };
  CHECK(error_of("states: [{state: ZZ, window: \"08:00-20:00\", source: s}]\n")
            .find("'ZZ' is not a state code") != std::string::npos);
  CHECK(error_of("states: [{state: fl, window: \"08:00-20:00\", source: s}]\n")
            .find("'fl' is not a state code") != std::string::npos);
  CHECK(error_of("states: [{state: FL, window: \"08:00-20:00\", source: s, per_24h: 3}]\n")
            .find("per_24h_source") != std::string::npos);
  CHECK(error_of("states: [{state: FL, window: \"08:00-20:00\", source: s, "
                 "per_24h_source: s}]\n")
            .find("per_24h_source without per_24h") != std::string::npos);
  CHECK(error_of("states: [{state: AL, window: \"08:00-20:00\", holidays: open, source: s}]\n")
            .find("expected \"closed\"") != std::string::npos);
  CHECK(error_of("countries: [{country: CA, covers: [ON, XX], window: \"09:00-21:30\", "
                 "source: s}]\n")
            .find("'XX' is not a province code") != std::string::npos);
  CHECK(error_of("exempt: {use_cases: [marketing], source: s}\n")
            .find("both a solicitation and exempt") != std::string::npos);
  absl::StatusOr<QuietHours> ok = ParseQuietHours(
      "q.yml",
      head +
          "states: [{state: AL, window: \"08:00-20:00\", days: {sun: closed}, "
          "holidays: closed, source: s, per_24h: 3, per_24h_source: c, note: n}]\n"
          "countries: [{country: CA, covers: [ON], window: \"09:00-21:30\", source: s}]\n");
  REQUIRE_MESSAGE(ok.ok(), ok.status().message());
  CHECK(ok->For("AL").closed_on_holidays);
  CHECK(ok->For("AL").per_24h == 3);
  CHECK(ok->For("AL").days[6].end == 0);
  CHECK(ok->For("ON").state == "CA");
  CHECK(&ok->For("NY") == &ok->federal);
  CHECK(ok->LevelFor(UseCase::kMarketing) == Level::kError);
  CHECK(ok->LevelFor(UseCase::kDeliveryNotification) == Level::kWarning);
  CHECK(ok->LevelFor(std::nullopt) == Level::kError);
}

TEST_CASE("profiles: the shipped quiet hours cite a source for every window and cap") {
  absl::StatusOr<QuietHours> q = LoadQuietHours();
  REQUIRE_MESSAGE(q.ok(), q.status().message());
  for (const QuietHoursWindow& r : q->states) {
    CAPTURE(r.state);
    CHECK(!r.source.empty());
    CHECK((r.per_24h == 0) == r.per_24h_source.empty());
    // A state's window narrows the federal one on weekdays.
    CHECK(r.days[0].begin >= q->federal.days[0].begin);
    CHECK(r.days[0].end <= q->federal.days[0].end);
  }
  CHECK(q->For("FL").per_24h == 3);
  CHECK(q->For("OK").per_24h == 3);
  CHECK(q->For("MD").per_24h == 3);
  CHECK(q->For("WA").days[0].end == 20 * 60);
  CHECK(q->For("CT").days[0].begin == 9 * 60);
  CHECK(q->For("QC").state == "CA");
  CHECK(q->LevelFor(UseCase::kSweepstake) == Level::kError);
  CHECK(q->LevelFor(UseCase::kMixed) == Level::kError);
  CHECK(!q->LevelFor(UseCase::kSecurityAlert).has_value());
  CHECK(q->LevelFor(UseCase::kPolitical) == Level::kWarning);
}

TEST_CASE("profiles: the recommendation's alternative routes, in the profiles' order") {
  CHECK(AlternativeRoutes() == std::vector<std::string>{"10dlc", "toll_free", "short_code"});
}

TEST_CASE("profiles: campaign route maps to a profile, --profile overrides") {
  Campaign c = MakeCampaign(Route::kP2P, 1);
  CHECK(*ResolveProfileName(c, "") == "p2p");
  c.campaign.route = At(Route::k10DLC);
  CHECK(*ResolveProfileName(c, "") == "10dlc");
  c.campaign.route = At(Route::kTollFree);
  CHECK(*ResolveProfileName(c, "") == "toll_free");
  c.campaign.route = At(Route::kShortCode);
  CHECK(*ResolveProfileName(c, "") == "short_code");
  c.campaign.country = At(std::string("CA"));
  CHECK(*ResolveProfileName(c, "") == "short_code");
  c.campaign.route = At(Route::k10DLC);
  CHECK(*ResolveProfileName(c, "") == "ca_long_code");
  c.campaign.route = At(Route::kP2P);
  CHECK(*ResolveProfileName(c, "") == "ca_long_code");
  CHECK(*ResolveProfileName(c, "short_code") == "short_code");
  absl::StatusOr<std::string> bad = ResolveProfileName(c, "short_cod");
  REQUIRE(!bad.ok());
  CHECK(std::string(bad.status().message()).find("did you mean 'short_code'") != std::string::npos);
  CHECK(!LoadProfile("quiet_hours").ok());
}

}  // namespace
}  // namespace smslint
