#include "sim/rules/predicted_filtering_rule.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "sim/plan_inputs.h"
#include "sim/rules/finding_text.h"
#include "sim/rules/rule_ids.h"
#include "util/strings.h"

namespace smslint {
namespace {

constexpr char kModelCaveat[] = "a prediction of smslint's filter model, not carrier data";

}  // namespace

std::vector<RuleInfo> PredictedFilteringRule::Infos() const {
  return {TrafficRuleInfo(
      rule_ids::kPredictedFiltering, Level::kError,
      "The filter model predicts messages filtered as 30007",
      "This is a model, not carrier truth: carriers do not publish their filters. Each number has "
      "a reputation score: every message adds its weighted excess over each window's limit, "
      "filtered content features (shorteners, phishing lures, SHAFT) add per message, the same "
      "body from several numbers adds, and the score decays with a half-life. Above the profile's "
      "block threshold the number's messages count as filtered (error 30007) until the score "
      "cools off below the release threshold. All weights are in the profile. The finding says "
      "how many, from when, on which number, and the top reasons.",
      "Fix the top reasons: rate, flagged content, number spreading.",
      "smslint filter model (parameters in rules/profiles/*.yml)",
      {"route: p2p, rate: 5/s, 2,000 recipients"}, {"route: p2p, rate: 10/min, 200 recipients"})};
}

bool PredictedFilteringRule::Setup(const RuleContext& context, FilterReasons& reasons) {
  context_ = &context;
  reasons_ = &reasons;
  const FilterModel& fm = context.profile->filter;
  half_life_us_ = fm.half_life_seconds * 1e6;
  copies_reason_ = reasons.Add("the same body from several numbers");
  template_reasons_.resize(context.templates);
  for (const Diagnostic& d : *context.content_findings) {
    const double w = fm.ContentWeight(d.rule);
    if (w <= 0 || d.template_id.empty()) continue;
    int reason = -1;
    for (size_t r = copies_reason_ + 1; r < reasons.labels().size(); ++r) {
      if (reasons.labels()[r] == d.rule) reason = static_cast<int>(r);
    }
    if (reason < 0) reason = reasons.Add(d.rule);
    for (int k = 0; k < context.templates; ++k) {
      if (context.campaign->templates[k].id.value == d.template_id) {
        template_reasons_[k].emplace_back(reason, w);
      }
    }
  }
  // Numbers that snowshoe on a route where carriers block them together share one
  // score, and each of their messages adds the snowshoeing weight.
  snowshoe_weight_ = context.profile->snowshoeing.filter_weight;
  if (snowshoe_weight_ > 0 && context.snowshoe_groups > 0) {
    snowshoe_reason_ =
        reasons.Add(absl::StrCat(rule_ids::kSnowshoeing, " (numbers sharing content)"));
  }
  slot_.resize(context.senders);
  for (int s = 0; s < context.senders; ++s) {
    const int g =
        static_cast<int>(context.snowshoe_group.size()) > s ? context.snowshoe_group[s] : -1;
    slot_[s] = snowshoe_reason_ >= 0 && g >= 0 ? context.senders + g : s;
  }
  senders_.resize(context.senders + std::max(context.snowshoe_groups, 0));
  for (SenderScore& s : senders_) s.by_reason.assign(reasons.labels().size(), 0);
  first_filtered_.assign(context.senders, INT64_MAX);
  filtered_.assign(context.senders, 0);
  const size_t cells = static_cast<size_t>(context.senders) * context.body_class_count;
  if (fm.copies_weight > 0 && cells <= (1u << 26)) {
    class_sender_seen_.assign(cells, 0);
    class_senders_.assign(context.body_class_count, 0);
  }
  return fm.block_threshold > 0;
}

void PredictedFilteringRule::Observe(std::span<const Send> sends,
                                     std::span<MessageVerdict> verdicts) {
  const FilterModel& fm = context_->profile->filter;
  const int class_count = context_->body_class_count;
  for (size_t i = 0; i < sends.size(); ++i) {
    const Send& send = sends[i];
    MessageVerdict& verdict = verdicts[i];
    if (verdict.failed != nullptr) continue;  // never reached a carrier
    SenderScore& st = ScoreOf(send.sender);
    const int64_t t = send.time_us;
    if (st.score != 0 && t != st.last_us) {
      // A number sending at a steady rate decays by the same factor each time.
      const int64_t elapsed = t - st.last_us;
      if (elapsed != st.decay_elapsed_us) {
        st.decay_elapsed_us = elapsed;
        st.decay = std::exp2(-static_cast<double>(elapsed) / half_life_us_);
      }
      st.score *= st.decay;
    }
    st.last_us = t;
    for (const FilterContribution& c : verdict.filter_signal) Add(st, c.reason, c.weight);
    for (const auto& [reason, w] : template_reasons_[send.template_index]) Add(st, reason, w);
    if (!class_senders_.empty()) {
      const int cls = send.body_class;
      uint8_t& seen = class_sender_seen_[send.sender * class_count + cls];
      if (!seen) {
        seen = 1;
        ++class_senders_[cls];
      }
      if (class_senders_[cls] > 1) {
        Add(st, copies_reason_, fm.copies_weight * (class_senders_[cls] - 1));
      }
    }
    if (snowshoe_reason_ >= 0 && slot_[send.sender] >= context_->senders) {
      Add(st, snowshoe_reason_, snowshoe_weight_);
    }
    if (st.blocked && st.score < fm.release_threshold) st.blocked = false;
    if (!st.blocked && st.score >= fm.block_threshold) st.blocked = true;
    if (st.blocked) {
      verdict.filtered = true;
      ++st.filtered;
      ++filtered_[send.sender];
      st.first_filtered_us = std::min(st.first_filtered_us, t);
      first_filtered_[send.sender] = std::min(first_filtered_[send.sender], t);
    }
  }
}

void PredictedFilteringRule::AddOutcomes(std::vector<RuleOutcome>& outcomes) const {
  RuleOutcome o;
  o.rule = rule_ids::kPredictedFiltering;
  o.level = Level::kError;
  o.limit = context_->profile->filter.block_threshold;
  o.needs_capacity = true;
  for (size_t s = 0; s < first_filtered_.size(); ++s) {
    o.first_over_us = std::min(o.first_over_us, first_filtered_[s]);
    o.first_over_by_sender.push_back(first_filtered_[s]);
    o.over += filtered_[s];
  }
  outcomes.push_back(std::move(o));
}

std::string PredictedFilteringRule::TopReasons(int sender) const {
  const std::vector<double>& r = ScoreOf(sender).by_reason;
  double sum = 0;
  for (double v : r) sum += v;
  std::vector<int> idx;
  for (size_t i = 0; i < r.size(); ++i) {
    if (r[i] > 0) idx.push_back(static_cast<int>(i));
  }
  std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return r[a] > r[b]; });
  if (idx.size() > 3) idx.resize(3);
  std::vector<std::string> parts;
  for (int i : idx) {
    parts.push_back(absl::StrFormat("%s %.0f%%", reasons_->labels()[i], 100 * r[i] / sum));
  }
  return absl::StrJoin(parts, "; ");
}

