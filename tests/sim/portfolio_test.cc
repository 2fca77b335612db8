// The portfolio: the campaigns of one brand simulated on one timeline, sharing the
// T-Mobile brand cap, the states' per-24-hour caps and the snowshoeing view.
#include <doctest/doctest.h>

#include "sim/rules/rule_ids.h"
#include "sim/sim_test_util.h"
#include "sim/sim_text.h"
#include "sim/simulator.h"

namespace smslint {
namespace {

using testing::At;
using testing::CountRule;
using testing::MakeCampaign;
using testing::MakeRecipients;

SimulationInput InputOf(const Campaign& c, const RecipientTable& r, const Profile& p) {
  SimulationInput in;
  in.campaign = &c;
  in.recipients = &r;
  in.profile = &p;
  return in;
}

TEST_CASE("BrandKey: case, spacing and punctuation do not split a brand") {
  CHECK(BrandKey("Acme Coffee") == "acmecoffee");
  CHECK(BrandKey("ACME  coffee.") == "acmecoffee");
  CHECK(BrandKey("Acme-Coffee") == "acmecoffee");
  CHECK(BrandKey("Acme Tea") != BrandKey("Acme Coffee"));
  CHECK(BrandKey(" - ").empty());
}

TEST_CASE(
    "Portfolio: a campaign that does not end before the horizon is left out of the timeline") {
  const Profile& p = testing::P2P();
  // One message a year: 33,000 messages from 2026 pass the year 33658 (the horizon).
  Campaign slow = MakeCampaign(Route::kP2P, 1.0 / (365.25 * 86400));
  slow.path = "slow.yaml";
  Campaign quick = MakeCampaign(Route::kP2P, 1.0);
  quick.path = "quick.yaml";
  const RecipientTable many = MakeRecipients(33'000), few = MakeRecipients(50);
  for (bool slow_first : {true, false}) {
    CAPTURE(slow_first);
    PortfolioOutput out = slow_first
                              ? SimulatePortfolio({InputOf(slow, many, p), InputOf(quick, few, p)})
                              : SimulatePortfolio({InputOf(quick, few, p), InputOf(slow, many, p)});
    REQUIRE(out.campaigns.size() == 2);
    const SimulationOutput& s = out.campaigns[slow_first ? 0 : 1];
    const SimulationOutput& q = out.campaigns[slow_first ? 1 : 0];
    CHECK(!s.simulated);
    CHECK(CountRule(s, rule_ids::kStaleDelivery, Level::kError) == 1);
    CHECK(q.simulated);
    CHECK(q.result.messages == 50);
    // The brand's totals are the simulated campaign's alone, in its time zone.
    CHECK(out.summary.totals.sent == 50);
    CHECK(out.summary.time_zone == q.result.time_zone);
    CHECK(out.summary.campaigns == std::vector<std::string>{"quick.yaml"});
    CHECK(out.summary.not_simulated == std::vector<std::string>{"slow.yaml"});
    const std::string text = RenderPortfolioText(out.summary);
    CHECK(
        text.find("1 campaign simulated on one timeline (quick.yaml); not simulated: slow.yaml") !=
        std::string::npos);
  }
}

TEST_CASE("Portfolio: two campaigns under T-Mobile's cap alone fail over it together") {
  const Profile p = testing::MustLoad("10dlc");
  REQUIRE(!p.caps.empty());
  const DailyCap& cap = p.caps[0];
  Campaign morning = MakeCampaign(Route::k10DLC, 1.0);
  morning.campaign.trust_score = At(20, 6);
  const double limit = cap.For(morning);
  REQUIRE(limit > 0);
  // Each campaign offers T-Mobile about 70% of the cap (1-segment messages).
  const size_t n = static_cast<size_t>(0.7 * limit / p.CarrierShareOf(cap.carrier));
  Campaign noon = morning;
  noon.path = "noon.yaml";
  noon.schedule.start = At(absl::CivilMinute(2026, 12, 1, 13, 0), 30);
  const RecipientTable a = MakeRecipients(n), b = MakeRecipients(n);
  CHECK(CountRule(testing::Run(morning, a, p), rule_ids::kCarrierCap) == 0);
  CHECK(CountRule(testing::Run(noon, b, p), rule_ids::kCarrierCap) == 0);

  PortfolioOutput out = SimulatePortfolio({InputOf(morning, a, p), InputOf(noon, b, p)});
  REQUIRE(out.campaigns.size() == 2);
  // The first campaign's messages fit; the later one's run into the brand's cap.
  CHECK(out.campaigns[0].result.failed_cap == 0);
  CHECK(out.campaigns[1].result.failed_cap > 0);
  REQUIRE(CountRule(out.campaigns[1], rule_ids::kCarrierCap, Level::kError) == 1);
  const Diagnostic* d = testing::FindRule(out.campaigns[1], rule_ids::kCarrierCap);
  CHECK(d->message.find("with the brand's other campaigns in this run") != std::string::npos);
  REQUIRE(out.summary.caps.size() == 1);
  CHECK(out.summary.caps[0].carrier == cap.carrier);
  CHECK(out.summary.caps[0].value == limit);
  CHECK(out.summary.caps[0].peak_day > static_cast<int64_t>(limit));
  CHECK(out.summary.caps[0].failed == out.campaigns[1].result.failed_cap);
  CHECK(out.summary.totals.sent == 2 * static_cast<int64_t>(n));
  CHECK(out.summary.campaigns == std::vector<std::string>{"campaign.yaml", "noon.yaml"});
}

TEST_CASE("Portfolio: the cap resets at midnight Pacific for the whole brand") {
  const Profile p = testing::MustLoad("10dlc");
  const DailyCap& cap = p.caps[0];
  Campaign first = MakeCampaign(Route::k10DLC, 1.0);
  first.campaign.trust_score = At(20, 6);
  const size_t n = static_cast<size_t>(0.7 * cap.For(first) / p.CarrierShareOf(cap.carrier));
  Campaign next_day = first;
  next_day.schedule.start = At(absl::CivilMinute(2026, 12, 2, 10, 0), 30);
  const RecipientTable a = MakeRecipients(n), b = MakeRecipients(n);
  PortfolioOutput out = SimulatePortfolio({InputOf(first, a, p), InputOf(next_day, b, p)});
  CHECK(out.campaigns[0].result.failed_cap == 0);
  CHECK(out.campaigns[1].result.failed_cap == 0);
}

TEST_CASE("Portfolio: the given order does not matter, the timeline does") {
  const Profile p = testing::MustLoad("10dlc");
  const DailyCap& cap = p.caps[0];
  Campaign morning = MakeCampaign(Route::k10DLC, 1.0);
  morning.campaign.trust_score = At(20, 6);
  const size_t n = static_cast<size_t>(0.7 * cap.For(morning) / p.CarrierShareOf(cap.carrier));
  Campaign noon = morning;
  noon.schedule.start = At(absl::CivilMinute(2026, 12, 1, 13, 0), 30);
  const RecipientTable a = MakeRecipients(n), b = MakeRecipients(n);
  // The noon campaign given first still sends after the morning one.
  PortfolioOutput out = SimulatePortfolio({InputOf(noon, b, p), InputOf(morning, a, p)});
  CHECK(out.campaigns[0].result.failed_cap > 0);
  CHECK(out.campaigns[1].result.failed_cap == 0);
}

TEST_CASE("Portfolio: P2P campaigns of one brand from different numbers snowshoe together") {
  const Profile& p = testing::P2P();
  Campaign a = MakeCampaign(Route::kP2P, 0.1);
  a.path = "a.yaml";
  Campaign b = MakeCampaign(Route::kP2P, 0.1);
  b.path = "b.yaml";
  b.senders[0].number.value = "+14155552000";
  const RecipientTable ra = MakeRecipients(20), rb = MakeRecipients(20);
  CHECK(CountRule(testing::Run(a, ra, p), rule_ids::kSnowshoeing) == 0);
  PortfolioOutput out = SimulatePortfolio({InputOf(a, ra, p), InputOf(b, rb, p)});
  for (const SimulationOutput& one : out.campaigns) {
    REQUIRE(CountRule(one, rule_ids::kSnowshoeing, Level::kError) == 1);
    const Diagnostic* d = testing::FindRule(one, rule_ids::kSnowshoeing);
    CHECK(d->message.find("link domain acme.com") != std::string::npos);
    CHECK(d->message.find("b.yaml: +14155552000") != std::string::npos);
    CHECK(d->message.find("not reflected in the outcome counts") != std::string::npos);
  }
  CHECK(!out.summary.shared.empty());

  SUBCASE("one number for both campaigns is not spreading") {
    b.senders[0].number.value = a.senders[0].number.value;
    PortfolioOutput same = SimulatePortfolio({InputOf(a, ra, p), InputOf(b, rb, p)});
    for (const SimulationOutput& one : same.campaigns) {
      CHECK(CountRule(one, rule_ids::kSnowshoeing) == 0);
    }
    CHECK(same.summary.shared.empty());
  }
}

TEST_CASE("Portfolio: registered routes list shared content across numbers, without a finding") {
  const Profile p = testing::MustLoad("10dlc");
  Campaign a = MakeCampaign(Route::k10DLC, 0.1);
  Campaign b = MakeCampaign(Route::k10DLC, 0.1);
  b.senders[0].number.value = "+14155552000";
  const RecipientTable ra = MakeRecipients(20), rb = MakeRecipients(20);
  PortfolioOutput out = SimulatePortfolio({InputOf(a, ra, p), InputOf(b, rb, p)});
  for (const SimulationOutput& one : out.campaigns) {
    CHECK(CountRule(one, rule_ids::kSnowshoeing) == 0);
  }
  REQUIRE(!out.summary.shared.empty());
  CHECK(!out.summary.shared[0].error);
}

TEST_CASE("Portfolio: many templates compare equal masked bodies across the campaigns") {
  const Profile& p = testing::P2P();
  // Bodies without digits or links, each made different by a letter code.
  auto letters = [](int n) {
    std::string code;
    for (int k = 0; k < 3; ++k, n /= 26) code.push_back(static_cast<char>('a' + n % 26));
    return code;
  };
  auto with_templates = [&](Campaign c, int offset, int count) {
    const Template base = c.templates[0];
    c.templates.clear();
    for (int k = 0; k < count; ++k) {
      Template t = base;
      t.id.value = "t" + letters(offset + k);
      t.body.value.text = "Acme: the " + letters(offset + k) + " deal today. Reply STOP to opt out";
      c.templates.push_back(t);
    }
    return c;
  };
  // 1,200 templates in all; the campaigns share exactly one body ("the aaa deal").
  Campaign a = with_templates(MakeCampaign(Route::kP2P, 0.1), 0, 600);
  Campaign b = with_templates(MakeCampaign(Route::kP2P, 0.1), 599, 601);
  b.senders[0].number.value = "+14155552000";
  // Every template is used: as many recipients as templates, drawn by weight.
  const RecipientTable ra = MakeRecipients(6000), rb = MakeRecipients(6000);
  PortfolioOutput out = SimulatePortfolio({InputOf(a, ra, p), InputOf(b, rb, p)});
  int bodies = 0;
  for (const PortfolioSummary::SharedItem& item : out.summary.shared) {
    if (item.item.find("body of template") != std::string::npos) {
      ++bodies;
      CHECK(item.item.find("'t" + letters(599) + "'") != std::string::npos);
    }
  }
  CHECK(bodies == 1);
}

}  // namespace
}  // namespace smslint
