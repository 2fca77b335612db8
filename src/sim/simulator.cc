#include "sim/simulator.h"

#include <algorithm>
#include <cmath>
#include <queue>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "sim/local_time.h"
#include "sim/plan_inputs.h"
#include "sim/recommend.h"
#include "sim/sim_state.h"
#include "sim/sliding_window.h"
#include "util/strings.h"

namespace smslint {
namespace {

constexpr char kModelCaveat[] =
    "a prediction of smslint's filter model, not carrier data";

Span SpanAt(const Campaign& campaign, Position pos, int width = 1) {
  Span span;
  span.file = campaign.path;
  span.line = pos.line;
  span.column = pos.column;
  span.end_line = pos.line;
  span.end_column = pos.column + std::max(1, width);
  return span;
}

// The first known position among `candidates`.
Position FirstKnown(std::initializer_list<Position> candidates) {
  for (const Position& p : candidates) {
    if (p.known()) return p;
  }
  return Position{1, 1};
}

std::string FormatMicros(int64_t t_us, const absl::TimeZone& zone) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%S %Z", FromMicros(t_us), zone);
}

std::string FormatNumber(double v) {
  if (v == std::floor(v) && std::fabs(v) < 9e15) return WithCommas(static_cast<int64_t>(v));
  // Carrier-share estimates are fractional; past 100 a decimal only adds noise.
  if (std::fabs(v) >= 100 && std::fabs(v) < 9e15) return WithCommas(std::llround(v));
  return absl::StrFormat("%.1f", v);
}

const char* WindowPhrase(Window w) {
  switch (w) {
    case Window::kSecond: return "in one second";
    case Window::kMinute: return "within one minute";
    case Window::kHour: return "within one hour";
    case Window::kDay: return "within one day";
  }
  return "";
}

std::string CounterPhrase(const Limit& limit, double peak) {
  const std::string n = FormatNumber(peak);
  if (limit.scope == Scope::kCampaign) {
    return limit.carrier.empty()
               ? absl::StrCat("the campaign sends ", n, " messages ", WindowPhrase(limit.window))
               : absl::StrCat("the campaign sends about ", n, " messages to ", limit.carrier, " ",
                              WindowPhrase(limit.window));
  }
  switch (limit.counter) {
    case Counter::kSends:
      return absl::StrCat("sends ", n, " messages ", WindowPhrase(limit.window));
    case Counter::kRecipients:
      return absl::StrCat("reaches ", n, " distinct recipients ", WindowPhrase(limit.window));
    case Counter::kIdentical:
      return limit.rule == "traffic/fan-out"
                 ? absl::StrCat("sends one identical body to ", n, " recipients ",
                                WindowPhrase(limit.window))
                 : absl::StrCat("sends ", n, " substantially identical messages ",
                                WindowPhrase(limit.window));
  }
  return "";
}

// Several numbers sending at the same instant put N messages into one second even
// at a slow sustained rate, so the aggregate of a snowshoeing split is judged over a
// minute at least: a per-second limit becomes sixty times that per minute.
Window AggregateWindow(const Limit& limit) {
  return limit.window == Window::kSecond ? Window::kMinute : limit.window;
}
double AggregateScale(const Limit& limit) { return limit.window == Window::kSecond ? 60 : 1; }

// Orders events by time, then sender, then plan position, by merging the plan's
// already-sorted runs (one per sender for PlanSends output).
std::vector<uint32_t> TimeOrder(const std::vector<SendEvent>& events) {
  std::vector<uint32_t> order;
  order.reserve(events.size());
  std::vector<std::pair<uint32_t, uint32_t>> runs;  // [begin, end)
  for (uint32_t i = 0; i < events.size();) {
    uint32_t j = i + 1;
    while (j < events.size() && events[j].time_us >= events[j - 1].time_us) ++j;
    runs.emplace_back(i, j);
    i = j;
  }
  if (runs.size() == 1) {
    for (uint32_t i = 0; i < events.size(); ++i) order.push_back(i);
    return order;
  }
  auto later = [&](uint32_t a, uint32_t b) {
    const SendEvent& ea = events[a];
    const SendEvent& eb = events[b];
    if (ea.time_us != eb.time_us) return ea.time_us > eb.time_us;
    if (ea.sender != eb.sender) return ea.sender > eb.sender;
    return a > b;
  };
  std::vector<uint32_t> run_end(events.size() + 1, 0);
  std::priority_queue<uint32_t, std::vector<uint32_t>, decltype(later)> heap(later);
  std::vector<uint32_t> end_of;  // per run, by its current head
  for (const auto& [b, e] : runs) heap.push(b);
  // Map each position to its run's end so the heap holds only positions.
  for (const auto& [b, e] : runs) {
    for (uint32_t i = b; i < e; ++i) run_end[i] = e;
  }
  while (!heap.empty()) {
    uint32_t i = heap.top();
    heap.pop();
    order.push_back(i);
    if (i + 1 < run_end[i]) heap.push(i + 1);
  }
  return order;
}

struct SenderState {
  SlidingCounts sends;
  double score = 0;
  int64_t last_us = 0;
  bool blocked = false;
  int64_t first_filtered_us = INT64_MAX;
  int64_t first_quiet_us = INT64_MAX;
  std::vector<double> reasons;  // filter score added per reason
};

struct QuietCell {
  int64_t count = 0;
  int64_t first_us = INT64_MAX;
  int early = 0;  // messages before the window opens
  int late = 0;   // after it closes (or on a closed day)
};

class Simulation {
 public:
  Simulation(const SimulationInput& input, const SendPlan& plan)
      : in_(input), campaign_(*input.campaign), profile_(*input.profile), plan_(plan) {}