void PredictedFilteringRule::Report(const ReportContext& context, std::vector<Diagnostic>& findings,
                                    std::vector<RuleOutcome>&) const {
  const SimResult& result = *context.result;
  const Campaign& campaign = *context_->campaign;
  const absl::TimeZone& zone = context_->zone;
  std::vector<int> filtered;
  int64_t total = 0;
  for (int s = 0; s < context_->senders; ++s) {
    if (result.senders[s].filtered == 0) continue;
    filtered.push_back(s);
    total += result.senders[s].filtered;
  }
  if (filtered.empty()) return;
  std::sort(filtered.begin(), filtered.end(), [&](int a, int b) {
    return first_filtered_[a] != first_filtered_[b] ? first_filtered_[a] < first_filtered_[b]
                                                    : a < b;
  });
  const int first = filtered[0];
  Diagnostic d;
  d.rule = rule_ids::kPredictedFiltering;
  d.level = Level::kError;
  d.span = SpanAt(campaign, SenderPos(campaign, first));
  d.message = absl::StrCat(
      WithCommas(total), " of ", Plural(result.messages, "message"), total == 1 ? " is" : " are",
      " predicted filtered (error 30007), first on ", SenderLabel(campaign, first), " from ",
      FormatMicros(first_filtered_[first], zone), "; top reasons: ", TopReasons(first), " (",
      kModelCaveat, ")");
  for (int s : filtered) {
    d.notes.push_back(absl::StrCat(SenderLabel(campaign, s), ": ",
                                   WithCommas(result.senders[s].filtered), " filtered from ",
                                   FormatMicros(first_filtered_[s], zone), "; ", TopReasons(s)));
  }
  d.suggestion =
      "fix the reasons above: lower the rate, drop the flagged content, send from "
      "one number";
  findings.push_back(std::move(d));
}

}  // namespace smslint
