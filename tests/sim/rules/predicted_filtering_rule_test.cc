// PredictedFilteringRule: the filter model reads the counting rules' signal.
#include "sim/rules/predicted_filtering_rule.h"

#include <doctest/doctest.h>

#include <cmath>

#include "sim/rules/rule_ids.h"
#include "sim/rules/rule_test_util.h"
#include "sim/sim_test_util.h"

namespace smslint {
namespace {

using testing::P2P;

TEST_CASE("PredictedFilteringRule: a signalled reason blocks the number, which then cools off") {
  const Profile& p = P2P();
  const FilterModel& fm = p.filter;
  Campaign c = testing::MakeCampaign(Route::kP2P, 1);
  testing::RuleFixture f(c, p);
  // A counting rule's reason, named before the filter model sets up.
  const int reason = f.reasons.Add("traffic/test (over 1 per second)");
  PredictedFilteringRule filter;
  CHECK(filter.stage() == RuleStage::kFilter);
  REQUIRE(filter.Setup(f.context, f.reasons));

  // Each message signals just over a tenth of the block threshold: the tenth is
  // filtered.
  MessageVerdict verdict;
  int first_filtered = -1;
  for (int i = 0; i < 12; ++i) {
    verdict.Reset();
    verdict.filter_signal.push_back({reason, fm.block_threshold / 10 * 1.01});
    testing::ObserveOne(filter, f.At(i), verdict);
    if (verdict.filtered && first_filtered < 0) first_filtered = i;
  }
  CHECK(first_filtered == 9);
  // Without a signal the score decays; after many half-lives it is released.
  verdict.Reset();
  testing::ObserveOne(filter, f.At(static_cast<int64_t>(fm.half_life_seconds * 1e6 * 20)), verdict);
  CHECK(!verdict.filtered);

  std::vector<RuleOutcome> outcomes;
  filter.AddOutcomes(outcomes);
  REQUIRE(outcomes.size() == 1);
  CHECK(outcomes[0].rule == rule_ids::kPredictedFiltering);
  CHECK(outcomes[0].over == 3);
  CHECK(outcomes[0].first_over_by_sender[0] == f.context.start_us + 9);

  SimResult result;
  result.messages = 13;
  result.senders.resize(1);
  result.senders[0].filtered = 3;
  ReportContext report;
  report.run = &f.context;
  report.result = &result;
  report.outcomes = &outcomes;
  std::vector<Diagnostic> findings;
  std::vector<RuleOutcome> judged;
  filter.Report(report, findings, judged);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.find("3 of 13 messages are predicted filtered") == 0);
  CHECK(findings[0].message.find("top reasons: traffic/test (over 1 per second) 100%") !=
        std::string::npos);
}

TEST_CASE("PredictedFilteringRule: content findings add per message of their template") {
  const Profile& p = P2P();
  Campaign c = testing::MakeCampaign(Route::kP2P, 1);
  testing::RuleFixture f(c, p);
  Diagnostic flagged;
  flagged.rule = p.filter.content_weights.front().first;
  flagged.template_id = c.templates[0].id.value;
  f.content.push_back(flagged);
  PredictedFilteringRule filter;
  REQUIRE(filter.Setup(f.context, f.reasons));
  REQUIRE(f.reasons.Find(flagged.rule) >= 0);
  const double weight = p.filter.content_weights.front().second;
  const int needed = static_cast<int>(std::ceil(p.filter.block_threshold / weight));
  MessageVerdict verdict;
  int filtered = 0;
  for (int i = 0; i < needed + 1; ++i) {
    verdict.Reset();
    testing::ObserveOne(filter, f.At(i), verdict);  // one microsecond apart: no decay to speak of
    filtered += verdict.filtered;
  }
  CHECK(filtered >= 1);
  CHECK(filtered <= 2);
}

TEST_CASE("PredictedFilteringRule: a profile without a block threshold observes nothing") {
  Profile p = P2P();
  p.filter.block_threshold = 0;
  Campaign c = testing::MakeCampaign(Route::kP2P, 1);
  testing::RuleFixture f(c, p);
  PredictedFilteringRule filter;
  CHECK(!filter.Setup(f.context, f.reasons));
}

}  // namespace
}  // namespace smslint