  SimulationOutput Run();

 private:
  void Setup();
  void Step(const SendEvent& e);
  void AddLimitFindings();
  void AddBalanceFinding();
  void AddQuietHoursFinding();
  void AddStaleFindings();
  void AddSnowshoeingFinding();
  void AddFilteringFinding();
  void FillResult();
  Position SenderPos(int sender) const {
    if (campaign_.senders.empty()) return FirstKnown({campaign_.senders_pos});
    return FirstKnown({campaign_.senders[sender].number.pos, campaign_.senders_pos});
  }
  void Emit(Diagnostic d) { out_.diagnostics.push_back(std::move(d)); }

  const SimulationInput& in_;
  const Campaign& campaign_;
  const Profile& profile_;
  const SendPlan& plan_;
  SimulationOutput out_;

  absl::TimeZone zone_;
  int senders_ = 1;
  int templates_ = 0;
  std::vector<int> classes_;
  int class_count_ = 0;
  std::vector<double> limit_value_;
  std::vector<double> limit_share_;
  bool need_identical_ = false;
  bool need_campaign_ = false;
  std::vector<SenderState> state_;
  std::vector<SlidingCounts> class_windows_;  // [sender * class_count + class]
  SlidingCounts campaign_window_;
  std::vector<LimitTrack> track_sender_;  // [limit * senders + sender]
  std::vector<LimitTrack> track_class_;   // [limit * class_count + class]
  std::vector<LimitTrack> track_balance_;  // per sender
  double reply_rate_ = -1;  // < 0: unknown, balance not judged

  // Filter model.
  bool filter_on_ = false;
  double half_life_us_ = 0;
  int copies_reason_ = 0;
  std::vector<std::string> reason_labels_;
  std::vector<std::vector<std::pair<int, double>>> template_reasons_;
  std::vector<uint8_t> class_sender_seen_;
  std::vector<int> class_senders_;

  // Quiet hours.
  bool quiet_on_ = false;
  std::vector<LocalClock> clocks_;
  std::vector<const QuietHoursWindow*> state_rule_;
  std::vector<QuietCell> quiet_;  // [zone * states + state]
  size_t state_count_ = 1;

  // Staleness.
  std::vector<int64_t> expires_us_;  // per template, INT64_MAX when none
  std::vector<int64_t> stale_count_;
  std::vector<int64_t> stale_first_;
  int64_t late_count_ = 0;

  // Snowshoeing.
  std::vector<uint8_t> shared_sender_;
  std::vector<std::string> shared_items_;
  SlidingCounts aggregate_window_;
  std::vector<LimitTrack> track_aggregate_;  // per limit

