#include "sim/plan_search.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "campaign/phone_numbers.h"
#include "campaign/sender_numbers.h"
#include "campaign/time_zones.h"
#include "sim/local_time.h"
#include "sim/plan_inputs.h"
#include "sim/rules/rule_ids.h"
#include "sim/sim_text.h"
#include "util/strings.h"
#include "util/task_pool.h"

namespace smslint {
namespace {

constexpr std::string_view kDayNames[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr uint8_t kAllDays = 0x7f;
constexpr uint8_t kSunday = 1 << 6;
constexpr uint8_t kWeekend = (1 << 5) | (1 << 6);
// A plan longer than this is a traffic/stale-delivery warning (stale_delivery_rule.cc).
constexpr int kLongCampaignDays = 30;

// Findings a slower rate clears: more messages in a window, a day or a queue than the
// route carries, and the filtering that volume causes.
bool IsVolumeRule(std::string_view rule) {
  return rule == rule_ids::kQueueExpiry || rule == rule_ids::kCarrierCap ||
         rule == rule_ids::kPredictedFiltering || rule_ids::IsLimitRule(rule);
}

// A candidate: every field the search may change, set explicitly.
struct Candidate {
  Route route = Route::kP2P;
  bool route_present = false;
  int senders = 0;  // how many of the listed numbers (0 when none is listed)
  bool window_present = false;
  MinuteWindow window;
  uint8_t days = kAllDays;  // kAllDays with days_present false: the key is absent
  bool days_present = false;
  SenderStrategy strategy = SenderStrategy::kRoundRobin;
  bool strategy_present = false;
  int rate = -1;  // index into PlanRates(); -1: the campaign's own rate

  std::string Key() const {
    return absl::StrCat(route_present ? static_cast<int>(route) : -1, "|", senders, "|",
                        window_present ? window.begin_minute : -1, "-",
                        window_present ? window.end_minute : -1, "|", days_present ? days : 0, "|",
                        strategy_present ? static_cast<int>(strategy) : -1, "|", rate);
  }
};

struct Scored {
  Candidate candidate;
  std::set<std::string> errors;    // traffic rule ids at error
  std::set<std::string> warnings;  // traffic rule ids at warning
  bool volume = false;             // a finding a slower rate would clear
  bool fixed_by_shape = false;     // a finding no rate clears (quiet hours, snowshoeing)
  // traffic/predicted-filtering with content findings feeding the filter: the message's
  // problem, not the schedule's (no rate is slow enough for a carrier to pass a
  // shortener), so it neither ranks candidates nor counts against them.
  bool content_filtered = false;
  int64_t bad = 0;  // failed, filtered, stale or in quiet hours
  int64_t end_us = 0;
  int changes = 0;
  Outcomes outcomes;
  absl::Time end;
  // The window traffic/quiet-hours suggests ("narrow schedule.window ... \"09:00-18:00\"").
  std::optional<MinuteWindow> suggested_window;
  bool zone_uncertain = false;  // a quiet-hours breach only in some of a number's zones

  bool clean() const { return errors.empty() && warnings.empty(); }
  auto Rank() const {
    return std::make_tuple(errors.size(), warnings.size(), bad, end_us, changes);
  }
};

bool Better(const Scored& a, const Scored& b) { return a.Rank() < b.Rank(); }

// What a search's first round learns from a run (PlanSearch::SearchFrom's `learn`):
// the same for `a` and `b`, and neither clean.
bool SameLessons(const Scored& a, const Scored& b) {
  if (a.clean() || b.clean()) return false;
  auto rules = [](const Scored& s) {
    std::set<std::string> all = s.errors;
    all.insert(s.warnings.begin(), s.warnings.end());
    return all;
  };
  const auto window = [](const Scored& s) {
    return s.suggested_window
               ? std::make_pair(s.suggested_window->begin_minute, s.suggested_window->end_minute)
               : std::make_pair(-1, -1);
  };
  return rules(a) == rules(b) && window(a) == window(b);
}

std::vector<std::string> DayItems(uint8_t mask) {
  std::vector<std::string> names;
  for (int d = 0; d < 7; ++d) {
    if (mask & (1 << d)) names.emplace_back(kDayNames[d]);
  }
  return names;
}

std::string DaysText(uint8_t mask) {
  return absl::StrCat("[", absl::StrJoin(DayItems(mask), ", "), "]");
}

std::vector<absl::Weekday> Weekdays(uint8_t mask) {
  static constexpr absl::Weekday kOrder[7] = {absl::Weekday::monday,    absl::Weekday::tuesday,
                                              absl::Weekday::wednesday, absl::Weekday::thursday,
                                              absl::Weekday::friday,    absl::Weekday::saturday,
                                              absl::Weekday::sunday};
  std::vector<absl::Weekday> days;
  for (int d = 0; d < 7; ++d) {
    if (mask & (1 << d)) days.push_back(kOrder[d]);
  }
  return days;
}

// The mean SMS segments of one message over the templates, weighted as drawn.
double MeanSegments(const Campaign& campaign) {
  const std::vector<int> segments = TemplateSegments(campaign);
  if (segments.empty()) return 1;
  double total_weight = 0, sum = 0;
  for (size_t i = 0; i < segments.size(); ++i) {
    const Template& t = campaign.templates[i];
    const double w = t.weight.present ? t.weight.value : 1.0;
    total_weight += w;
    sum += w * segments[i];
  }
  if (!(total_weight > 0)) {
    for (int n : segments) sum += n;
    return sum / static_cast<double>(segments.size());
  }
  return std::max(1.0, sum / total_weight);
}

// The fastest per-number rate the profile lets `campaign` send without a rate
// finding: its per-number and per-campaign limits under a day, and the provider's
// release rates (in segments, per number, per campaign, per carrier).
double FastestRate(const Campaign& campaign, const Profile& profile) {
  const double numbers = static_cast<double>(SenderCount(campaign));
  const double segments = MeanSegments(campaign);
  double rate = 0;
  auto take = [&](double r) {
    if (r > 0 && (rate == 0 || r < rate)) rate = r;
  };
  for (const Limit& limit : profile.limits) {
    if (limit.counter == Counter::kIdentical || limit.window == Window::kDay) continue;
    const double per_window = limit.For(campaign);
    const double seconds = static_cast<double>(WindowMicros(limit.window)) / 1e6;
    const double share = limit.carrier.empty() ? 1.0 : profile.CarrierShareOf(limit.carrier);
    if (limit.scope == Scope::kSender) {
      take(per_window / seconds);
    } else {
      take(per_window / seconds / std::max(share, 1e-9) / numbers);
    }
  }
  for (const ReleaseRate& release : profile.queue.release) {
    const double value = release.For(campaign);
    if (value <= 0) continue;
    const double share = release.carrier.empty() ? 1.0 : profile.CarrierShareOf(release.carrier);
    if (release.scope == Scope::kSender) {
      take(value / segments);
    } else {
      take(value / std::max(share, 1e-9) / numbers / segments);
    }
  }
  return rate > 0 ? rate : 1.0;
}

// Largest index of PlanRates() at or below `per_second` (0 when all are above).
int RateIndexAtMost(double per_second) {
  const std::vector<PlanRate>& rates = PlanRates();
  int index = 0;
  for (int i = 0; i < static_cast<int>(rates.size()); ++i) {
    if (rates[i].per_second <= per_second * (1 + 1e-9)) index = i;
  }
  return index;
}

// Every `stride`-th sendable row of `table`, its fields with it: the sample a large
// campaign's candidates are screened on.
RecipientTable SampleRows(const RecipientTable& table, size_t stride) {
  std::vector<uint32_t> rows;
  size_t sendable = 0;
  for (size_t r = 0; r < table.size(); ++r) {
    if (RowIsSent(table, r) && sendable++ % stride == 0) rows.push_back(static_cast<uint32_t>(r));
  }
  return table.Subset(rows);
}

// The profile for a sample of one message in `k`: every count a carrier or provider
// allows is divided by k (the sample sends at 1/k of the rate, so its timeline is the
// campaign's), and every per-message filter weight multiplied by k. Limits under a
// day are left out: the rates searched never exceed them (FastestRate), and a count
// of a few messages a second cannot be divided.
Profile ScaledProfile(const Profile& full, double k) {
  Profile p = full;
  const double f = 1 / k;
  auto scale = [f](TieredFigure& t) {
    t.value *= f;
    for (TrustTier& tier : t.tiers) tier.value *= f;
    for (auto& entry : t.brand_types) entry.second *= f;
    for (auto& entry : t.use_cases) entry.second *= f;
  };
  p.limits.clear();
  for (Limit limit : full.limits) {
    if (limit.window != Window::kDay) continue;
    scale(limit);
    limit.filter_weight *= k;
    p.limits.push_back(std::move(limit));
  }
  for (ReleaseRate& release : p.queue.release) scale(release);
  for (DailyCap& cap : p.caps) scale(cap);
  p.snowshoeing.number_rate *= f;
  p.snowshoeing.filter_weight *= k;
  if (p.opt_out) {
    p.opt_out->min_messages =
        std::max(1, static_cast<int>(std::lround(p.opt_out->min_messages * f)));
    p.opt_out->filter_weight *= k;
  }
  if (p.balance) {
    p.balance->min_messages =
        std::max(1, static_cast<int>(std::lround(p.balance->min_messages * f)));
  }
  for (auto& entry : p.filter.content_weights) entry.second *= k;
  p.filter.copies_weight *= k;
  return p;
}

// One candidate's simulation as a task on the pool: its own copy of the campaign with
// the candidate applied, so runs can overlap.
struct CandidateRun {
  Campaign campaign;
  SimulationInput input;
  SimulationOutput output;
  TaskPool::Handle task;
};

class PlanSearch {
 public:
  PlanSearch(const SimulationInput& input, const PlanSearchOptions& options, TaskPool& pool)
      : input_(input),
        options_(options),
        pool_(pool),
        base_(*input.campaign),
        work_(*input.campaign) {
    budget_ = options.budget_messages;
    base_key_ = BaseCandidate().Key();
    for (const Diagnostic& d : input.content_findings) {
      if (input.profile->filter.ContentWeight(d.rule) > 0) content_filter_ = true;
    }
  }
  // Runs still on the pool read this search's sample and profiles.
  ~PlanSearch() { DropRuns(); }
  PlanSearch(const PlanSearch&) = delete;
  PlanSearch& operator=(const PlanSearch&) = delete;

  Recommendation Run(const SimulationOutput& current);
  // The search begun before the run of the campaign as written has ended (a large
  // list's, on a sample): `current` waits for that run. The sample's screening of the
  // campaign as written stands in for it in what the first round learns; nullopt when
  // the run, once in, would have taught other rules or another window (or is clean),
  // so that only a search Run would have done itself is ever returned.
  std::optional<Recommendation> RunAhead(int64_t messages,
                                         const std::function<const SimulationOutput&()>& current);

  // After Run: the candidate it chose, the campaign with it applied, its profile.
  const std::optional<Scored>& winner() const { return winner_; }
  Campaign Applied() const {
    Campaign c = base_;
    ApplyTo(winner_->candidate, c);
    return c;
  }
  const Profile* WinnerProfile() { return ProfileFor(winner_->candidate); }
  // A later search's winner, found from Applied(), described against this base.
  Recommendation Adopt(Scored found, int simulations) {
    if (found.candidate.rate < 0) found.candidate.rate = winner_->candidate.rate;
    found.changes = Changes(found.candidate);
    simulations_ += simulations;
    winner_ = found;
    return Describe(found,
                    found.clean() ? Recommendation::Kind::kPlan : Recommendation::Kind::kPartial);
  }
  int simulations() const { return simulations_; }

 private:
  Recommendation Search(const SimulationOutput& current);
  // From the schedule as written on: the sample (on a large list) and its screening.
  void StartSample();
  // The rounds and the confirmation; `first` is what the first round learns from (the
  // run as written, or its sample's screening when searching ahead: nullopt then when
  // that run taught otherwise).
  std::optional<Recommendation> SearchFrom(const Scored& first);
  // The score of the campaign as written, its run waited for on first use.
  const Scored& Now();
  Candidate BaseCandidate() const;
  void ApplyTo(const Candidate& c, Campaign& campaign) const;
  const Profile* ProfileFor(const Candidate& c);
  int Changes(const Candidate& c) const;
  Scored Score(const Candidate& c, const SimulationOutput& out) const;
  // The candidate simulated (once: later calls return the first result); nullopt when
  // the budget is spent.
  std::optional<Scored> Evaluate(const Candidate& c);
  // The best rate for a shape (every field but the rate fixed): the fastest rate the
  // route allows, else the fastest whose run has no volume finding (bisection over
  // PlanRates()).
  std::optional<Scored> BestRate(Candidate shape);
  void Consider(const std::optional<Scored>& s) {
    if (s && (!best_ || Better(*s, *best_))) best_ = s;
  }
  // On a sample, the run on every row that confirms the best candidate so far, started
  // while the search goes on (it is the longest run of all) once a shape is done, when
  // the list is small enough for two full runs to be held at once.
  void ConfirmAhead();
  int64_t ConfirmAheadMessages() const {
    return options_.confirm_ahead_messages > 0 ? options_.confirm_ahead_messages
                                               : kConfirmAheadMessages;
  }
  Recommendation Describe(const Scored& winner, Recommendation::Kind kind) const;
  // The routes the listed senders' number type is provisioned for.
  std::vector<Route> CompatibleRoutes() const;
  // Every combination of the fields worth varying for `rules`, on `route`, the rate
  // left to BestRate.
  std::vector<Candidate> Shapes(const Candidate& base, Route route,
                                const std::set<std::string>& rules,
                                const std::vector<MinuteWindow>& suggested) const;
  std::vector<PlanSetting> Settings(const Candidate& c) const;

  // Candidate runs, started ahead of need (the next steps of a bisection, the shapes
  // still to screen) so that a second core works while this one does. The search's
  // decisions, its budget and its count of simulations only ever see a run when it
  // asks for that candidate, as it would have run it itself: a run started for
  // nothing is dropped, and the result is the same whatever the pool's size.
  // Starts the run of `c` (on the sample when `on_sample`), unless started already;
  // null when the candidate's route has no profile.
  CandidateRun* Launch(const Candidate& c, bool on_sample);
  // The output of the run of `c`, started now when it was not; it is then forgotten.
  SimulationOutput Take(const Candidate& c, bool on_sample);
  // Drops the run of `c` when no thread has started it.
  void Forget(const Candidate& c, bool on_sample);
  void Forget(const Candidate& c) { Forget(c, sample_.has_value()); }
  // Starts the run Evaluate(c) would do, when it has not been done or started.
  void Speculate(const Candidate& c);
  // Every run not taken (only those on the sample when `sample_only`): dropped, or
  // waited for when started (a run on the sample must end before the sample goes).
  void DropRuns(bool sample_only = false);
  static std::string RunKey(const Candidate& c, bool on_sample) {
    return absl::StrCat(on_sample ? "sample|" : "full|", c.Key());
  }

  const SimulationInput& input_;
  const PlanSearchOptions& options_;
  TaskPool& pool_;
  std::function<const SimulationOutput&()> current_;           // the run as written
  std::optional<Scored> now_;                                  // its score, once known
  bool ahead_ = false;                                         // RunAhead: now_ is guessed at first
  std::string base_key_;                                       // BaseCandidate().Key()
  std::map<std::string, std::unique_ptr<CandidateRun>> runs_;  // by RunKey
  std::optional<Candidate> confirm_ahead_;                     // ConfirmAhead's candidate
  const Campaign& base_;
  Campaign work_;
  int64_t budget_ = 0;
  int64_t used_ = 0;
  int simulations_ = 0;
  std::map<std::string, Scored> seen_;
  std::map<Route, std::unique_ptr<Profile>> profiles_;
  std::optional<Scored> best_;
  mutable std::optional<Scored> winner_;  // what Describe last described
  // A large campaign's candidates run on a sample of one sendable row in `stride_`
  // (sample_ set), the winner again on every row.
  size_t stride_ = 1;
  int64_t messages_ = 1;         // the campaign's, as written
  bool content_filter_ = false;  // content findings the filter model weighs
  std::optional<RecipientTable> sample_;
  std::map<Route, std::unique_ptr<Profile>> scaled_;
  const Profile* ScaledFor(const Candidate& c);
  // The candidate on every row (the sample's verdict confirmed).
  Scored Confirm(const Candidate& c);
};

Candidate PlanSearch::BaseCandidate() const {
  Candidate c;
  c.route_present = base_.campaign.route.present;
  c.route = base_.campaign.route.value;
  c.senders = static_cast<int>(base_.senders.size());
  c.window_present = base_.schedule.window.present;
  c.window = base_.schedule.window.value;
  c.days_present = base_.schedule.days.present;
  c.days = c.days_present ? WeekdayMask(base_.schedule.days.value) : kAllDays;
  c.strategy_present = base_.traffic.sender_strategy.present;
  c.strategy = base_.traffic.sender_strategy.value;
  return c;
}

void PlanSearch::ApplyTo(const Candidate& c, Campaign& campaign) const {
  campaign.campaign.route.present = c.route_present;
  campaign.campaign.route.value = c.route;
  campaign.senders.assign(
      base_.senders.begin(),
      base_.senders.begin() + std::min<size_t>(c.senders, base_.senders.size()));
  campaign.schedule.window.present = c.window_present;
  campaign.schedule.window.value = c.window;
  campaign.schedule.days.present = c.days_present;
  campaign.schedule.days.value = c.days_present ? Weekdays(c.days) : std::vector<absl::Weekday>{};
  campaign.traffic.sender_strategy.present = c.strategy_present;
  campaign.traffic.sender_strategy.value = c.strategy;
  if (c.rate >= 0) {
    const PlanRate& rate = PlanRates()[c.rate];
    campaign.schedule.rate.present = true;
    campaign.schedule.rate.value = Rate{rate.per_second, rate.text};
  } else {
    campaign.schedule.rate = base_.schedule.rate;
  }
}

const Profile* PlanSearch::ProfileFor(const Candidate& c) {
  if (c.route_present == base_.campaign.route.present && c.route == base_.campaign.route.value) {
    return input_.profile;
  }
  auto it = profiles_.find(c.route);
  if (it == profiles_.end()) {
    Campaign probe;
    probe.campaign.route = base_.campaign.route;
    probe.campaign.route.value = c.route;
    probe.campaign.route.present = true;
    probe.campaign.country = base_.campaign.country;
    absl::StatusOr<std::string> name = ResolveProfileName(probe, "");
    std::unique_ptr<Profile> profile;
    if (name.ok()) {
      absl::StatusOr<Profile> loaded = LoadProfile(*name);
      if (loaded.ok()) profile = std::make_unique<Profile>(std::move(*loaded));
    }
    it = profiles_.emplace(c.route, std::move(profile)).first;
  }
  return it->second.get();
}

int PlanSearch::Changes(const Candidate& c) const { return static_cast<int>(Settings(c).size()); }

std::vector<PlanSetting> PlanSearch::Settings(const Candidate& c) const {
  const Candidate base = BaseCandidate();
  std::vector<PlanSetting> out;
  if (c.rate >= 0) {
    const PlanRate& rate = PlanRates()[c.rate];
    const bool same =
        base_.schedule.rate.present &&
        std::abs(base_.schedule.rate->per_second - rate.per_second) <= 1e-9 * rate.per_second;
    if (!same) {
      PlanSetting s;
      s.key = "schedule.rate";
      s.value = rate.text;
      s.was = base_.schedule.rate.present ? base_.schedule.rate->text : "";
      out.push_back(std::move(s));
    }
  }
  if (c.window_present != base.window_present ||
      (c.window_present && (c.window.begin_minute != base.window.begin_minute ||
                            c.window.end_minute != base.window.end_minute))) {
    PlanSetting s;
    s.key = "schedule.window";
    s.value = FormatMinuteWindow(c.window);
    s.was = base.window_present ? FormatMinuteWindow(base.window) : "";
    out.push_back(std::move(s));
  }
  if (c.days_present != base.days_present || (c.days_present && c.days != base.days)) {
    PlanSetting s;
    s.key = "schedule.days";
    s.value = DaysText(c.days);
    s.items = DayItems(c.days);
    s.was = base.days_present ? DaysText(base.days) : "";
    out.push_back(std::move(s));
  }
  if (c.senders != base.senders) {
    PlanSetting s;
    s.key = "senders";
    s.count = c.senders;
    s.was_count = base.senders;
    s.value = absl::StrCat(c.senders);
    s.was = absl::StrCat(base.senders);
    out.push_back(std::move(s));
  }
  if (c.route_present != base.route_present || c.route != base.route) {
    PlanSetting s;
    s.key = "campaign.route";
    s.value = std::string(RouteName(c.route));
    s.was = base.route_present ? std::string(RouteName(base.route)) : "";
    out.push_back(std::move(s));
  }
  if (c.strategy_present != base.strategy_present || c.strategy != base.strategy) {
    const SenderStrategy was = base.strategy_present ? base.strategy : SenderStrategy::kRoundRobin;
    if (c.strategy != was) {
      PlanSetting s;
      s.key = "traffic.sender_strategy";
      s.value = std::string(SenderStrategyName(c.strategy));
      s.was = base.strategy_present ? std::string(SenderStrategyName(base.strategy)) : "";
      out.push_back(std::move(s));
    }
  }
  return out;
}

Scored PlanSearch::Score(const Candidate& c, const SimulationOutput& out) const {
  Scored s;
  s.candidate = c;
  std::vector<Diagnostic> findings = out.diagnostics;
  if (options_.judge) options_.judge(findings);
  for (const Diagnostic& d : findings) {
    if (d.rule == rule_ids::kPredictedFiltering && content_filter_ &&
        (d.level == Level::kError || d.level == Level::kWarning)) {
      s.content_filtered = true;
      continue;
    }
    if (d.level == Level::kError) {
      s.errors.insert(d.rule);
    } else if (d.level == Level::kWarning) {
      s.warnings.insert(d.rule);
    } else {
      continue;
    }
    if (IsVolumeRule(d.rule)) s.volume = true;
    if (d.rule == rule_ids::kQuietHours || d.rule == rule_ids::kSnowshoeing ||
        d.rule == rule_ids::kFrequencyCap)
      s.fixed_by_shape = true;
    if (d.rule == rule_ids::kQuietHours) {
      for (const std::string& note : d.notes) {
        if (note.rfind("zone uncertain", 0) == 0) s.zone_uncertain = true;
      }
      // The rule's suggestion quotes the window every breaching recipient allows.
      const size_t open = d.suggestion.find('"');
      const size_t close = open == std::string::npos ? open : d.suggestion.find('"', open + 1);
      if (close != std::string::npos) {
        s.suggested_window = ParseMinuteWindow(d.suggestion.substr(open + 1, close - open - 1));
      }
    }
  }
  const SimResult& r = out.result;
  s.outcomes = r;
  s.bad = r.failed + (content_filter_ ? 0 : r.filtered) + r.stale + r.quiet_hours;
  s.end = r.end;
  s.end_us = ToMicros(r.end);
  s.changes = Changes(c);
  return s;
}

std::optional<Scored> PlanSearch::Evaluate(const Candidate& c) {
  const std::string key = c.Key();
  if (key == base_key_) return Now();
  auto it = seen_.find(key);
  if (it != seen_.end()) return it->second;
  const Profile* profile = sample_ ? ScaledFor(c) : ProfileFor(c);
  if (profile == nullptr) return std::nullopt;
  if (used_ > 0 && used_ >= budget_) return std::nullopt;
  const SimulationOutput out = Take(c, sample_.has_value());
  used_ += std::max<int64_t>(out.result.messages, 1);
  ++simulations_;
  Scored s = Score(c, out);
  seen_.emplace(key, s);
  return s;
}

const Profile* PlanSearch::ScaledFor(const Candidate& c) {
  const Profile* full = ProfileFor(c);
  if (full == nullptr) return nullptr;
  auto it = scaled_.find(c.route);
  if (it == scaled_.end()) {
    it = scaled_
             .emplace(c.route,
                      std::make_unique<Profile>(ScaledProfile(*full, static_cast<double>(stride_))))
             .first;
  }
  return it->second.get();
}

Scored PlanSearch::Confirm(const Candidate& c) {
  const SimulationOutput out = Take(c, false);
  ++simulations_;
  return Score(c, out);
}

CandidateRun* PlanSearch::Launch(const Candidate& c, bool on_sample) {
  std::unique_ptr<CandidateRun>& slot = runs_[RunKey(c, on_sample)];
  if (slot != nullptr) return slot.get();
  const Profile* profile = on_sample ? ScaledFor(c) : ProfileFor(c);
  if (profile == nullptr) {
    runs_.erase(RunKey(c, on_sample));
    return nullptr;
  }
  slot = std::make_unique<CandidateRun>();
  CandidateRun* run = slot.get();
  run->campaign = base_;
  ApplyTo(c, run->campaign);
  run->input = input_;
  run->input.campaign = &run->campaign;
  run->input.profile = profile;
  if (on_sample) {
    // One message in stride_, at 1/stride_ of the rate: the campaign's timeline.
    run->input.recipients = &*sample_;
    run->campaign.schedule.rate.value.per_second /= static_cast<double>(stride_);
  }
  if (!on_sample && options_.on_full_run) options_.on_full_run();
  run->task = pool_.Submit([run] { run->output = Simulate(run->input); });
  return run;
}

SimulationOutput PlanSearch::Take(const Candidate& c, bool on_sample) {
  CandidateRun* run = Launch(c, on_sample);
  // Evaluate and Confirm only take candidates whose route has a profile.
  if (run == nullptr) return SimulationOutput{};
  pool_.Wait(run->task);
  SimulationOutput out = std::move(run->output);
  runs_.erase(RunKey(c, on_sample));
  return out;
}

void PlanSearch::Speculate(const Candidate& c) {
  if (pool_.threads() <= 1 || seen_.count(c.Key()) || c.Key() == base_key_ ||
      (used_ > 0 && used_ >= budget_)) {
    return;
  }
  Launch(c, sample_.has_value());
}

void PlanSearch::ConfirmAhead() {
  if (!sample_ || pool_.threads() <= 1 || best_->changes == 0 ||
      messages_ > ConfirmAheadMessages()) {
    return;
  }
  if (options_.plan_past_horizon && options_.plan_past_horizon()) return;
  if (confirm_ahead_) {
    if (confirm_ahead_->Key() == best_->candidate.Key()) return;
    Forget(*confirm_ahead_, false);
  }
  confirm_ahead_ = best_->candidate;
  Launch(best_->candidate, false);
}

void PlanSearch::Forget(const Candidate& c, bool on_sample) {
  auto it = runs_.find(RunKey(c, on_sample));
  if (it != runs_.end() && pool_.Cancel(it->second->task)) runs_.erase(it);
}

void PlanSearch::DropRuns(bool sample_only) {
  for (auto it = runs_.begin(); it != runs_.end();) {
    if (sample_only && it->first.rfind("sample|", 0) != 0) {
      ++it;
      continue;
    }
    if (!pool_.Cancel(it->second->task)) pool_.Wait(it->second->task);
    it = runs_.erase(it);
  }
}

std::optional<Scored> PlanSearch::BestRate(Candidate shape) {
  const Profile* profile = ProfileFor(shape);
  if (profile == nullptr) return std::nullopt;
  ApplyTo(shape, work_);
  int hi = RateIndexAtMost(FastestRate(work_, *profile));
  // Bisection (when the fastest rate has a volume finding) for the fastest rate below
  // `hi` without one, above the slowest that still ends within kLongCampaignDays
  // (slower is a stale-delivery warning whatever else it clears, and a months-long run
  // costs as much to simulate).
  const double window_seconds =
      shape.window_present ? (shape.window.end_minute - shape.window.begin_minute) * 60.0 : 86400;
  const double open_days = kLongCampaignDays * static_cast<double>(std::popcount(shape.days)) / 7.0;
  const double slowest = static_cast<double>(messages_) /
                         (std::max(1, SenderCount(work_)) * open_days * window_seconds);
  int lo = std::max(-1, RateIndexAtMost(slowest) - 1);
  if (lo >= hi) lo = hi - 1;
  auto at_rate = [&shape](int rate) {
    Candidate c = shape;
    c.rate = rate;
    return c;
  };
  // The bisection's first step runs beside the fastest rate.
  if (hi - lo > 1) Speculate(at_rate(lo + (hi - lo) / 2));
  std::optional<Scored> best = Evaluate(at_rate(hi));
  if (!best || !best->volume) {
    if (hi - lo > 1) Forget(at_rate(lo + (hi - lo) / 2));
    return best;
  }
  while (hi - lo > 1) {
    const int mid = lo + (hi - lo) / 2;
    // Both possible next steps, started while this one runs; the one not taken is
    // dropped (when still queued).
    const int below = lo + (mid - lo) / 2, above = mid + (hi - mid) / 2;
    if (mid - lo > 1) Speculate(at_rate(below));
    if (hi - mid > 1) Speculate(at_rate(above));
    std::optional<Scored> s = Evaluate(at_rate(mid));
    if (!s) break;
    if (Better(*s, *best)) best = s;
    if (s->volume) {
      Forget(at_rate(above));
      hi = mid;
    } else {
      Forget(at_rate(below));
      lo = mid;
    }
  }
  return best;
}

Recommendation PlanSearch::Run(const SimulationOutput& current) {
  Recommendation r = Search(current);
  DropRuns();  // what was started ahead and not asked for
  return r;
}

std::optional<Recommendation> PlanSearch::RunAhead(
    int64_t messages, const std::function<const SimulationOutput&()>& current) {
  messages_ = std::max<int64_t>(messages, 1);
  if (budget_ <= 0) budget_ = std::max(kMinSearchBudget, kSearchBudgetRuns * messages_);
  current_ = current;
  ahead_ = true;
  StartSample();
  // The guess: the run as written is not clean, and runs into what its sample's
  // screening does (SearchFrom checks both once the run is in).
  const Scored guess = *best_;
  std::optional<Recommendation> r;
  if (!guess.clean()) r = SearchFrom(guess);
  DropRuns();
  return r;
}

const Scored& PlanSearch::Now() {
  if (!now_) now_ = Score(BaseCandidate(), current_());
  return *now_;
}

Recommendation PlanSearch::Search(const SimulationOutput& current) {
  messages_ = std::max<int64_t>(current.result.messages, 1);
  if (budget_ <= 0) budget_ = std::max(kMinSearchBudget, kSearchBudgetRuns * messages_);
  current_ = [&current]() -> const SimulationOutput& { return current; };
  if (Now().clean()) return Describe(Now(), Recommendation::Kind::kKeep);
  StartSample();
  return *SearchFrom(Now());
}

void PlanSearch::StartSample() {
  if (messages_ > kSampleAbove && input_.recipients != nullptr) {
    stride_ = static_cast<size_t>((messages_ + kSampleSize - 1) / kSampleSize);
    sample_ = SampleRows(*input_.recipients, stride_);
    budget_ = std::min<int64_t>(budget_, kSampleBudgetRuns * kSampleSize);
  }
  if (!sample_) {
    best_ = Now();
    return;
  }
  // On a sample, the schedule as written is screened like any candidate.
  Candidate c = BaseCandidate();
  c.rate = RateIndexAtMost(base_.schedule.rate.present ? base_.schedule.rate->per_second
                                                       : ProfileMaxRate(*input_.profile));
  best_ = Evaluate(c);
  if (!best_) best_ = Now();
  best_->changes = 0;
}

std::optional<Recommendation> PlanSearch::SearchFrom(const Scored& first) {
  const Candidate base = BaseCandidate();
  // What the candidates run into decides the fields worth varying: quiet hours the
  // window and days, snowshoeing the senders and their strategy. Rounds add the
  // fields the best candidate so far runs into; the route joins last.
  std::set<std::string> rules;
  std::vector<MinuteWindow> suggested;
  auto learn = [&](const Scored& s) {
    rules.insert(s.errors.begin(), s.errors.end());
    rules.insert(s.warnings.begin(), s.warnings.end());
    if (!s.suggested_window) return;
    for (const MinuteWindow& w : suggested) {
      if (w.begin_minute == s.suggested_window->begin_minute &&
          w.end_minute == s.suggested_window->end_minute)
        return;
    }
    suggested.push_back(*s.suggested_window);
  };
  learn(first);
  std::vector<Route> routes = {base.route};
  std::set<std::string> tried;  // shapes, by key with no rate
  bool routes_added = false;
  for (int round = 0; round < 6 && used_ < budget_; ++round) {
    std::vector<Candidate> shapes;
    for (Route route : routes) {
      for (const Candidate& shape : Shapes(base, route, rules, suggested)) {
        Candidate key = shape;
        key.rate = -2;
        if (tried.insert(key.Key()).second) shapes.push_back(shape);
      }
    }
    // Fewest changed fields first; once a clean plan is found, only shapes with as
    // few changes are still tried (a shorter campaign can still win among them).
    std::stable_sort(shapes.begin(), shapes.end(), [&](const Candidate& a, const Candidate& b) {
      return Changes(a) < Changes(b);
    });
    std::optional<int> clean_changes;
    if (best_->clean()) clean_changes = Changes(best_->candidate);
    for (size_t i = 0; i < shapes.size(); ++i) {
      const Candidate& shape = shapes[i];
      if (clean_changes && Changes(shape) > *clean_changes) break;
      // One run at the best rate so far first: a finding no rate clears (quiet
      // hours, snowshoeing) there means the rate search would be wasted on the shape.
      if (best_->candidate.rate >= 0) {
        Candidate probe = shape;
        probe.rate = best_->candidate.rate;
        // The next shape's probe runs beside this one.
        if (i + 1 < shapes.size()) {
          Candidate next = shapes[i + 1];
          next.rate = probe.rate;
          Speculate(next);
        }
        std::optional<Scored> screened = Evaluate(probe);
        if (!screened) break;
        Consider(screened);
        if (screened->fixed_by_shape) continue;
      }
      std::optional<Scored> s = BestRate(shape);
      Consider(s);
      ConfirmAhead();
      if (s && s->clean() && !clean_changes) clean_changes = Changes(shape);
      if (used_ >= budget_) break;
    }
    if (best_->clean()) break;
    // Another round when the best candidate runs into something that opens a field
    // (quiet hours, snowshoeing, a narrower suggested window).
    const auto opens = [&] {
      return std::make_tuple(
          rules.count(rule_ids::kQuietHours) + rules.count(rule_ids::kFrequencyCap),
          rules.count(rule_ids::kSnowshoeing), suggested.size());
    };
    const auto before = opens();
    learn(*best_);
    if (opens() != before) continue;
    // Nothing new to vary on this route: another route the senders can carry.
    if (routes_added || options_.route_fixed) break;
    routes_added = true;
    for (Route route : CompatibleRoutes()) {
      if (route != base.route) routes.push_back(route);
    }
    if (routes.size() == 1) break;
  }
  if (sample_) {
    // Volume the winner still runs into: its rate searched on the sample (a shape whose
    // probe has a finding no rate clears skips the rate search in the rounds, yet a
    // slower rate still lowers what fails over a cap).
    if (best_->volume && used_ < budget_) {
      Consider(BestRate(best_->candidate));
    }
    // The sample's winner on every row; volume it did not foresee, a step slower at a
    // time (three at most). The plan printed is always a full run's.
    // Searching ahead, the run as written is needed from here on: the search stands
    // only if that run teaches what its guess did.
    auto guessed_right = [&] {
      return !ahead_ || (std::max<int64_t>(current_().result.messages, 1) == messages_ &&
                         SameLessons(Now(), first));
    };
    if (best_->changes == 0) {
      if (!guessed_right()) return std::nullopt;
      return Describe(Now(), Recommendation::Kind::kPartial);
    }
    const bool foreseen = best_->volume;
    DropRuns(/*sample_only=*/true);
    sample_.reset();
    // Above kConfirmAheadMessages two full runs do not fit the memory target together:
    // the run as written ends before the confirmation starts.
    // (A run as written that passed the horizon was not simulated: nothing to confirm.)
    if (ahead_ && messages_ > ConfirmAheadMessages() && !current_().simulated) return std::nullopt;
    if (ahead_ && options_.plan_past_horizon && options_.plan_past_horizon()) return std::nullopt;
    Scored full = Confirm(best_->candidate);
    for (int step = 0; step < 3 && full.volume && !foreseen && full.candidate.rate > 0; ++step) {
      Candidate slower = full.candidate;
      --slower.rate;
      Scored next = Confirm(slower);
      if (!Better(next, full)) break;
      full = next;
    }
    if (!guessed_right()) return std::nullopt;
    if (!Better(full, Now())) full = Now();
    return Describe(full,
                    full.clean() ? Recommendation::Kind::kPlan : Recommendation::Kind::kPartial);
  }
  return Describe(*best_,
                  best_->clean() ? Recommendation::Kind::kPlan : Recommendation::Kind::kPartial);
}

std::vector<Route> PlanSearch::CompatibleRoutes() const {
  std::vector<Route> out;
  if (base_.senders.empty()) return out;
  const std::string country = base_.campaign.country.present && !base_.campaign.country->empty()
                                  ? base_.campaign.country.value
                                  : "US";
  PhoneNumberClassifier classifier(country, PhoneNumberClassifier::Volume::kFew);
  std::optional<SenderType> type;
  for (const Sender& sender : base_.senders) {
    const SenderType t = ClassifySender(sender.number.value, classifier);
    if ((type && *type != t) || t == SenderType::kInvalid) return out;
    type = t;
  }
  for (Route route : {Route::kP2P, Route::k10DLC, Route::kTollFree, Route::kShortCode}) {
    if (SenderTypeForRoute(route) == *type) out.push_back(route);
  }
  return out;
}

std::vector<Candidate> PlanSearch::Shapes(const Candidate& base, Route route,
                                          const std::set<std::string>& rules,
                                          const std::vector<MinuteWindow>& suggested) const {
  const bool quiet = rules.count(rule_ids::kQuietHours) || rules.count(rule_ids::kFrequencyCap);
  const bool snowshoe = rules.count(rule_ids::kSnowshoeing) > 0;
  std::vector<std::pair<bool, MinuteWindow>> windows = {{base.window_present, base.window}};
  auto add_window = [&](MinuteWindow w) {
    if (base.window_present) {
      w.begin_minute = std::max(w.begin_minute, base.window.begin_minute);
      w.end_minute = std::min(w.end_minute, base.window.end_minute);
    }
    if (w.end_minute <= w.begin_minute) return;
    for (const auto& [present, have] : windows) {
      if (present && have.begin_minute == w.begin_minute && have.end_minute == w.end_minute) return;
    }
    windows.push_back({true, w});
  };
  std::vector<std::pair<bool, uint8_t>> day_sets = {{base.days_present, base.days}};
  if (quiet) {
    const QuietHours& hours = input_.profile->quiet_hours;
    add_window(MinuteWindow{hours.recommended.begin, hours.recommended.end});
    for (const MinuteWindow& w : suggested) add_window(w);
    for (uint8_t drop : {kSunday, kWeekend}) {
      const uint8_t days = base.days & static_cast<uint8_t>(~drop);
      if (days != 0 && days != base.days) day_sets.push_back({true, days});
    }
  }
  std::vector<int> sender_counts = {base.senders};
  std::vector<std::pair<bool, SenderStrategy>> strategies = {
      {base.strategy_present, base.strategy}};
  if (snowshoe && base.senders > 1) {
    sender_counts.push_back(1);
    if (base.senders > 2) sender_counts.push_back((base.senders + 1) / 2);
    strategies.push_back({true, base.strategy == SenderStrategy::kSticky
                                    ? SenderStrategy::kRoundRobin
                                    : SenderStrategy::kSticky});
  }
  std::vector<Candidate> shapes;
  for (const auto& [window_present, window] : windows) {
    for (const auto& [days_present, days] : day_sets) {
      for (int senders : sender_counts) {
        for (const auto& [strategy_present, strategy] : strategies) {
          if (senders <= 1 && strategies.size() > 1 && strategy != base.strategy) continue;
          Candidate c = base;
          c.route = route;
          c.route_present = base.route_present || route != base.route;
          c.window_present = window_present;
          c.window = window;
          c.days_present = days_present;
          c.days = days;
          c.senders = senders;
          c.strategy_present = strategy_present;
          c.strategy = strategy;
          shapes.push_back(c);
        }
      }
    }
  }
  return shapes;
}

std::string SettingText(const PlanSetting& s) {
  if (s.key == "senders") {
    return absl::StrCat("send from ", Plural(s.count, "number"), " (the first ",
                        s.count == 1 ? "one" : absl::StrCat(s.count), " listed) instead of ",
                        s.was);
  }
  if (s.was.empty()) return absl::StrCat("set ", s.key, ": ", s.value);
  return absl::StrCat(s.key, " ", s.was, " -> ", s.value);
}

Recommendation PlanSearch::Describe(const Scored& winner, Recommendation::Kind kind) const {
  winner_ = winner;
  Recommendation r;
  r.kind = kind;
  r.plan = Settings(winner.candidate);
  r.predicted = winner.outcomes;
  r.end = winner.end;
  r.simulations = simulations_;
  const absl::TimeZone zone = ScheduleTimeZone(base_);
  const std::string when = absl::FormatTime("%Y-%m-%d %H:%M %Z", winner.end, zone);

  std::set<std::string> traffic_left = winner.errors;
  traffic_left.insert(winner.warnings.begin(), winner.warnings.end());
  if (winner.content_filtered) traffic_left.insert(rule_ids::kPredictedFiltering);
  std::set<std::string> other_left;
  if (options_.other_findings != nullptr) {
    for (const Diagnostic& d : *options_.other_findings) {
      if (d.level != Level::kError && d.level != Level::kWarning) continue;
      // A required field the plan writes ("missing required field 'rate' in schedule")
      // is no longer missing.
      bool written = false;
      for (const PlanSetting& s : r.plan) {
        const size_t dot = s.key.find('.');
        if (dot == std::string::npos) continue;
        written |= d.rule == "schema/missing-field" &&
                   d.message.find(absl::StrCat("'", s.key.substr(dot + 1), "' in ",
                                               s.key.substr(0, dot))) != std::string::npos;
      }
      if (!written) other_left.insert(d.rule);
    }
  }
  for (const std::string& id : traffic_left) r.remaining.push_back(id);
  for (const std::string& id : other_left) {
    if (!traffic_left.count(id)) r.remaining.push_back(id);
  }
  std::sort(r.remaining.begin(), r.remaining.end());

  // Why each remaining traffic finding is not the schedule's to fix.
  std::set<std::string> content_causes;
  for (const Diagnostic& d : input_.content_findings) {
    if (input_.profile->filter.ContentWeight(d.rule) > 0) content_causes.insert(d.rule);
  }
  for (const std::string& id : traffic_left) {
    if (id == rule_ids::kPredictedFiltering && !content_causes.empty()) {
      r.causes.push_back(absl::StrCat(
          id, ": the content findings feed the carrier filter at any rate (",
          absl::StrJoin(content_causes, ", "), "); fix the message, not the schedule"));
    } else if (id == rule_ids::kQuietHours && winner.zone_uncertain) {
      r.causes.push_back(absl::StrCat(
          id,
          ": some numbers' prefixes span time zones whose allowed hours never overlap in "
          "the window; add a timezone column to the recipients so each zone is known"));
    } else if (id == rule_ids::kBalance) {
      r.causes.push_back(absl::StrCat(
          id,
          ": the outgoing-to-incoming ratio depends on replies (traffic.reply_rate), not on "
          "the schedule; a registered route does not judge it"));
    } else if (id == rule_ids::kOptOutRate) {
      r.causes.push_back(absl::StrCat(
          id, ": the STOP rate depends on the audience and the message (traffic.opt_out_rate)"));
    } else if (id == rule_ids::kFrequencyCap) {
      r.causes.push_back(absl::StrCat(
          id,
          ": recipients get more messages in 24 hours than their state allows across the "
          "brand's campaigns; send fewer campaigns to them"));
    } else {
      r.causes.push_back(absl::StrCat(
          id, ": no rate, window, day, sender or route change the search tried clears it"));
    }
  }
  if (!other_left.empty()) {
    r.causes.push_back(absl::StrCat(absl::StrJoin(other_left, ", "),
                                    ": about the messages, the recipients or the file, which no "
                                    "schedule changes"));
  }

  const std::string outcome = absl::StrCat(OutcomeLine(winner.outcomes), "; the last lands ", when);
  std::vector<std::string> changes;
  for (const PlanSetting& s : r.plan) changes.push_back(SettingText(s));
  switch (kind) {
    case Recommendation::Kind::kKeep:
      r.text = winner.content_filtered
                   ? absl::StrCat(
                         "Keep the schedule: no rate, window, day, sender or route "
                         "change stops the filtering, which the content causes (",
                         outcome, ").")
                   : absl::StrCat(
                         "Keep the schedule: the simulation of it as written has no "
                         "traffic error or warning (",
                         outcome, ").");
      break;
    case Recommendation::Kind::kPlan:
      r.text = absl::StrCat(absl::StrJoin(changes, "; "), ". Simulated, this plan has no ",
                            winner.content_filtered ? "traffic error or warning the schedule causes"
                                                    : "traffic error or warning",
                            ": ", outcome, " (", Plural(simulations_, "candidate"), " simulated).");
      break;
    case Recommendation::Kind::kPartial:
      r.text = absl::StrCat(
          "No schedule the search tried (", Plural(simulations_, "candidate"),
          " simulated) clears every traffic finding. ",
          changes.empty() ? std::string("The schedule as written")
                          : absl::StrCat("The best plan (", absl::StrJoin(changes, "; "), ")"),
          " leaves ", absl::StrJoin(traffic_left, ", "), ": ", outcome, ".");
      break;
    case Recommendation::Kind::kNone:
      break;
  }
  if (!r.causes.empty())
    absl::StrAppend(&r.text, " Remaining: ", absl::StrJoin(r.causes, "; "), ".");
  return r;
}

}  // namespace

const std::vector<PlanRate>& PlanRates() {
  static const std::vector<PlanRate>* const rates = [] {
    auto* out = new std::vector<PlanRate>();
    for (int n : {1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30, 40, 45, 50}) {
      out->push_back({n / 3600.0, absl::StrCat(n, "/h")});
    }
    for (int n : {1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 45, 50}) {
      out->push_back({n / 60.0, absl::StrCat(n, "/min")});
    }
    for (int n : {1,  2,  3,  4,  5,   6,   8,   10,  12,  15,  20,  25,  30,  40,
                  50, 60, 75, 80, 100, 120, 150, 200, 250, 300, 400, 500, 750, 1000}) {
      out->push_back({static_cast<double>(n), absl::StrCat(n, "/s")});
    }
    return out;
  }();
  return *rates;
}

std::string FormatMinuteWindow(const MinuteWindow& window) {
  return absl::StrFormat("%02d:%02d-%02d:%02d", window.begin_minute / 60, window.begin_minute % 60,
                         window.end_minute / 60, window.end_minute % 60);
}

namespace {

// The search, then (on a small list) its passes from where it got to; `ahead` first
// when given (a large list whose run as written is still going).
Recommendation SearchWith(TaskPool& pool, const SimulationInput& input,
                          const std::function<const SimulationOutput&()>& current,
                          std::optional<int64_t> ahead, const PlanSearchOptions& options) {
  if (ahead) {
    PlanSearch search(input, options, pool);
    std::optional<Recommendation> rec = search.RunAhead(*ahead, current);
    if (options.ahead_stood != nullptr) *options.ahead_stood = rec.has_value();
    if (rec) return *std::move(rec);
  }
  // A send past the simulator's horizon was not simulated: nothing to improve on.
  if (!current().simulated) return {};
  PlanSearch search(input, options, pool);
  Recommendation rec = search.Run(current());
  // A plan that is not clean is searched again from where it got to, as a user
  // re-running check on the rewritten file would (twice at most): the rounds of one
  // search open fields from what its best candidate runs into, and a new starting
  // point opens others.
  // (Not on a large list: each pass would simulate every recipient twice more.)
  const int passes = current().result.messages > kSampleAbove ? 0 : 2;
  for (int pass = 0;
       pass < passes && rec.kind == Recommendation::Kind::kPartial && !rec.plan.empty(); ++pass) {
    const Campaign applied = search.Applied();
    SimulationInput again_input = input;
    again_input.campaign = &applied;
    again_input.profile = search.WinnerProfile();
    if (again_input.profile == nullptr) break;
    const SimulationOutput again_current = Simulate(again_input);
    PlanSearch again(again_input, options, pool);
    const Recommendation next = again.Run(again_current);
    if (next.plan.empty() || !again.winner() || !(again.winner()->Rank() < search.winner()->Rank()))
      break;
    rec = search.Adopt(*again.winner(), again.simulations() + 1);
  }
  return rec;
}

int SearchThreads(const PlanSearchOptions& options) {
  return options.threads > 0 ? options.threads : TaskPool::DefaultThreads(kSearchThreads);
}

}  // namespace

Recommendation SearchPlan(const SimulationInput& input, const SimulationOutput& current,
                          const PlanSearchOptions& options) {
  if (input.campaign == nullptr || input.profile == nullptr) return {};
  TaskPool pool(SearchThreads(options));
  return SearchWith(
      pool, input, [&current]() -> const SimulationOutput& { return current; }, std::nullopt,
      options);
}

Recommendation SearchPlanAhead(const SimulationInput& input, int64_t messages,
                               const std::function<const SimulationOutput&()>& current,
                               const PlanSearchOptions& options) {
  if (input.campaign == nullptr || input.profile == nullptr) return {};
  TaskPool pool(SearchThreads(options));
  std::optional<int64_t> ahead;
  if (messages > kSampleAbove && input.recipients != nullptr && pool.threads() > 1) {
    ahead = messages;
  }
  return SearchWith(pool, input, current, ahead, options);
}

}  // namespace smslint
