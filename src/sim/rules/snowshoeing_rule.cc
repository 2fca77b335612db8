#include "sim/rules/snowshoeing_rule.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "sim/plan_inputs.h"
#include "sim/rules/finding_text.h"
#include "sim/rules/rule_ids.h"
#include "sim/simulator.h"
#include "text/similarity.h"
#include "util/strings.h"

namespace smslint {
namespace {

// Across a portfolio, bodies are compared pairwise for similarity up to this many
// templates in all (half a million pairs of short shingle lists); equal masked
// bodies beyond.
constexpr size_t kMaxSimilarityBodies = 1000;

int Root(std::vector<int>& parent, int x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

void FindSnowshoeGroups(RuleContext& c) {
  const Campaign& campaign = *c.campaign;
  const int senders = c.senders;
  const int templates = std::max(c.templates, 1);
  c.snowshoe_group.assign(senders, -1);
  c.snowshoe_groups = 0;
  c.shared_items.clear();
  if (senders < 2 || static_cast<size_t>(senders) * templates > (1u << 26)) return;
  std::vector<uint8_t> used(static_cast<size_t>(senders) * templates, 0);
  for (const SendEvent& e : c.plan->events) {
    if (e.sender < senders && e.template_index < templates)
      used[e.sender * templates + e.template_index] = 1;
  }
  std::vector<int> parent(senders);
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<uint8_t> shares(senders, 0);
  // Joins every number that sends an item; names the item when two or more do.
  auto join_item = [&](const std::vector<int>& group, std::string item) {
    if (group.size() < 2) return;
    for (int s : group) {
      shares[s] = 1;
      const int a = Root(parent, group[0]), b = Root(parent, s);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
    c.shared_items.push_back(std::move(item));
  };
  for (int cls = 0; cls < c.body_class_count; ++cls) {
    std::vector<int> group;
    std::string id;
    for (int s = 0; s < senders; ++s) {
      for (int k = 0; k < c.templates; ++k) {
        if (c.body_classes[k] == cls && used[s * templates + k]) {
          group.push_back(s);
          if (id.empty()) id = campaign.templates[k].id.value;
          break;
        }
      }
    }
    join_item(group, absl::StrCat("body of template '", id, "'"));
  }
  std::vector<std::vector<std::string>> domains(c.templates);
  std::vector<std::string> all_domains;
  for (int k = 0; k < c.templates; ++k) {
    domains[k] = BodyLinkDomains(campaign.templates[k].body->text);
    for (const std::string& d : domains[k]) {
      if (std::find(all_domains.begin(), all_domains.end(), d) == all_domains.end()) {
        all_domains.push_back(d);
      }
    }
  }
  for (const std::string& domain : all_domains) {
    std::vector<int> group;
    for (int s = 0; s < senders; ++s) {
      for (int k = 0; k < c.templates; ++k) {
        if (used[s * templates + k] &&
            std::find(domains[k].begin(), domains[k].end(), domain) != domains[k].end()) {
          group.push_back(s);
          break;
        }
      }
    }
    join_item(group, absl::StrCat("link domain ", domain));
  }
  std::vector<int> number(senders, -1);
  for (int s = 0; s < senders; ++s) {
    if (!shares[s]) continue;
    const int root = Root(parent, s);
    if (number[root] < 0) number[root] = c.snowshoe_groups++;
    c.snowshoe_group[s] = number[root];
  }
}

void FindPortfolioSnowshoeing(const std::vector<const RuleContext*>& contexts,
                              const std::vector<const SimResult*>& results,
                              const std::vector<std::vector<Diagnostic>*>& findings,
                              PortfolioSummary& summary) {
  const size_t n = contexts.size();
  if (n < 2) return;
  // Every template of every campaign, with its masked body's shingles and domains.
  struct Body {
    size_t campaign;
    int index;
    std::vector<uint64_t> shingles;
    std::string masked;
  };
  std::vector<Body> bodies;
  std::vector<std::vector<std::string>> active(n);  // "file: number" per campaign
  for (size_t i = 0; i < n; ++i) {
    const Campaign& campaign = *contexts[i]->campaign;
    for (int s = 0; s < contexts[i]->senders; ++s) {
      if (s < static_cast<int>(results[i]->senders.size()) && results[i]->senders[s].sent > 0) {
        active[i].push_back(SenderLabel(campaign, s));
      }
    }
    for (int k = 0; k < contexts[i]->templates; ++k) {
      Body b{i, k, {}, MaskedBody(campaign.templates[k].body->text)};
      b.shingles = WordShingles(b.masked);
      bodies.push_back(std::move(b));
    }
  }
  const double similarity = contexts[0]->profile->filter.similarity;
  std::vector<int> parent(bodies.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto join = [&](size_t a, size_t b) {
    const int x = Root(parent, static_cast<int>(a)), y = Root(parent, static_cast<int>(b));
    if (x != y) parent[std::max(x, y)] = std::min(x, y);
  };
  if (similarity >= 1 || bodies.size() > kMaxSimilarityBodies) {
    // Equal masked bodies (beyond the bound, similarity on every pair costs too much).
    absl::flat_hash_map<std::string_view, size_t> first;
    for (size_t a = 0; a < bodies.size(); ++a) {
      auto [it, added] = first.emplace(bodies[a].masked, a);
      if (!added) join(it->second, a);
    }
  } else {
    for (size_t a = 0; a < bodies.size(); ++a) {
      for (size_t b = a + 1; b < bodies.size(); ++b) {
        if (bodies[a].campaign != bodies[b].campaign &&
            Jaccard(bodies[a].shingles, bodies[b].shingles) >= similarity) {
          join(a, b);
        }
      }
    }
  }
  // item text -> the campaigns sending it.
  std::vector<std::pair<std::string, std::vector<size_t>>> items;
  for (size_t a = 0; a < bodies.size(); ++a) {
    if (Root(parent, static_cast<int>(a)) != static_cast<int>(a)) continue;
    std::vector<size_t> campaigns;
    for (size_t b = 0; b < bodies.size(); ++b) {
      if (Root(parent, static_cast<int>(b)) == static_cast<int>(a) &&
          std::find(campaigns.begin(), campaigns.end(), bodies[b].campaign) == campaigns.end()) {
        campaigns.push_back(bodies[b].campaign);
      }
    }
    const Campaign& first = *contexts[bodies[a].campaign]->campaign;
    items.emplace_back(absl::StrCat("body of template '", first.templates[bodies[a].index].id.value,
                                    "' (", first.path, ")"),
                       std::move(campaigns));
  }
  std::vector<std::string> domains;
  std::vector<std::vector<size_t>> domain_campaigns;
  for (size_t i = 0; i < n; ++i) {
    for (int k = 0; k < contexts[i]->templates; ++k) {
      for (const std::string& d : BodyLinkDomains(contexts[i]->campaign->templates[k].body->text)) {
        auto it = std::find(domains.begin(), domains.end(), d);
        size_t at = it - domains.begin();
        if (it == domains.end()) domains.push_back(d), domain_campaigns.emplace_back();
        std::vector<size_t>& list = domain_campaigns[at];
        if (std::find(list.begin(), list.end(), i) == list.end()) list.push_back(i);
      }
    }
  }
  for (size_t d = 0; d < domains.size(); ++d) {
    items.emplace_back(absl::StrCat("link domain ", domains[d]), domain_campaigns[d]);
  }
  std::vector<std::vector<std::string>> error_items(n);
  std::vector<std::vector<std::string>> error_senders(n);
  for (auto& [item, campaigns] : items) {
    if (campaigns.size() < 2) continue;
    std::vector<std::string> numbers, labelled;
    for (size_t i : campaigns) {
      for (const std::string& number : active[i]) {
        if (std::find(numbers.begin(), numbers.end(), number) == numbers.end()) {
          numbers.push_back(number);
        }
        labelled.push_back(absl::StrCat(contexts[i]->campaign->path, ": ", number));
      }
    }
    if (numbers.size() < 2) continue;  // one number sends it all: no spreading
    PortfolioSummary::SharedItem shared{item, labelled, false};
    for (size_t i : campaigns) {
      if (contexts[i]->profile->snowshoeing.level != Level::kError) continue;
      shared.error = true;
      error_items[i].push_back(item);
      error_senders[i] = labelled;
    }
    summary.shared.push_back(std::move(shared));
  }
  for (size_t i = 0; i < n; ++i) {
    if (error_items[i].empty() || active[i].empty()) continue;
    const Campaign& campaign = *contexts[i]->campaign;
    Diagnostic d;
    d.rule = rule_ids::kSnowshoeing;
    d.level = Level::kError;
    d.span = SpanAt(campaign, SenderPos(campaign, 0));
    d.message = absl::StrCat(
        "the same ", absl::StrJoin(error_items[i], " and "),
        " goes out from several numbers across the brand's campaigns in this run (",
        absl::StrJoin(error_senders[i], ", "),
        "): on this route that is snowshoeing, and carriers block the numbers together; each "
        "campaign's filter model scores only its own numbers, so this is not reflected in the "
        "outcome counts");
    d.suggestion =
        "send the brand's campaigns from one number at a rate it may carry, or move them to a "
        "registered route (10DLC, toll-free, short code)";
    findings[i]->push_back(std::move(d));
  }
}

std::vector<RuleInfo> SnowshoeingRule::Infos() const {
  return {TrafficRuleInfo(
      rule_ids::kSnowshoeing, Level::kError,
      "The campaign spreads the same content or link domain across several sender numbers",
      "Spreading one campaign over many numbers so that each stays under its limits "
      "(snowshoeing) is an evasion carriers punish by blocking every number involved. On P2P "
      "routes it is an error whatever the rate, and the filter model scores the numbers as one "
      "sender, so they are filtered together. On registered routes (10DLC, toll-free, short "
      "code) a declared pool of numbers is normal; more numbers than the campaign's rate needs "
      "is a warning. Bodies count as the same when their word-bigram similarity reaches the "
      "profile's threshold, so changing a word does not make them different.",
      "Send from one number at a rate it may carry, or register a route sized for the campaign.",
      "CTIA Messaging Principles and Best Practices (2019): snowshoeing; route profiles",
      {"route: p2p, 3 numbers, same template"}, {"one sender number"})};
}

bool SnowshoeingRule::Setup(const RuleContext& context, FilterReasons&) {
  context_ = &context;
  group_started_.assign(context.senders, 0);
  return context.senders > 1;
}

void SnowshoeingRule::Observe(std::span<const Send> sends, std::span<MessageVerdict> verdicts) {
  for (size_t i = 0; i < sends.size(); ++i) {
    if (verdicts[i].failed != nullptr) continue;
    const Send& send = sends[i];
    segments_sent_ += send.segments;
    messages_sent_ += 1;
    if (group_started_[send.sender]) continue;
    group_started_[send.sender] = 1;
    const int g = context_->snowshoe_group[send.sender];
    if (g < 0) continue;
    for (int s = 0; s < context_->senders; ++s) {
      if (s != send.sender && group_started_[s] && context_->snowshoe_group[s] == g) {
        first_shared_us_ = std::min(first_shared_us_, send.time_us);
      }
    }
  }
}

void SnowshoeingRule::AddOutcomes(std::vector<RuleOutcome>&) const {
  // Judged after the filter has run: Report adds it.
}

int SnowshoeingRule::NumbersNeeded() const {
  const double number_rate = context_->profile->snowshoeing.number_rate;
  const SendPlan& plan = *context_->plan;
  if (number_rate <= 0 || messages_sent_ == 0) return context_->senders;
  const double segments_per_message = segments_sent_ / messages_sent_;
  const double campaign_rate = plan.rate_per_second * context_->senders * segments_per_message;
  return std::max(1, static_cast<int>(std::ceil(campaign_rate / number_rate - 1e-9)));
}

void SnowshoeingRule::Report(const ReportContext& context, std::vector<Diagnostic>& findings,
                             std::vector<RuleOutcome>& judged) const {
  if (context_ == nullptr || context_->senders < 2) return;
  const Campaign& campaign = *context_->campaign;
  const SnowshoeModel& model = context_->profile->snowshoeing;
  std::vector<int> active;
  for (int s = 0; s < context_->senders; ++s) {
    if (context.result->senders[s].sent > 0) active.push_back(s);
  }
  if (active.size() < 2) return;
  std::vector<int> grouped;
  for (int s : active) {
    if (context_->snowshoe_group[s] >= 0) grouped.push_back(s);
  }
  const bool p2p = model.level == Level::kError;
  std::vector<std::string> split;
  int64_t sent = 0, filtered = 0;
  for (int s : (p2p && !grouped.empty()) ? grouped : active) {
    const SenderStats& stats = context.result->senders[s];
    sent += stats.sent;
    filtered += stats.filtered;
    split.push_back(absl::StrCat(SenderLabel(campaign, s), " ", WithCommas(stats.sent)));
  }
  RuleOutcome outcome;
  outcome.rule = rule_ids::kSnowshoeing;
  outcome.needs_capacity = true;
  Diagnostic d;
  d.rule = rule_ids::kSnowshoeing;
  if (p2p) {
    const std::vector<int>& involved = grouped.empty() ? active : grouped;
    d.span = SpanAt(campaign, SenderPos(campaign, involved[1]));
    if (grouped.size() >= 2) {
      d.level = Level::kError;
      outcome.level = Level::kError;
      outcome.over = sent;
      outcome.first_over_us = first_shared_us_;
      d.message = absl::StrCat(
          "the same ", absl::StrJoin(context_->shared_items, " and "), " goes out from ",
          grouped.size(), " sender numbers (", absl::StrJoin(split, ", "),
          "): on this route that is snowshoeing, and carriers block the numbers together; ",
          filtered > 0
              ? absl::StrCat("the filter model scores them as one sender and predicts ",
                             WithCommas(filtered), " of their ", Plural(sent, "message"),
                             " filtered")
              : absl::StrCat("at this volume the filter model, scoring them as one sender, "
                             "predicts none of their ",
                             Plural(sent, "message"),
                             " filtered (not reflected in the outcome counts), but a "
                             "carrier audit blocks the numbers whatever the volume"));
      d.suggestion =
          "send from one number at a rate it may carry, or move the campaign to a route sized "
          "for it (10DLC, toll-free, short code)";
    } else {
      d.level = Level::kWarning;
      outcome.level = Level::kWarning;
      d.message = absl::StrCat("the campaign uses ", active.size(), " sender numbers (",
                               absl::StrJoin(split, ", "),
                               "); CTIA expects one number per campaign on this route, and "
                               "spreading one campaign over numbers looks like snowshoeing");
      d.suggestion = "list one sender number, or give each number its own registered campaign";
    }
  } else {
    const int needed = NumbersNeeded();
    if (static_cast<int>(active.size()) <= needed) return;
    d.level = Level::kWarning;
    outcome.level = Level::kWarning;
    d.span = SpanAt(campaign, SenderPos(campaign, active[needed]));
    d.message = absl::StrCat(
        "the campaign spreads its messages over ", active.size(), " sender numbers (",
        absl::StrJoin(split, ", "), ") where ", needed,
        needed == 1 ? " number carries" : " numbers carry", " its rate (",
        FormatNumber(model.number_rate), " segments/s per number on ", context_->profile->name,
        "); a declared pool is normal, but more numbers than the rate needs reads as spreading "
        "the campaign to evade filtering (no messages lost: not reflected in the outcome counts)");
    d.suggestion = absl::StrCat("send from ", needed, needed == 1 ? " number" : " numbers",
                                ", or raise schedule.rate to use the pool");
  }
  findings.push_back(std::move(d));
  judged.push_back(std::move(outcome));
}

}  // namespace smslint