  int64_t start_us_ = 0;
  int64_t end_us_ = 0;
  int64_t bucket_us_ = 60'000'000;
  int64_t series_start_us_ = 0;
};

void Simulation::Setup() {
  if (!absl::LoadTimeZone(campaign_.schedule.timezone.value, &zone_)) zone_ = absl::UTCTimeZone();
  senders_ = SenderCount(campaign_);
  templates_ = static_cast<int>(campaign_.templates.size());
  classes_ = IdenticalBodyClasses(campaign_);
  for (int c : classes_) class_count_ = std::max(class_count_, c + 1);
  class_count_ = std::max(class_count_, 1);
  start_us_ = ToMicros(plan_.start);

  const bool trust_known = campaign_.campaign.trust_score.present &&
                           campaign_.campaign.trust_score.value > 0;
  const size_t limits = profile_.limits.size();
  for (const Limit& limit : profile_.limits) {
    limit_value_.push_back(limit.ValueFor(campaign_.campaign.trust_score.value, trust_known));
    limit_share_.push_back(limit.carrier.empty() ? 1.0 : profile_.CarrierShareOf(limit.carrier));
    if (limit.counter == Counter::kIdentical) need_identical_ = true;
    if (limit.scope == Scope::kCampaign) need_campaign_ = true;
  }
  state_.resize(senders_);
  track_sender_.resize(limits * senders_);
  track_class_.resize(limits * class_count_);
  track_balance_.resize(senders_);
  track_aggregate_.resize(limits);
  if (need_identical_) class_windows_.resize(static_cast<size_t>(senders_) * class_count_);
  if (profile_.balance && campaign_.traffic.reply_rate.present) {
    reply_rate_ = std::clamp(campaign_.traffic.reply_rate.value, 0.0, 1.0);
  }

  // Filter model reasons: limits, copies across numbers, then content rules.
  const FilterModel& fm = profile_.filter;
  filter_on_ = fm.block_threshold > 0;
  half_life_us_ = fm.half_life_seconds * 1e6;
  for (const Limit& limit : profile_.limits) {
    reason_labels_.push_back(absl::StrCat(limit.rule, " (over ", FormatNumber(limit.value), " ",
                                          limit.unit, ")"));
  }
  copies_reason_ = static_cast<int>(reason_labels_.size());
  reason_labels_.push_back("the same body from several numbers");
  template_reasons_.resize(templates_);
  for (const Diagnostic& d : in_.content_findings) {
    const double w = fm.ContentWeight(d.rule);
    if (w <= 0 || d.template_id.empty()) continue;
    int reason = -1;
    for (size_t r = copies_reason_ + 1; r < reason_labels_.size(); ++r) {
      if (reason_labels_[r] == d.rule) reason = static_cast<int>(r);
    }
    if (reason < 0) {
      reason = static_cast<int>(reason_labels_.size());
      reason_labels_.push_back(d.rule);
    }
    for (int k = 0; k < templates_; ++k) {
      if (campaign_.templates[k].id.value == d.template_id) template_reasons_[k].emplace_back(reason, w);
    }
  }
  for (SenderState& s : state_) s.reasons.assign(reason_labels_.size(), 0);
  if (fm.copies_weight > 0 && static_cast<size_t>(senders_) * class_count_ <= (1u << 26)) {
    class_sender_seen_.assign(static_cast<size_t>(senders_) * class_count_, 0);
    class_senders_.assign(class_count_, 0);
  }

  // Quiet hours: the TCPA window is for solicitations; one-time passcodes and fraud
  // alerts are time-critical transactional messages and are not held to it.
  const UseCase use_case = campaign_.campaign.use_case.value;
  quiet_on_ = !(campaign_.campaign.use_case.present &&
                (use_case == UseCase::kTwoFactor || use_case == UseCase::kFraudAlert));
  const RecipientTable* table = in_.recipients;
  const size_t zone_count = table ? std::max<size_t>(1, table->zones.size()) : 1;
  for (size_t z = 0; z < zone_count; ++z) {
    absl::TimeZone tz = zone_;
    if (table && z < table->zones.size()) {
      if (!absl::LoadTimeZone(table->zones[z], &tz)) tz = zone_;
    }
    clocks_.emplace_back(tz);
  }
  state_count_ = table ? std::max<size_t>(1, table->states.size()) : 1;
  for (size_t s = 0; s < state_count_; ++s) {
    state_rule_.push_back(&profile_.quiet_hours.For(
        table && s < table->states.size() ? std::string_view(table->states[s]) : ""));
  }
  quiet_.resize(zone_count * state_count_);

  for (const Template& t : campaign_.templates) {
    expires_us_.push_back(t.expires.present && t.expires.value > absl::ZeroDuration()
                              ? absl::ToInt64Microseconds(t.expires.value)
                              : INT64_MAX);
  }
  stale_count_.assign(templates_, 0);
  stale_first_.assign(templates_, INT64_MAX);

  // Snowshoeing: which numbers share a body or a link domain with another number.
  shared_sender_.assign(senders_, 0);
  if (static_cast<size_t>(senders_) * std::max(templates_, 1) <= (1u << 26)) {
    std::vector<uint8_t> used(static_cast<size_t>(senders_) * std::max(templates_, 1), 0);
    for (const SendEvent& e : plan_.events) used[e.sender * templates_ + e.template_index] = 1;
    auto mark_group = [&](const std::vector<int>& group_senders, std::string item) {
      if (group_senders.size() < 2) return;
      for (int s : group_senders) shared_sender_[s] = 1;
      shared_items_.push_back(std::move(item));
    };
    for (int c = 0; c < class_count_; ++c) {
      std::vector<int> group;
      std::string id;
      for (int s = 0; s < senders_; ++s) {
        for (int k = 0; k < templates_; ++k) {
          if (classes_[k] == c && used[s * templates_ + k]) {
            group.push_back(s);
            if (id.empty()) id = campaign_.templates[k].id.value;
            break;
          }
        }
      }
      mark_group(group, absl::StrCat("body of template '", id, "'"));
    }
    std::vector<std::vector<std::string>> domains(templates_);
    std::vector<std::string> all_domains;
    for (int k = 0; k < templates_; ++k) {
      domains[k] = BodyLinkDomains(campaign_.templates[k].body->text);
      for (const std::string& d : domains[k]) {
        if (std::find(all_domains.begin(), all_domains.end(), d) == all_domains.end()) {
          all_domains.push_back(d);
        }
      }
    }
    for (const std::string& domain : all_domains) {
      std::vector<int> group;
      for (int s = 0; s < senders_; ++s) {
        for (int k = 0; k < templates_; ++k) {
          if (used[s * templates_ + k] &&
              std::find(domains[k].begin(), domains[k].end(), domain) != domains[k].end()) {
            group.push_back(s);
            break;
          }
        }
      }
      mark_group(group, absl::StrCat("link domain ", domain));
    }
  }

  // Sender table and chart series.
  end_us_ = start_us_;
  int64_t first_us = start_us_;
  for (const SendEvent& e : plan_.events) {
    end_us_ = std::max(end_us_, e.time_us);
    first_us = std::min(first_us, e.time_us);
  }
  const int64_t span = end_us_ - first_us;
  const int64_t hour = 3'600'000'000, day = 24 * hour;
  bucket_us_ = span <= 3 * hour ? 60'000'000 : span <= 14 * day ? hour : day;
  // Bound the chart memory whatever the campaign: widen buckets (whole days).
  while ((span / bucket_us_ + 1) * static_cast<int64_t>(senders_) > 4'000'000) bucket_us_ += day;
  series_start_us_ = first_us - ((first_us % bucket_us_) + bucket_us_) % bucket_us_;
  const size_t buckets = static_cast<size_t>((end_us_ - series_start_us_) / bucket_us_ + 1);
  out_.result.senders.resize(senders_);
  for (int s = 0; s < senders_; ++s) {
    SenderStats& stats = out_.result.senders[s];
    stats.number = SenderLabel(campaign_, s);
    for (TimeSeries* series : {&stats.sends, &stats.filtered_series, &stats.quiet_series}) {
      series->start = FromMicros(series_start_us_);
      series->bucket = absl::Microseconds(bucket_us_);
      series->values.assign(buckets, 0);
    }
  }
}

void Simulation::Step(const SendEvent& e) {
  const int s = e.sender < senders_ ? e.sender : 0;
  const int k = e.template_index < templates_ ? e.template_index : 0;
  const int cls = templates_ > 0 ? classes_[k] : 0;
  const int64_t t = e.time_us;
  SenderState& st = state_[s];
  SenderStats& stats = out_.result.senders[s];

  const SlidingCounts::Counts sends = st.sends.Add(t);
  SlidingCounts::Counts identical{}, campaign{};
  if (need_identical_) identical = class_windows_[s * class_count_ + cls].Add(t);
  if (need_campaign_) campaign = campaign_window_.Add(t);

  if (filter_on_) {
    if (st.score != 0 && t != st.last_us) {
      st.score *= std::exp2(-static_cast<double>(t - st.last_us) / half_life_us_);
    }
    st.last_us = t;
  }
  for (size_t l = 0; l < profile_.limits.size(); ++l) {
    const Limit& limit = profile_.limits[l];
    const SlidingCounts::Counts& counts = limit.scope == Scope::kCampaign ? campaign
                                          : limit.counter == Counter::kIdentical ? identical
                                                                                 : sends;
    const double value = static_cast<double>(counts[static_cast<int>(limit.window)]) * limit_share_[l];
    const bool over = value > limit_value_[l];
    if (limit.scope == Scope::kCampaign) {
      track_sender_[l * senders_].Observe(t, value, over);
      continue;
    }
    track_sender_[l * senders_ + s].Observe(t, value, over);
    if (limit.counter == Counter::kIdentical) track_class_[l * class_count_ + cls].Observe(t, value, over);
    if (over && filter_on_ && limit.filter_weight > 0) {
      const double add = limit.filter_weight * (value - limit_value_[l]) / limit_value_[l];
      st.score += add;
      st.reasons[l] += add;
    }
  }
  if (reply_rate_ >= 0) {
    const double out = static_cast<double>(sends[static_cast<int>(Window::kDay)]);
    const double ratio = reply_rate_ > 0 ? 1.0 / reply_rate_ : 1e9;
    const bool over = out >= profile_.balance->min_messages && ratio > profile_.balance->tolerance;
    track_balance_[s].Observe(t, over ? out : 0, over);
  }
  if (filter_on_) {
    for (const auto& [reason, w] : template_reasons_[k]) {
      st.score += w;
      st.reasons[reason] += w;
    }
    if (!class_senders_.empty()) {
      uint8_t& seen = class_sender_seen_[s * class_count_ + cls];
      if (!seen) {
        seen = 1;
        ++class_senders_[cls];
      }
      if (class_senders_[cls] > 1) {
        const double add = profile_.filter.copies_weight * (class_senders_[cls] - 1);
        st.score += add;
        st.reasons[copies_reason_] += add;
      }
    }
    if (st.blocked && st.score < profile_.filter.release_threshold) st.blocked = false;
    if (!st.blocked && st.score >= profile_.filter.block_threshold) st.blocked = true;
  }

  const size_t bucket = static_cast<size_t>((t - series_start_us_) / bucket_us_);
  ++stats.sent;
  ++stats.sends.values[bucket];
  if (st.blocked) {
    ++stats.filtered;
    ++stats.filtered_series.values[bucket];
    st.first_filtered_us = std::min(st.first_filtered_us, t);
  } else {
    ++stats.delivered;
  }
  if (e.late) {
    ++stats.late;
    ++late_count_;
  }
  if (expires_us_[k] != INT64_MAX && t - start_us_ > expires_us_[k]) {
    ++stats.stale;
    ++stale_count_[k];
    stale_first_[k] = std::min(stale_first_[k], t);
  }
  if (quiet_on_) {
    size_t zone = 0, state = 0;
    if (in_.recipients != nullptr && e.row < in_.recipients->size()) {
      zone = in_.recipients->zone[e.row];
      state = in_.recipients->state[e.row];
      if (zone >= clocks_.size()) zone = 0;
      if (state >= state_count_) state = 0;
    }
    const LocalMoment local = clocks_[zone].At(t);
    const LocalWindow& allowed = state_rule_[state]->days[local.weekday];
    if (local.minute_of_day < allowed.begin || local.minute_of_day >= allowed.end) {
      QuietCell& cell = quiet_[zone * state_count_ + state];
      ++cell.count;
      cell.first_us = std::min(cell.first_us, t);
      if (local.minute_of_day < allowed.begin && allowed.end > allowed.begin) {
        ++cell.early;
      } else {
        ++cell.late;
      }
      ++stats.quiet_hours;
      ++stats.quiet_series.values[bucket];
      st.first_quiet_us = std::min(st.first_quiet_us, t);
    }
  }
  if (shared_sender_[s]) {
    const SlidingCounts::Counts agg = aggregate_window_.Add(t);
    for (size_t l = 0; l < profile_.limits.size(); ++l) {
      const Limit& limit = profile_.limits[l];
      if (limit.scope != Scope::kSender || limit.counter == Counter::kIdentical) continue;
      const double value = static_cast<double>(agg[static_cast<int>(AggregateWindow(limit))]);
      track_aggregate_[l].Observe(t, value, value > limit_value_[l] * AggregateScale(limit));
    }
  }
}

void Simulation::AddLimitFindings() {
  const size_t limits = profile_.limits.size();
  auto rule_has_error_crossing = [&](const std::string& rule) {
    for (size_t l = 0; l < limits; ++l) {
      const Limit& limit = profile_.limits[l];
      if (limit.rule != rule || limit.level != Level::kError) continue;
      for (int s = 0; s < senders_; ++s) {
        if (track_sender_[l * senders_ + s].crossed()) return true;
      }
    }
    return false;
  };
  for (size_t l = 0; l < limits; ++l) {
    const Limit& limit = profile_.limits[l];
    const std::string limit_text =
        absl::StrCat(FormatNumber(limit_value_[l]), " ", limit.unit);
    if (limit.level != Level::kError && rule_has_error_crossing(limit.rule)) continue;
    const std::string suffix = absl::StrCat(" (", profile_.name, " limit '", limit.id, "')");

    if (limit.counter == Counter::kIdentical) {
      // One finding per identical body, at its first template.
      for (int c = 0; c < class_count_; ++c) {
        const LimitTrack& track = track_class_[l * class_count_ + c];
        if (!track.crossed()) continue;
        int k = 0;
        while (k < templates_ && classes_[k] != c) ++k;
        if (k == templates_) continue;
        const Template& tmpl = campaign_.templates[k];
        Diagnostic d;
        d.rule = limit.rule;
        d.level = limit.level;
        d.template_id = tmpl.id.value;
        d.span = SpanAt(campaign_, FirstKnown({tmpl.body.pos, tmpl.pos}));
        d.message = absl::StrCat(
            "template '", tmpl.id.value, "': a number ", CounterPhrase(limit, track.peak),
            " from ", FormatMicros(track.first_over_us, zone_), "; the limit is ", limit_text,
            " (", WithCommas(track.over), " messages over it)", suffix);
        d.suggestion = limit.rule == "traffic/fan-out"
                           ? "vary and personalise the message, or use a registered A2P route"
                           : "send fewer copies of one body per day from a number, or use a "
                             "registered A2P route";
        for (int s = 0; s < senders_; ++s) {
          const LimitTrack& st = track_sender_[l * senders_ + s];
          if (st.crossed() && senders_ > 1) {
            d.notes.push_back(absl::StrCat(SenderLabel(campaign_, s), ": peak ",
                                           FormatNumber(st.peak), ", ", WithCommas(st.over),
                                           " over"));
          }
        }
        Emit(std::move(d));
      }
      continue;
    }

    std::vector<int> offenders;
    const int tracked = limit.scope == Scope::kCampaign ? 1 : senders_;
    for (int s = 0; s < tracked; ++s) {
      if (track_sender_[l * senders_ + s].crossed()) offenders.push_back(s);
    }
    if (offenders.empty()) continue;
    std::sort(offenders.begin(), offenders.end(), [&](int a, int b) {
      const LimitTrack& ta = track_sender_[l * senders_ + a];
      const LimitTrack& tb = track_sender_[l * senders_ + b];
      return ta.first_over_us != tb.first_over_us ? ta.first_over_us < tb.first_over_us : a < b;
    });
    const LimitTrack& first = track_sender_[l * senders_ + offenders[0]];
    int64_t over = 0;
    double peak = 0;
    for (int s : offenders) {
      over += track_sender_[l * senders_ + s].over;
      peak = std::max(peak, track_sender_[l * senders_ + s].peak);
    }
    Diagnostic d;
    d.rule = limit.rule;
    d.level = limit.level;
    std::string who;
    if (limit.scope == Scope::kCampaign) {
      who = CounterPhrase(limit, peak);
      const bool tiered = !limit.tiers.empty();
      d.span = SpanAt(campaign_, tiered ? FirstKnown({campaign_.campaign.trust_score.pos,
                                                      campaign_.campaign.route.pos,
                                                      campaign_.campaign.pos})
                                        : FirstKnown({campaign_.campaign.route.pos,
                                                      campaign_.campaign.pos}));
      if (tiered && !(campaign_.campaign.trust_score.present &&
                      campaign_.campaign.trust_score.value > 0)) {
        d.notes.push_back("no campaign.trust_score: the lowest tier applies");
      }
      d.notes.push_back(absl::StrCat(limit.carrier.empty() ? "" : limit.carrier + " ",
                                     "share of recipients assumed ",
                                     absl::StrFormat("%.0f%%", limit_share_[l] * 100),
                                     " (numbers do not reveal their carrier)"));
      d.suggestion = tiered ? "lower schedule.rate, spread the campaign over more days, or raise "
                              "the brand's trust score (secondary vetting)"
                            : "lower schedule.rate or spread the campaign over more days";
    } else {
      who = absl::StrCat(SenderLabel(campaign_, offenders[0]), " ", CounterPhrase(limit, first.peak));
      if (offenders.size() > 1) {
        who = absl::StrCat(offenders.size(), " numbers go over; first ", who);
      }
      const bool rate_rule = limit.window != Window::kDay;
      d.span = SpanAt(campaign_,
                      rate_rule ? FirstKnown({campaign_.schedule.rate.pos, campaign_.schedule.pos,
                                              SenderPos(offenders[0])})
                                : SenderPos(offenders[0]),
                      rate_rule ? static_cast<int>(campaign_.schedule.rate->text.size()) : 1);
      d.suggestion = rate_rule ? absl::StrCat("lower schedule.rate to at most ",
                                              FormatNumber(limit_value_[l]), " per ",
                                              limit.window == Window::kSecond ? "second"
                                              : limit.window == Window::kMinute ? "minute"
                                                                                : "hour")
                               : "spread the recipients over more days (schedule.window and "
                                 "schedule.days) or use a registered A2P route";
      if (offenders.size() > 1) {
        for (int s : offenders) {
          const LimitTrack& ts = track_sender_[l * senders_ + s];
          d.notes.push_back(absl::StrCat(SenderLabel(campaign_, s), ": from ",
                                         FormatMicros(ts.first_over_us, zone_), ", peak ",
                                         FormatNumber(ts.peak), ", ", WithCommas(ts.over),
                                         " messages over"));
        }
      }
    }
    d.message = absl::StrCat(who, " from ", FormatMicros(first.first_over_us, zone_),
                             "; the limit is ", limit_text, " (peak ", FormatNumber(peak), ", ",
                             WithCommas(over), " messages sent over it)", suffix);
    Emit(std::move(d));
  }
}

void Simulation::AddBalanceFinding() {
  if (reply_rate_ < 0) return;
  int first = -1;
  int64_t over = 0;
  for (int s = 0; s < senders_; ++s) {
    if (!track_balance_[s].crossed()) continue;
    over += track_balance_[s].over;
    if (first < 0 || track_balance_[s].first_over_us < track_balance_[first].first_over_us) first = s;
  }
  if (first < 0) return;
  Diagnostic d;
  d.rule = "traffic/balance";
  d.level = Level::kWarning;
  d.span = SpanAt(campaign_, FirstKnown({campaign_.traffic.reply_rate.pos, SenderPos(first)}));
  const std::string ratio =
      reply_rate_ > 0 ? absl::StrFormat("%.0f:1", 1.0 / reply_rate_) : std::string("all outgoing");
  d.message = absl::StrCat(
      SenderLabel(campaign_, first), " sends ", ratio, " outgoing to incoming (reply_rate ",
      absl::StrFormat("%g", reply_rate_), ") from ",
      FormatMicros(track_balance_[first].first_over_us, zone_), "; the ", profile_.name,
      " tolerance is ", absl::StrFormat("%g", profile_.balance->tolerance), ":1 once a number sends ",
      profile_.balance->min_messages, " messages a day (", WithCommas(over),
      " messages over it)");
  d.suggestion = "person-to-person numbers are for conversations: send one-way traffic on a "
                 "registered A2P route (10dlc, toll_free, short_code)";
  Emit(std::move(d));
}

void Simulation::AddQuietHoursFinding() {
  int64_t total = 0, first_us = INT64_MAX;
  for (const QuietCell& cell : quiet_) {
    total += cell.count;
    first_us = std::min(first_us, cell.first_us);
  }
  if (total == 0) return;
  Diagnostic d;
  d.rule = "traffic/quiet-hours";
  d.level = Level::kError;
  const Schedule& sch = campaign_.schedule;
  d.span = SpanAt(campaign_, FirstKnown({sch.window.pos, sch.start.pos, sch.pos}));
  std::vector<std::string> stricter;
  for (const QuietHoursWindow& r : profile_.quiet_hours.states) stricter.push_back(r.state);
  d.message = absl::StrCat(WithCommas(total),
                           " messages land outside the recipients' allowed local hours (federal ",
                           profile_.quiet_hours.federal.text, "; stricter in ",
                           absl::StrJoin(stricter, ", "), "), the first at ",
                           FormatMicros(first_us, zone_));
  for (size_t z = 0; z < clocks_.size(); ++z) {
    for (size_t s = 0; s < state_count_; ++s) {
      const QuietCell& cell = quiet_[z * state_count_ + s];
      if (cell.count == 0) continue;
      const QuietHoursWindow& rule = *state_rule_[s];
      std::string where = clocks_[z].zone().name();
      if (in_.recipients && s < in_.recipients->states.size() && !in_.recipients->states[s].empty()) {
        absl::StrAppend(&where, ", ", in_.recipients->states[s]);
      }
      d.notes.push_back(absl::StrCat(
          where, ": ", WithCommas(cell.count), " messages (", cell.early, " too early, ",
          cell.late, " too late; allowed ", rule.text, "), first at ",
          absl::FormatTime("%Y-%m-%d %H:%M %Z", FromMicros(cell.first_us), clocks_[z].zone()),
          " local"));
    }
  }
  d.suggestion = sch.window.present
                     ? "narrow schedule.window so it sits inside every recipient's allowed hours "
                       "(for example \"09:00-20:00\")"
                     : "add schedule.window: \"09:00-20:00\" (recipient-local time) so messages "
                       "wait for each recipient's morning";
  Emit(std::move(d));
}

void Simulation::AddStaleFindings() {
  for (int k = 0; k < templates_; ++k) {
    if (stale_count_[k] == 0) continue;
    const Template& tmpl = campaign_.templates[k];
    Diagnostic d;
    d.rule = "traffic/stale-delivery";
    d.level = Level::kWarning;
    d.template_id = tmpl.id.value;
    d.span = SpanAt(campaign_, FirstKnown({tmpl.expires.pos, tmpl.pos}));
    d.message = absl::StrCat(WithCommas(stale_count_[k]), " messages of template '",
                             tmpl.id.value, "' are delivered after it expires (",
                             absl::FormatDuration(tmpl.expires.value), " after the start), from ",
                             FormatMicros(stale_first_[k], zone_), "; the last lands ",
                             FormatMicros(end_us_, zone_));
    d.suggestion = "raise schedule.rate within the profile, widen schedule.window, or send "
                   "fewer recipients";
    Emit(std::move(d));
  }
  if (late_count_ > 0) {
    Diagnostic d;
    d.rule = "traffic/stale-delivery";
    d.level = Level::kInfo;
    const Schedule& sch = campaign_.schedule;
    d.span = SpanAt(campaign_, FirstKnown({sch.window.pos, sch.days.pos, sch.rate.pos, sch.pos}));
    const double days = static_cast<double>(end_us_ - start_us_) / 86'400e6;
    d.message = absl::StrCat(WithCommas(late_count_),
                             " messages do not fit in the first sending window and wait for a "
                             "later one; the campaign runs until ",
                             FormatMicros(end_us_, zone_), absl::StrFormat(" (%.1f days)", days));
    Emit(std::move(d));
  }
}

void Simulation::AddSnowshoeingFinding() {
  std::vector<int> active;
  for (int s = 0; s < senders_; ++s) {
    if (out_.result.senders[s].sent > 0) active.push_back(s);
  }
  if (active.size() < 2) return;
  std::vector<std::string> split;
  for (int s : active) {
    split.push_back(absl::StrCat(SenderLabel(campaign_, s), " ",
                                 WithCommas(out_.result.senders[s].sent)));
  }
  // The evasion: each shared number stays under every error limit while together
  // they would not.
  bool individual_over = false;
  for (size_t l = 0; l < profile_.limits.size(); ++l) {
    const Limit& limit = profile_.limits[l];
    if (limit.scope != Scope::kSender || limit.level != Level::kError) continue;
    for (int s = 0; s < senders_; ++s) {
      if (shared_sender_[s] && track_sender_[l * senders_ + s].crossed()) individual_over = true;
    }
  }
  int worst = -1;
  for (size_t l = 0; l < profile_.limits.size(); ++l) {
    const Limit& limit = profile_.limits[l];
    if (limit.scope != Scope::kSender || limit.level != Level::kError ||
        limit.counter == Counter::kIdentical || !track_aggregate_[l].crossed()) {
      continue;
    }
    if (worst < 0 || track_aggregate_[l].peak / (limit_value_[l] * AggregateScale(limit)) >
                         track_aggregate_[worst].peak /
                             (limit_value_[worst] * AggregateScale(profile_.limits[worst]))) {
      worst = static_cast<int>(l);
    }
  }
  Diagnostic d;
  d.rule = "traffic/snowshoeing";
  d.span = SpanAt(campaign_, SenderPos(active[1]));
  const std::string numbers = absl::StrCat(active.size(), " sender numbers");
  if (!shared_items_.empty() && worst >= 0 && !individual_over) {
    const Limit& limit = profile_.limits[worst];
    const LimitTrack& agg = track_aggregate_[worst];
    d.level = Level::kError;
    d.message = absl::StrCat(
        "the same ", absl::StrJoin(shared_items_, " and "), " goes out from ", numbers, " (",
        absl::StrJoin(split, ", "), "); each stays under its limits, but together they send ",
        FormatNumber(agg.peak), " messages ", WindowPhrase(AggregateWindow(limit)), " from ",
        FormatMicros(agg.first_over_us, zone_), " where one number may send ",
        FormatNumber(limit_value_[worst] * AggregateScale(limit)), " (",
        FormatNumber(limit_value_[worst]), " ", limit.unit, ")",
        ": carriers read this split as snowshoeing and block the numbers together");
    d.suggestion = "send from one number at a rate it may carry, or move the campaign to a "
                   "route sized for it (10DLC, toll-free, short code)";
  } else {
    d.level = Level::kWarning;
    d.message = absl::StrCat("the campaign uses ", numbers, " (", absl::StrJoin(split, ", "), ")",
                             shared_items_.empty()
                                 ? ""
                                 : absl::StrCat(" for the same ", absl::StrJoin(shared_items_, " and ")),
                             "; CTIA expects one number per campaign, and spreading one "
                             "campaign over numbers looks like snowshoeing");
    d.suggestion = "list one sender number, or give each number its own registered campaign";
  }
  Emit(std::move(d));
}

void Simulation::AddFilteringFinding() {
  std::vector<int> filtered;
  int64_t total = 0;
  for (int s = 0; s < senders_; ++s) {
    if (out_.result.senders[s].filtered == 0) continue;
    filtered.push_back(s);
    total += out_.result.senders[s].filtered;
  }
  if (filtered.empty()) return;
  std::sort(filtered.begin(), filtered.end(), [&](int a, int b) {
    return state_[a].first_filtered_us != state_[b].first_filtered_us
               ? state_[a].first_filtered_us < state_[b].first_filtered_us
               : a < b;
  });
  auto top_reasons = [&](int s) {
    const std::vector<double>& r = state_[s].reasons;
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
      parts.push_back(absl::StrFormat("%s %.0f%%", reason_labels_[i], 100 * r[i] / sum));
    }
    return absl::StrJoin(parts, "; ");
  };
  const int first = filtered[0];
  Diagnostic d;
  d.rule = "traffic/predicted-filtering";
  d.level = Level::kError;
  d.span = SpanAt(campaign_, SenderPos(first));
  d.message = absl::StrCat(
      WithCommas(total), " of ", WithCommas(out_.result.messages),
      " messages are predicted filtered (error 30007), first on ", SenderLabel(campaign_, first),
      " from ", FormatMicros(state_[first].first_filtered_us, zone_), "; top reasons: ",
      top_reasons(first), " (", kModelCaveat, ")");
  for (int s : filtered) {
    d.notes.push_back(absl::StrCat(SenderLabel(campaign_, s), ": ",
                                   WithCommas(out_.result.senders[s].filtered), " filtered from ",
                                   FormatMicros(state_[s].first_filtered_us, zone_), "; ",
                                   top_reasons(s)));
  }
  d.suggestion = "fix the reasons above: lower the rate, drop the flagged content, send from "
                 "one number";
  Emit(std::move(d));
}

