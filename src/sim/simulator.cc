#include "sim/simulator.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <memory>
#include <optional>
#include <span>
#include <thread>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "campaign/time_zones.h"
#include "sim/local_time.h"
#include "sim/plan_inputs.h"
#include "sim/planned_run.h"
#include "sim/provider_queue.h"
#include "sim/rules/finding_text.h"
#include "sim/rules/registry.h"
#include "sim/rules/rule_ids.h"
#include "sim/rules/snowshoeing_rule.h"
#include "sim/rules/traffic_rule.h"
#include "util/strings.h"
#include "util/threads.h"

namespace smslint {
namespace {

// Runs the rules over the plan: the context once, each message through every rule
// (count stage, then the filter model), then outcomes, findings and the per-sender
// counts the report draws.
class Simulation {
 public:
  Simulation(const SimulationInput& input, const SendPlan& plan, PortfolioState* portfolio)
      : in_(input), plan_(plan), portfolio_(portfolio) {}
  // With the provider queue's outcome for `plan` already run (PlanRun).
  Simulation(const SimulationInput& input, const SendPlan& plan, QueueOutcome queue,
             PortfolioState* portfolio)
      : in_(input), plan_(plan), portfolio_(portfolio), queue_(std::move(queue)), queued_(true) {}

  SimulationOutput Run();

  // The portfolio run drives these itself: Setup, then the messages a run of the
  // merged time order at a time, then Finish.
  void Setup();
  // The next messages to leave the queue through every rule: the next one, then those
  // that leave by `bound`, `max` in all at most.
  void Observe(size_t max, int64_t bound = INT64_MAX);
  SimulationOutput Finish();
  // Whether every message was observed; when the next one leaves the queue.
  bool done() const { return order_->done(); }
  int64_t NextTime() const { return order_->PeekTime(); }
  const RuleContext& context() const { return context_; }

 private:
  // `first_us`: the earliest a message leaves the queue (or the start, if earlier).
  void SetupSeries(int64_t first_us);
  void ToSend(uint32_t index, Send& send);
  void ObserveAll();
  void Count(const Send& send, const MessageVerdict& verdict);
  void FillResult(const std::vector<RuleOutcome>& outcomes);

