// A RuleContext for driving one traffic rule class directly.
#ifndef SMSLINT_TESTS_SIM_RULES_RULE_TEST_UTIL_H_
#define SMSLINT_TESTS_SIM_RULES_RULE_TEST_UTIL_H_

#include <algorithm>
#include <vector>

#include "sim/plan_inputs.h"
#include "sim/rules/traffic_rule.h"
#include "sim/simulator.h"
#include "sim/sliding_window.h"

namespace smslint::testing {

// Everything a rule reads, for `campaign` under `profile`; no recipient table.
struct RuleFixture {
  RuleFixture(const Campaign& campaign, const Profile& profile) {
    plan.start = absl::FromCivil(absl::CivilMinute(2026, 12, 1, 10, 0), absl::UTCTimeZone());
    context.campaign = &campaign;
    context.profile = &profile;
    context.plan = &plan;
    context.content_findings = &content;
    context.zone = absl::UTCTimeZone();
    context.senders = SenderCount(campaign);
    context.templates = static_cast<int>(campaign.templates.size());
    context.body_classes = SimilarBodyClasses(campaign, 1);
    for (int cls : context.body_classes) {
      context.body_class_count = std::max(context.body_class_count, cls + 1);
    }
    context.start_us = absl::ToUnixMicros(plan.start);
    context.end_us = context.start_us;
    sender_sends.resize(context.senders);
  }

  // The message `sender` sends `offset_us` after the start, as the simulation
  // would show it to the rules.
  Send At(int64_t offset_us, int sender = 0) {
    Send send;
    send.time_us = context.start_us + offset_us;
    send.sender = sender;
    send.sender_sends = sender_sends[sender].Add(send.time_us);
    return send;
  }

  SendPlan plan;
  std::vector<Diagnostic> content;
  RuleContext context;
  FilterReasons reasons;
  std::vector<SlidingCounts> sender_sends;
};

// Shows `rule` one message (rules observe batches).
inline void ObserveOne(TrafficRule& rule, const Send& send, MessageVerdict& verdict) {
  rule.Observe(std::span<const Send>(&send, 1), std::span<MessageVerdict>(&verdict, 1));
}

}  // namespace smslint::testing

#endif  // SMSLINT_TESTS_SIM_RULES_RULE_TEST_UTIL_H_