void Simulation::FillResult() {
  SimResult& r = out_.result;
  r.profile = profile_.name;
  r.time_zone = zone_.name();
  r.start = plan_.start;
  r.end = FromMicros(end_us_);
  r.messages = static_cast<int64_t>(plan_.events.size());
  double per_bucket = 0, per_day = 0;
  for (size_t l = 0; l < profile_.limits.size(); ++l) {
    const Limit& limit = profile_.limits[l];
    if (limit.scope != Scope::kSender || limit.counter == Counter::kIdentical ||
        limit.level != Level::kError) {
      continue;
    }
    const int64_t w = WindowMicros(limit.window);
    if (w <= bucket_us_) {
      const double v = limit_value_[l] * static_cast<double>(bucket_us_) / static_cast<double>(w);
      if (per_bucket == 0 || v < per_bucket) per_bucket = v;
    }
    if (limit.window == Window::kDay && (per_day == 0 || limit_value_[l] < per_day)) {
      per_day = limit_value_[l];
    }
  }
  for (int s = 0; s < senders_; ++s) {
    SenderStats& stats = r.senders[s];
    stats.limit_per_bucket = per_bucket;
    stats.limit_per_day = per_day;
    r.delivered += stats.delivered;
    r.filtered += stats.filtered;
    r.late += stats.late;
    r.stale += stats.stale;
    r.quiet_hours += stats.quiet_hours;
    // First violation: the earliest limit this number crossed, quiet hours, or filtering.
    auto consider = [&](int64_t t, const std::string& rule) {
      if (t == INT64_MAX) return;
      if (stats.first_violation_rule.empty() || FromMicros(t) < stats.first_violation) {
        stats.first_violation = FromMicros(t);
        stats.first_violation_rule = rule;
      }
    };
    for (size_t l = 0; l < profile_.limits.size(); ++l) {
      const Limit& limit = profile_.limits[l];
      if (limit.scope == Scope::kSender) consider(track_sender_[l * senders_ + s].first_over_us, limit.rule);
    }
    if (reply_rate_ >= 0) consider(track_balance_[s].first_over_us, "traffic/balance");
    consider(state_[s].first_quiet_us, "traffic/quiet-hours");
    consider(state_[s].first_filtered_us, "traffic/predicted-filtering");
  }
}

SimulationOutput Simulation::Run() {
  Setup();
  for (uint32_t i : TimeOrder(plan_.events)) Step(plan_.events[i]);
  FillResult();
  AddLimitFindings();
  AddBalanceFinding();
  AddQuietHoursFinding();
  AddStaleFindings();
  AddSnowshoeingFinding();
  AddFilteringFinding();
  out_.result.recommendation = Recommend(in_, plan_, out_.result, out_.diagnostics);
  SortDiagnostics(out_.diagnostics);
  return std::move(out_);
}

}  // namespace

SimulationOutput Simulate(const SimulationInput& input, const SendPlan& plan) {
  Simulation simulation(input, plan);
  return simulation.Run();
}

SimulationOutput Simulate(const SimulationInput& input) {
  return Simulate(input, PlanSends(input));
}

}  // namespace smslint