  const SimulationInput& in_;
  const SendPlan& plan_;
  PortfolioState* portfolio_;
  SimulationOutput out_;
  std::vector<Send> batch_sends_;
  std::vector<MessageVerdict> batch_verdicts_;
  RuleContext context_;
  FilterReasons reasons_;
  std::vector<std::unique_ptr<TrafficRule>> rules_;  // count stage first, then filter
  std::vector<TrafficRule*> observing_;              // the rules with something to observe
  std::vector<SlidingCounts> sender_sends_;          // per sender
  bool count_sender_sends_ = false;                  // an observing rule reads Send::sender_sends
  QueueOutcome queue_;
  bool queued_ = false;  // queue_ given, not run in Setup
  // Over queue_. Pipelined (ObserveAll), the reader writes it as the counts beside
  // are read: a cache line of its own.
  alignas(64) std::optional<ReleaseOrder> order_;
  alignas(64) int64_t bucket_us_ = 60'000'000;
  int64_t series_start_us_ = 0;
  size_t bucket_ = 0;  // Count's last bucket, [bucket_begin_us_, bucket_end_us_)
  int64_t bucket_begin_us_ = INT64_MAX;
  int64_t bucket_end_us_ = INT64_MIN;
};

void Simulation::Setup() {
  const Campaign& campaign = *in_.campaign;
  RuleContext& c = context_;
  c.campaign = in_.campaign;
  c.recipients = in_.recipients;
  c.profile = in_.profile;
  c.plan = &plan_;
  c.portfolio = portfolio_;
  c.show_pii = in_.show_pii;
  c.content_findings = &in_.content_findings;
  c.zone = ScheduleTimeZone(campaign);
  c.recipient_zones = ResolveRecipientZones(in_.recipients, c.zone, plan_.start);
  c.senders = SenderCount(campaign);
  c.templates = static_cast<int>(campaign.templates.size());
  c.body_classes = SimilarBodyClasses(campaign, in_.profile->filter.similarity);
  c.body_class_count = 0;
  for (int cls : c.body_classes) c.body_class_count = std::max(c.body_class_count, cls + 1);
  c.body_class_count = std::max(c.body_class_count, 1);
  c.template_segments = TemplateSegments(campaign);
  if (!queued_) {
    queue_ = RunProviderQueue(campaign, *in_.profile, in_.recipients, plan_, c.template_segments,
                              in_.seed);
  }
  c.queue = &queue_;
  order_.emplace(queue_);
  c.validity_us = queue_.validity_us;
  c.late_after_us = queue_.late_after_us;
  FindSnowshoeGroups(c);
  c.start_us = ToMicros(plan_.start);
  c.end_us = c.start_us;
  int64_t first_us = c.start_us;
  for (uint32_t i = 0; i < queue_.size(); ++i) {
    const int64_t t = queue_.TimeUs(i);
    c.end_us = std::max(c.end_us, t);
    first_us = std::min(first_us, t);
  }
  sender_sends_.resize(c.senders);
  SetupSeries(first_us);

  rules_ = MakeTrafficRules();
  // The filter model reads what the counting rules signal for the same message.
  std::stable_sort(rules_.begin(), rules_.end(),
                   [](const auto& a, const auto& b) { return a->stage() < b->stage(); });
  for (const auto& rule : rules_) {
    if (rule->Setup(context_, reasons_)) observing_.push_back(rule.get());
  }
  count_sender_sends_ = std::any_of(observing_.begin(), observing_.end(),
                                    [](const TrafficRule* r) { return r->ReadsSenderSends(); });
}

// The sender table and chart series: buckets sized to the campaign's length.
void Simulation::SetupSeries(int64_t first_us) {
  const int64_t end_us = context_.end_us;
  const int64_t span = end_us - first_us;
  const int64_t hour = 3'600'000'000, day = 24 * hour;
  bucket_us_ = span <= 3 * hour ? 60'000'000 : span <= 14 * day ? hour : day;
  // Bound the charts whatever the campaign (each value is in every output: JSON, the
  // HTML report): past kMaxChartValues over all senders and their three series (sends,
  // filtered, quiet hours) the buckets are whole days, as few as fit. A year by the
  // day for 200 numbers fits; a campaign of millennia once gave 3.4M values a series
  // and a JSON report of 220 MB.
  constexpr int64_t kMaxChartValues = 250'000;
  const int64_t per_series =
      std::max<int64_t>(2, kMaxChartValues / (3 * std::max<int64_t>(1, context_.senders)));
  if ((span + day) / bucket_us_ + 1 > per_series) {
    bucket_us_ = ((span + day) / (day * (per_series - 1)) + 1) * day;
  }
  if (bucket_us_ % day == 0) {
    // Days as the schedule's zone counts them: from the local midnight of the first
    // message's day (a UTC day from New York is 19:00 to 19:00).
    series_start_us_ = std::min(
        first_us, ToMicros(absl::FromCivil(absl::ToCivilDay(FromMicros(first_us), context_.zone),
                                           context_.zone)));
  } else {
    series_start_us_ = first_us - ((first_us % bucket_us_) + bucket_us_) % bucket_us_;
  }
  const size_t buckets = static_cast<size_t>((end_us - series_start_us_) / bucket_us_ + 1);
  out_.result.senders.resize(context_.senders);
  for (int s = 0; s < context_.senders; ++s) {
    SenderStats& stats = out_.result.senders[s];
    stats.number = SenderLabel(*in_.campaign, s);
    for (TimeSeries* series : {&stats.sends, &stats.filtered_series, &stats.quiet_series}) {
      series->start = FromMicros(series_start_us_);
      series->bucket = absl::Microseconds(bucket_us_);
      series->values.assign(buckets, 0);
    }
  }
}

void Simulation::ToSend(uint32_t index, Send& send) {
  const SendEvent& e = plan_.events[index];
  send.time_us = queue_.TimeUs(index);
  send.submit_us = e.time_us();
  send.row = e.row;
  send.sender = e.sender < context_.senders ? e.sender : 0;
  send.template_index = e.template_index < context_.templates ? e.template_index : 0;
  send.body_class = context_.templates > 0 ? context_.body_classes[send.template_index] : 0;
  send.segments = context_.templates > 0 ? context_.template_segments[send.template_index] : 1;
  send.carrier = queue_.Carrier(index);
  send.expired = queue_.expired[index];
  send.late = e.late() || (!send.expired && send.time_us - send.submit_us >= queue_.late_after_us &&
                           queue_.late_after_us > 0);
  // A message that never left the queue is not one its number sent.
  if (!send.expired && count_sender_sends_)
    send.sender_sends = sender_sends_[send.sender].Add(send.time_us);
}

void Simulation::Count(const Send& send, const MessageVerdict& verdict) {
  SenderStats& stats = out_.result.senders[send.sender];
  // Messages come in time order: most fall in the last one's bucket (a division per
  // message otherwise).
  if (send.time_us < bucket_begin_us_ || send.time_us >= bucket_end_us_) {
    bucket_ = static_cast<size_t>((send.time_us - series_start_us_) / bucket_us_);
    bucket_begin_us_ = series_start_us_ + static_cast<int64_t>(bucket_) * bucket_us_;
    bucket_end_us_ = bucket_begin_us_ + bucket_us_;
  }
  const size_t bucket = bucket_;
  // The time as absl's only where a first of its kind is noted (not on time).
  auto t = [&send] { return FromMicros(send.time_us); };
  ++stats.sent;
  stats.segments += send.segments;
  if (verdict.failed != nullptr) {
    ++stats.failed;
    if (verdict.failed == std::string_view(rule_ids::kQueueExpiry)) {
      ++stats.failed_queue;
    } else {
      ++stats.failed_cap;
    }
    stats.first_failed.Note(t(), verdict.failed);
    return;
  }
  ++stats.sends.values[bucket];
  if (verdict.quiet_hours) {
    ++stats.quiet_hours;
    ++stats.quiet_series.values[bucket];
    stats.first_quiet.Note(t(), rule_ids::kQuietHours);
  }
  if (verdict.filtered) {
    ++stats.filtered;
    ++stats.filtered_series.values[bucket];
    stats.first_filtered.Note(t(), rule_ids::kPredictedFiltering);
    return;
  }
  ++stats.delivered;
  if (verdict.stale) {
    ++stats.stale;
    stats.first_stale.Note(t(), rule_ids::kStaleDelivery);
  } else if (send.late) {
    ++stats.late;
    // Late from the provider queue is the throughput's doing; late from waiting for
    // the recipient's window is the schedule's design.
    const bool queued = send.time_us - send.submit_us >= queue_.late_after_us;
    stats.first_late.Note(t(), queued ? rule_ids::kThroughput : "");
  } else {
    ++stats.on_time;
  }
}

void Simulation::Observe(size_t max, int64_t bound) {
  // A batch of messages goes through every rule in turn: each rule's loop stays
  // tight, and a rule only ever needs the messages in time order.
  batch_sends_.resize(std::max(batch_sends_.size(), max));
  batch_verdicts_.resize(std::max(batch_verdicts_.size(), max));
  size_t n = 0;
  do {
    ToSend(order_->Pop(), batch_sends_[n]);
    batch_verdicts_[n].Reset();
    ++n;
  } while (n < max && !order_->done() && order_->PeekTime() <= bound);
  const std::span<const Send> batch(batch_sends_.data(), n);
  const std::span<MessageVerdict> verdicts(batch_verdicts_.data(), n);
  for (TrafficRule* rule : observing_) rule->Observe(batch, verdicts);
  for (size_t i = 0; i < n; ++i) Count(batch_sends_[i], batch_verdicts_[i]);
}

void Simulation::ObserveAll() {
  constexpr size_t kBatch = 256;
  // In submission order the release order costs nothing to read: one thread.
  if (plan_.events.size() <= in_.pipelined_above_messages || queue_.in_order ||
      std::thread::hardware_concurrency() < 2) {
    while (!order_->done()) Observe(kBatch);
    return;
  }
  // Two stages on two threads, the same batches as above: a reader takes each batch's
  // plan events from the release order (Pop) into a ring of slots, and this thread
  // makes them sends and runs the rules and counts on the batch the reader took
  // before. The events' indices cross between the cores, 4 bytes a message: sends
  // written there (72 bytes) cost the reader a cache line taken back from this
  // thread's cache every message, and the reader was as slow as both stages on one
  // thread. A slot holds the count of its events: kFree until filled, kEnd once the
  // reader is done.
  constexpr size_t kSlots = 8;
  constexpr uint32_t kFree = 0, kEnd = UINT32_MAX;
  std::vector<uint32_t> indices(kSlots * kBatch);
  // A cache line each: the two threads write neighbouring slots at once.
  struct alignas(64) Slot {
    std::atomic<uint32_t> n{kFree};
  };
  std::array<Slot, kSlots> filled;
  std::atomic<bool> stop{false};  // the rules failed: the reader ends
  std::exception_ptr reader_failed;
  batch_sends_.resize(std::max(batch_sends_.size(), kBatch));
  batch_verdicts_.resize(std::max(batch_verdicts_.size(), kBatch));
  std::thread reader = StartThread([&] {
    size_t k = 0;  // the next slot: free once the wait below ends
    try {
      for (;; k = (k + 1) % kSlots) {
        std::atomic<uint32_t>& slot = filled[k].n;
        for (uint32_t v; (v = slot.load(std::memory_order_acquire)) != kFree;) slot.wait(v);
        if (stop.load(std::memory_order_relaxed) || order_->done()) break;
        uint32_t n = 0;
        do {
          indices[k * kBatch + n] = order_->Pop();
        } while (++n < kBatch && !order_->done());
        slot.store(n, std::memory_order_release);
        slot.notify_one();
      }
    } catch (...) {
      reader_failed = std::current_exception();
    }
    filled[k].n.store(kEnd, std::memory_order_release);
    filled[k].n.notify_one();
  });
  try {
    for (size_t k = 0;; k = (k + 1) % kSlots) {
      std::atomic<uint32_t>& slot = filled[k].n;
      uint32_t n;
      while ((n = slot.load(std::memory_order_acquire)) == kFree) slot.wait(kFree);
      if (n == kEnd) break;
      for (uint32_t i = 0; i < n; ++i) {
        ToSend(indices[k * kBatch + i], batch_sends_[i]);
        batch_verdicts_[i].Reset();
      }
      slot.store(kFree, std::memory_order_release);
      slot.notify_one();
      const std::span<const Send> batch(batch_sends_.data(), n);
      const std::span<MessageVerdict> verdicts(batch_verdicts_.data(), n);
      for (TrafficRule* rule : observing_) rule->Observe(batch, verdicts);
      for (size_t i = 0; i < n; ++i) Count(batch[i], verdicts[i]);
    }
  } catch (...) {
    stop.store(true, std::memory_order_relaxed);
    for (Slot& slot : filled) {
      slot.n.store(kFree, std::memory_order_release);
      slot.n.notify_one();
    }
    reader.join();
    throw;
  }
  reader.join();
  if (reader_failed) std::rethrow_exception(reader_failed);
}

void Simulation::FillResult(const std::vector<RuleOutcome>& outcomes) {
  const Profile& profile = *in_.profile;
  SimResult& r = out_.result;
  r.profile = profile.name;
  r.time_zone = context_.zone.name();
  r.start = plan_.start;
  r.end = FromMicros(context_.end_us);
  r.messages = static_cast<int64_t>(plan_.events.size());
  // The chart's limit line: the tightest per-number error limit on sends.
  double per_bucket = 0, per_day = 0;
  for (const RuleOutcome& o : outcomes) {
    if (o.limit_index < 0) continue;
    const Limit& limit = profile.limits[o.limit_index];
    if (limit.scope != Scope::kSender || limit.counter == Counter::kIdentical ||
        limit.level != Level::kError) {
      continue;
    }
    const int64_t w = WindowMicros(limit.window);
    if (w <= bucket_us_) {
      const double v = o.limit * static_cast<double>(bucket_us_) / static_cast<double>(w);
      if (per_bucket == 0 || v < per_bucket) per_bucket = v;
    }
    if (limit.window == Window::kDay && (per_day == 0 || o.limit < per_day)) per_day = o.limit;
  }
  // The provider releases no faster than its per-number rate (one-segment messages).
  for (const ReleaseOutcome& release : queue_.releases) {
    if (release.rate->scope != Scope::kSender) continue;
    const double v = release.per_second * static_cast<double>(bucket_us_) / 1e6;
    if (per_bucket == 0 || v < per_bucket) per_bucket = v;
  }
  for (int s = 0; s < context_.senders; ++s) {
    SenderStats& stats = r.senders[s];
    stats.limit_per_bucket = per_bucket;
    stats.limit_per_day = per_day;
    r.Add(stats);
    // First violation: the earliest time this number crossed a rule; on a tie, the
    // outcome listed first (limits in profile order, then the rule id table's order).
    for (const RuleOutcome& o : outcomes) {
      if (o.first_over_by_sender.empty()) continue;
      const int64_t t = o.first_over_by_sender[s];
      if (t == INT64_MAX) continue;
      if (stats.first_violation_rule.empty() || FromMicros(t) < stats.first_violation) {
        stats.first_violation = FromMicros(t);
        stats.first_violation_rule = std::string(o.rule);
      }
    }
  }
}

SimulationOutput Simulation::Run() {
  Setup();
  ObserveAll();
  return Finish();
}

SimulationOutput Simulation::Finish() {
  std::vector<RuleOutcome> outcomes;
  for (const auto& rule : rules_) rule->AddOutcomes(outcomes);
  std::stable_sort(outcomes.begin(), outcomes.end(),
                   [](const RuleOutcome& a, const RuleOutcome& b) {
                     const bool a_limit = a.limit_index >= 0, b_limit = b.limit_index >= 0;
                     if (a_limit != b_limit) return a_limit;
                     if (a_limit) return a.limit_index < b.limit_index;
                     return rule_ids::TrafficRuleRank(a.rule) < rule_ids::TrafficRuleRank(b.rule);
                   });
  FillResult(outcomes);

  ReportContext report;
  report.run = &context_;
  report.result = &out_.result;
  report.outcomes = &outcomes;
  std::vector<RuleOutcome> judged;
  for (const auto& rule : rules_) rule->Report(report, out_.diagnostics, judged);
  for (RuleOutcome& o : judged) outcomes.push_back(std::move(o));
  SortDiagnostics(out_.diagnostics);
  return std::move(out_);
}

// What a plan that does not end before the horizon gives instead of a simulation: its
// messages piled onto the last instant would make every count after it meaningless
// (a rate of a message a month "faster than the provider releases").
SimulationOutput NotSimulated(const SimulationInput& input, const SendPlan& plan) {
  const Campaign& campaign = *input.campaign;
  const Schedule& schedule = campaign.schedule;
  SimulationOutput out;
  out.simulated = false;
  Diagnostic d;
  d.rule = rule_ids::kStaleDelivery;
  d.level = Level::kError;
  d.span =
      schedule.rate.present
          ? SpanAt(campaign, schedule.rate.pos, static_cast<int>(schedule.rate->text.size()))
          : SpanAt(campaign, FirstKnown({schedule.window.pos, schedule.days.pos, schedule.pos}));
  const std::string pace =
      schedule.rate.present
          ? absl::StrCat("schedule.rate ", schedule.rate->text)
          : absl::StrCat("the route's rate, ", FormatNumber(plan.rate_per_second), "/s");
  const int senders = SenderCount(campaign);
  d.message = absl::StrCat("the send does not end before ",
                           FormatMicros(kLatestPlanTimeUs, ScheduleTimeZone(campaign)),
                           ", the latest time smslint simulates: at ", pace, " from ",
                           Plural(senders, "sender number"), ", ", WithCommas(plan.past_horizon),
                           " of ", WithCommas(static_cast<int64_t>(plan.events.size())),
                           " messages would still be waiting then; the send is not simulated");
  d.suggestion =
      "raise schedule.rate within the profile, widen schedule.window or schedule.days, or split "
      "the recipients into several campaigns";
  out.diagnostics.push_back(std::move(d));
  return out;
}

}  // namespace

SimulationOutput Simulate(const SimulationInput& input, const SendPlan& plan) {
  if (plan.past_horizon > 0) return NotSimulated(input, plan);
  PortfolioState alone;
  Simulation simulation(input, plan, &alone);
  return simulation.Run();
}

PlannedRun PlanRun(const SimulationInput& input) {
  PlannedRun run;
  run.plan = PlanSends(input);
  run.queue = RunProviderQueue(*input.campaign, *input.profile, input.recipients, run.plan,
                               TemplateSegments(*input.campaign), input.seed);
  return run;
}

SimulationOutput Simulate(const SimulationInput& input, PlannedRun run) {
  // A run of millions of messages frees hundreds of MB of per-message arrays that
  // malloc keeps (main.cc), and the next such run (the plan search's run on every
  // row, of as many messages) takes them again. They are not given back in between:
  // at 10,000,000 recipients that made the next run fault in fresh pages, 0.6 s, for
  // the same peak (389-391 MB either way).
  if (run.plan.past_horizon > 0) return NotSimulated(input, run.plan);
  PortfolioState alone;
  Simulation simulation(input, run.plan, std::move(run.queue), &alone);
  return simulation.Run();
}

std::string BrandKey(std::string_view brand) {
  std::string key;
  for (char ch : brand) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || absl::ascii_isalnum(c))
      key.push_back(static_cast<char>(absl::ascii_tolower(c)));
  }
  return key;
}

