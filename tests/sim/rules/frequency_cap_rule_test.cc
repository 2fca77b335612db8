// FrequencyCapRule: a recipient's solicitations per rolling 24 hours, across the
// campaigns of a portfolio run, against the per_24h caps in quiet_hours.yml.
#include "sim/rules/frequency_cap_rule.h"

#include <doctest/doctest.h>

#include <functional>
#include <map>

#include "sim/rules/rule_ids.h"
#include "sim/sim_test_util.h"

namespace smslint {
namespace {

using testing::At;
using testing::P2P;

// `count` campaigns of one brand, each sending one message to the same recipient in
// `state`, the k-th starting `k * gap_hours` after 2026-12-01 10:00 New York.
struct Drip {
  Drip(int count, double gap_hours, const std::string& state,
       UseCase use_case = UseCase::kMarketing) {
    table = testing::MakeRecipients(1, {"America/New_York"}, {"", state});
    table.e164[0] = 13055550100ULL;
    table.state[0] = 1;
    for (int k = 0; k < count; ++k) {
      Campaign c = testing::MakeCampaign(Route::kP2P, 1.0);
      c.path = "drip-" + std::to_string(k) + ".yaml";
      c.campaign.use_case = At(use_case, 3);
      const absl::CivilMinute start =
          absl::CivilMinute(2026, 12, 1, 10, 0) + static_cast<int>(gap_hours * 60 * k);
      c.schedule.start = At(start, 30);
      campaigns.push_back(std::move(c));
    }
    std::vector<SimulationInput> inputs;
    for (const Campaign& c : campaigns) {
      SimulationInput in;
      in.campaign = &c;
      in.recipients = &table;
      in.profile = &P2P();
      inputs.push_back(in);
    }
    out = SimulatePortfolio(inputs);
  }
  int Findings() const {
    int n = 0;
    for (const SimulationOutput& one : out.campaigns) {
      n += testing::CountRule(one, rule_ids::kFrequencyCap);
    }
    return n;
  }