PortfolioOutput SimulatePortfolio(const std::vector<SimulationInput>& inputs) {
  PortfolioOutput out;
  const size_t n = inputs.size();
  if (n == 0) return out;
  PortfolioState state;
  state.campaigns = static_cast<int>(n);
  std::vector<SendPlan> plans;
  plans.reserve(n);
  for (const SimulationInput& input : inputs) plans.push_back(PlanSends(input));
  // A campaign that does not end before the horizon is not simulated (NotSimulated)
  // and takes no part in the timeline.
  std::vector<std::unique_ptr<Simulation>> sims;
  for (size_t i = 0; i < n; ++i) {
    if (plans[i].past_horizon > 0) {
      sims.push_back(nullptr);
      continue;
    }
    sims.push_back(std::make_unique<Simulation>(inputs[i], plans[i], &state));
    sims.back()->Setup();
  }
  // One timeline: the next message of the brand is the earliest head among the
  // campaigns (ties to the campaign given first); a campaign's run of messages up to
  // the next head of another goes through its rules as one batch.
  constexpr size_t kBatch = 256;
  while (true) {
    size_t pick = n;
    int64_t pick_t = INT64_MAX;
    for (size_t i = 0; i < n; ++i) {
      if (!sims[i] || sims[i]->done()) continue;
      const int64_t t = sims[i]->NextTime();
      if (pick == n || t < pick_t) pick = i, pick_t = t;
    }
    if (pick == n) break;
    int64_t bound = INT64_MAX;  // the other campaigns' earliest head
    for (size_t i = 0; i < n; ++i) {
      if (i == pick || !sims[i] || sims[i]->done()) continue;
      const int64_t t = sims[i]->NextTime();
      // A later campaign's message at the same time waits for this one's turn.
      bound = std::min(bound, i < pick ? t - 1 : t);
    }
    sims[pick]->Observe(kBatch, bound);
  }
  for (size_t i = 0; i < n; ++i) {
    out.campaigns.push_back(sims[i] ? sims[i]->Finish() : NotSimulated(inputs[i], plans[i]));
  }
  PortfolioSummary& summary = out.summary;
  summary.brand = inputs[0].campaign->campaign.brand.value;
  std::vector<const RuleContext*> contexts;
  std::vector<const SimResult*> results;
  std::vector<std::vector<Diagnostic>*> findings;
  for (size_t i = 0; i < n; ++i) {
    if (!sims[i]) {
      summary.not_simulated.push_back(inputs[i].campaign->path);
      continue;
    }
    summary.campaigns.push_back(inputs[i].campaign->path);
    if (contexts.empty()) summary.time_zone = out.campaigns[i].result.time_zone;
    contexts.push_back(&sims[i]->context());
    summary.totals.Add(out.campaigns[i].result);
    results.push_back(&out.campaigns[i].result);
    findings.push_back(&out.campaigns[i].diagnostics);
  }
  for (const auto& [id, cap] : state.caps) {
    PortfolioSummary::SharedCap c;
    c.carrier = cap.carrier;
    c.unit = cap.unit;
    c.value = cap.value;
    c.peak_day = cap.peak_day_segments;
    c.failed = cap.failed;
    if (cap.first_failed_us != INT64_MAX) c.first_failed = FromMicros(cap.first_failed_us);
    summary.caps.push_back(std::move(c));
  }
  summary.frequency_over = state.frequency_over;
  summary.frequency_recipients = static_cast<int64_t>(state.over_recipients.size());
  summary.max_in_24h = state.max_in_24h;
  FindPortfolioSnowshoeing(contexts, results, findings, summary);
  for (SimulationOutput& o : out.campaigns) SortDiagnostics(o.diagnostics);
  return out;
}

SimulationOutput Simulate(const SimulationInput& input) { return Simulate(input, PlanRun(input)); }

}  // namespace smslint