  RecipientTable table;
  std::vector<Campaign> campaigns;
  PortfolioOutput out;
};

int FloridaCap() { return P2P().quiet_hours.For("FL").per_24h; }

TEST_CASE("FrequencyCapRule: the cap comes from quiet_hours.yml, and one more message fires") {
  const int cap = FloridaCap();
  REQUIRE(cap > 0);
  Drip at_cap(cap, 2, "FL");
  CHECK(at_cap.Findings() == 0);
  Drip over(cap + 1, 2, "FL");
  REQUIRE(over.Findings() == 1);
  // The finding stays with the campaign whose message went over.
  const SimulationOutput& last = over.out.campaigns.back();
  REQUIRE(testing::CountRule(last, rule_ids::kFrequencyCap, Level::kError) == 1);
  const Diagnostic* d = testing::FindRule(last, rule_ids::kFrequencyCap);
  CHECK(d->message.find("FL " + std::to_string(cap)) != std::string::npos);
  CHECK(d->message.find("up to " + std::to_string(cap + 1) + " within 24 hours") !=
        std::string::npos);
  // The first recipient row, its number masked by the one policy.
  CHECK(d->message.find("+1305•••0100") != std::string::npos);
  CHECK(d->message.find("13055550100") == std::string::npos);
  CHECK(d->message.find("line 2") != std::string::npos);
  CHECK(d->message.find("not reflected in the outcome counts") != std::string::npos);
  REQUIRE(!d->notes.empty());
  CHECK(d->notes[0].find(P2P().quiet_hours.For("FL").per_24h_source) != std::string::npos);
  CHECK(over.out.summary.frequency_over == 1);
  CHECK(over.out.summary.frequency_recipients == 1);
  CHECK(over.out.summary.max_in_24h == cap + 1);
}

TEST_CASE("FrequencyCapRule: a rolling 24 hours, not a calendar day") {
  const int cap = FloridaCap();
  // cap + 1 messages 5 hours apart cross midnight and still fall within 24 hours
  // when cap * 5 < 24.
  REQUIRE(cap * 5 < 24);
  CHECK(Drip(cap + 1, 5, "FL").Findings() == 1);
  // 24 hours and a minute apart: never two within 24 hours.
  CHECK(Drip(cap + 1, 24 + 1.0 / 60, "FL").Findings() == 0);
}

TEST_CASE("FrequencyCapRule: with --show-pii the first recipient is shown as written") {
  const int cap = FloridaCap();
  Drip drip(cap + 1, 1, "FL");
  std::vector<SimulationInput> inputs;
  for (const Campaign& c : drip.campaigns) {
    SimulationInput in;
    in.campaign = &c;
    in.recipients = &drip.table;
    in.profile = &P2P();
    in.show_pii = true;
    inputs.push_back(in);
  }
  PortfolioOutput out = SimulatePortfolio(inputs);
  const Diagnostic* d = testing::FindRule(out.campaigns.back(), rule_ids::kFrequencyCap);
  REQUIRE(d != nullptr);
  CHECK(d->message.find("+13055550100") != std::string::npos);
}

TEST_CASE("FrequencyCapRule: every fire example fires and every pass example does not") {
  const int cap = FloridaCap();
  const std::map<std::string, std::function<bool()>> scenarios = {
      {"4 marketing campaigns of one brand reach a Florida recipient within 24 hours",
       [&] { return cap == 3 && Drip(4, 3, "FL").Findings() == 1; }},
      {"4 marketing campaigns reach a New York recipient within 24 hours",
       [&] { return Drip(4, 3, "NY").Findings() == 1; }},
      {"4 marketing campaigns reach a Florida recipient 25 hours apart",
       [&] { return Drip(4, 25, "FL").Findings() == 1; }},
      {"4 delivery_notification campaigns reach a Florida recipient within 24 hours",
       [&] { return Drip(4, 3, "FL", UseCase::kDeliveryNotification).Findings() == 1; }},
  };
  FrequencyCapRule rule;
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

TEST_CASE("FrequencyCapRule: a campaign alone sends each recipient once and never fires") {
  RecipientTable table = testing::MakeRecipients(50, {"America/New_York"}, {"", "FL"});
  for (uint8_t& s : table.state) s = 1;
  Campaign c = testing::MakeCampaign(Route::kP2P, 1.0);
  CHECK(testing::CountRule(testing::Run(c, table, P2P()), rule_ids::kFrequencyCap) == 0);
}

TEST_CASE("SendsEachNumberOnce: rows once each and no later copy of a number") {
  RecipientTable table = testing::MakeRecipients(4);
  SendPlan plan;
  for (uint32_t row : {0u, 1u, 2u}) plan.events.emplace_back(0, row, 0, 0);
  CHECK(SendsEachNumberOnce(plan, table));
  // A row sent twice: its number gets two messages.
  plan.events.emplace_back(1'000'000, 1, 0, 0);
  CHECK_FALSE(SendsEachNumberOnce(plan, table));
  plan.events.pop_back();
  // A row the loader marked as a later copy shares an earlier row's number.
  table.flags[3] |= kRecipientDuplicate;
  plan.events.emplace_back(0, 3, 0, 0);
  CHECK_FALSE(SendsEachNumberOnce(plan, table));
  plan.events.pop_back();
  // Invalid numbers and rows past the table are never counted, however often sent.
  table.e164[3] = 0;
  for (int k = 0; k < 3; ++k) {
    plan.events.emplace_back(0, 3, 0, 0);
    plan.events.emplace_back(0, 99, 0, 0);
  }
  CHECK(SendsEachNumberOnce(plan, table));
}

TEST_CASE("SendsEachNumberOnce: PlanSends' plans say so, and the scan agrees") {
  RecipientTable table = testing::MakeRecipients(40);
  table.flags[3] |= kRecipientDuplicate;  // later copies, invalid and suppressed rows
  table.e164[3] = table.e164[2];
  table.flags[7] |= kRecipientInvalid;
  table.e164[7] = 0;
  table.flags[9] |= kRecipientSuppressed;
  Campaign c = testing::MakeCampaign(Route::kP2P, 1.0, 3);
  const SimulationInput input = testing::InputOf(c, table, P2P(), 1, {});
  SendPlan plan = PlanSends(input);
  REQUIRE(!plan.events.empty());
  CHECK(plan.rows_once);
  plan.rows_once = false;  // the scan of every event
  CHECK(SendsEachNumberOnce(plan, table));
}

TEST_CASE("FrequencyCapRule: a campaign alone whose plan repeats a recipient is counted") {
  const int cap = FloridaCap();
  RecipientTable table = testing::MakeRecipients(1, {"America/New_York"}, {"", "FL"});
  table.state[0] = 1;
  Campaign c = testing::MakeCampaign(Route::kP2P, 1.0);
  const SimulationInput in = testing::InputOf(c, table, P2P(), 1, {});
  SendPlan plan = PlanSends(in);
  REQUIRE(plan.events.size() == 1);
  const SendEvent first = plan.events[0];
  plan.rows_once = false;  // its events are made by hand below
  auto run = [&](int messages) {
    plan.events.assign(1, first);
    for (int k = 1; k < messages; ++k) {
      plan.events.emplace_back(first.time_us() + int64_t{k} * 600'000'000, 0, 0, 0);
    }
    return testing::CountRule(Simulate(in, plan), rule_ids::kFrequencyCap);
  };
  CHECK(run(cap) == 0);
  CHECK(run(cap + 1) == 1);
}

}  // namespace
}  // namespace smslint
