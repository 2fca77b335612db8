#include "sim/provider_queue.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <queue>

#include "absl/strings/ascii.h"
#include "sim/plan_inputs.h"
#include "sim/simulator.h"
#include "util/heap.h"

namespace smslint {
namespace {

// The plan's runs of events in time order, [begin, end) each: one per sender for
// PlanSends output.
std::vector<std::pair<uint32_t, uint32_t>> TimeOrderedRuns(const std::vector<SendEvent>& events) {
  std::vector<std::pair<uint32_t, uint32_t>> runs;
  for (uint32_t i = 0; i < events.size();) {
    uint32_t j = i + 1;
    while (j < events.size() && events[j].time_us() >= events[j - 1].time_us()) ++j;
    runs.emplace_back(i, j);
    i = j;
  }
  return runs;
}

// Orders events by time, then sender, then plan position, by merging the plan's
// already-sorted runs (one per sender for PlanSends output). Empty when the plan is one
// run: its own order.
std::vector<uint32_t> SubmissionOrder(const std::vector<SendEvent>& events,
                                      const std::vector<std::pair<uint32_t, uint32_t>>& runs) {
  std::vector<uint32_t> order;
  if (runs.size() <= 1) return order;
  order.reserve(events.size());
  // Heap entries: (event, end of its run).
  using Head = std::pair<uint32_t, uint32_t>;
  auto later = [&](const Head& ha, const Head& hb) {
    const uint32_t a = ha.first, b = hb.first;
    const int64_t ta = events[a].time_us(), tb = events[b].time_us();
    if (ta != tb) return ta > tb;
    if (events[a].sender != events[b].sender) return events[a].sender > events[b].sender;
    return a > b;
  };
  std::priority_queue<Head, std::vector<Head>, decltype(later)> heap(later);
  for (const auto& [b, e] : runs) heap.push({b, e});
  while (!heap.empty()) {
    const auto [i, e] = heap.top();
    heap.pop();
    order.push_back(i);
    if (i + 1 < e) heap.push({i + 1, e});
  }
  return order;
}

// "T-Mobile", "tmobile", "t mobile" -> "tmobile".
std::string CarrierKey(std::string_view name) {
  std::string key;
  for (char c : name) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
      key.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  return key;
}

int64_t SaturatingAdd(int64_t a, int64_t b) {
  if (b > 0 && a > INT64_MAX - b) return INT64_MAX;
  return a + b;
}

}  // namespace

bool CarriersFromColumn(const Profile& profile, const RecipientTable* recipients,
                        const SendPlan& plan, std::vector<int8_t>* carriers) {
  const int column = recipients ? recipients->ColumnIndex(kCarrierColumn) : -1;
  if (column < 0 || column == recipients->phone_column) return false;
  carriers->assign(plan.events.size(), -1);
  std::vector<std::string> keys;
  for (const CarrierShare& c : profile.carriers) keys.push_back(CarrierKey(c.name));
  for (size_t i = 0; i < plan.events.size(); ++i) {
    const uint32_t row = plan.events[i].row;
    if (row >= recipients->size()) continue;
    const std::string key = CarrierKey(recipients->Field(row, column));
    for (size_t k = 0; k < keys.size(); ++k) {
      if (key == keys[k]) (*carriers)[i] = static_cast<int8_t>(k);
    }
  }
  return true;
}

CarrierDraw::CarrierDraw(const Profile& profile, uint64_t seed)
    : salt_(seed * 0x9e3779b97f4a7c15ULL) {
  // A draw u = bits * 2^-53 reaches a share's end `end` (end <= u) exactly when bits
  // is at least its threshold: the draw compares integers.
  double total = 0;
  for (const CarrierShare& c : profile.carriers)
    thresholds_.push_back(LeastDrawReaching(total += c.share, 1.0));
}

int8_t CarrierDraw::Of(uint32_t row) const {
  const uint64_t bits = Mix64(row ^ salt_) >> 11;
  // The first k with u < end_k: the count of shares' ends at or below u (they
  // ascend), without a branch on the random draw.
  size_t k = 0;
  for (uint64_t t : thresholds_) k += static_cast<size_t>(t <= bits);
  return k < thresholds_.size() ? static_cast<int8_t>(k) : int8_t{-1};
}

int64_t ValidityMicros(const Campaign& campaign, const Profile& profile) {
  // No queue section: nothing expires (a wait of a century is beyond any plan).
  const int64_t provider = profile.queue.validity_seconds > 0
                               ? static_cast<int64_t>(profile.queue.validity_seconds * 1e6)
                               : int64_t{100} * 365 * 86'400'000'000;
  if (!campaign.traffic.validity_period.present) return provider;
  return absl::ToInt64Microseconds(campaign.traffic.validity_period.value);
}

QueueOutcome RunProviderQueue(const Campaign& campaign, const Profile& profile,
                              const RecipientTable* recipients, const SendPlan& plan,
                              const std::vector<int>& template_segments, uint64_t seed) {
  QueueOutcome out;
  const size_t n = plan.events.size();
  out.events = &plan.events;
  out.carrier_column = CarriersFromColumn(profile, recipients, plan, &out.carrier_of_event);
  if (!out.carrier_column) {
    const CarrierDraw draw(profile, seed);
    out.carrier_of_event.resize(n);
    for (size_t i = 0; i < n; ++i) out.carrier_of_event[i] = draw.Of(plan.events[i].row);
  }
  out.release.Resize(n);
  out.expired.assign(n, false);
  out.validity_us = ValidityMicros(campaign, profile);
  out.late_after_us = static_cast<int64_t>(profile.queue.late_after_seconds * 1e6);

  // The release rates that apply to this campaign, each with when it next has room
  // (per sender for sender-scoped rates).
  struct Gate {
    int carrier = -1;  // -1: every carrier
    bool per_sender = false;
    // The time a message takes at this rate, by its template's segments (the last:
    // a template index out of range, one segment): a ceil per message and gate was a
    // fifth of a large list's queue.
    std::vector<int64_t> step;
    std::vector<int64_t> next_free;
  };
  std::vector<Gate> gates;
  const int senders = SenderCount(campaign);
  for (const ReleaseRate& rate : profile.queue.release) {
    const double per_second = rate.For(campaign);
    if (per_second <= 0) continue;
    Gate gate;
    if (!rate.carrier.empty()) {
      for (size_t k = 0; k < profile.carriers.size(); ++k) {
        if (profile.carriers[k].name == rate.carrier) gate.carrier = static_cast<int>(k);
      }
    }
    gate.per_sender = rate.scope == Scope::kSender;
    const double us_per_segment = 1e6 / per_second;
    for (size_t t = 0; t <= template_segments.size(); ++t) {
      const int segments = t < template_segments.size() ? template_segments[t] : 1;
      gate.step.push_back(static_cast<int64_t>(std::ceil(us_per_segment * segments)));
    }
    gate.next_free.assign(gate.per_sender ? senders : 1, INT64_MIN);
    gates.push_back(std::move(gate));
    ReleaseOutcome ro;
    ro.rate = &rate;
    ro.per_second = per_second;
    out.releases.push_back(ro);
  }

  // Per carrier (index + 1; 0: other or unknown): the gates its messages meet, in
  // order. Carriers come in random order: a test of each gate's carrier per message
  // was a branch mispredicted about half the time.
  std::vector<std::vector<uint32_t>> gates_of_carrier(profile.carriers.size() + 1);
  for (size_t c = 0; c < gates_of_carrier.size(); ++c) {
    for (size_t g = 0; g < gates.size(); ++g) {
      if (gates[g].carrier < 0 || gates[g].carrier == static_cast<int>(c) - 1)
        gates_of_carrier[c].push_back(static_cast<uint32_t>(g));
    }
  }

  out.runs = TimeOrderedRuns(plan.events);
  out.submission = SubmissionOrder(plan.events, out.runs);
  bool in_order = true;
  int64_t previous = INT64_MIN;
  uint16_t highest_sender = 0;
  std::array<bool, 256> carriers_met{};  // by carrier index as a byte (-1: 255)
  for (size_t k = 0; k < n; ++k) {
    const uint32_t i = out.submission.empty() ? static_cast<uint32_t>(k) : out.submission[k];
    const SendEvent& e = plan.events[i];
    highest_sender = std::max(highest_sender, e.sender);
    const int64_t submit_us = e.time_us();
    const int sender = e.sender < senders ? e.sender : 0;
    const size_t by_segments =
        e.template_index < template_segments.size() ? e.template_index : template_segments.size();
    const int carrier = out.Carrier(i);
    carriers_met[static_cast<uint8_t>(carrier)] = true;
    const size_t carrier_slot =
        carrier >= 0 && static_cast<size_t>(carrier) < profile.carriers.size() ? carrier + 1 : 0;
    const std::vector<uint32_t>& met = gates_of_carrier[carrier_slot];
    int64_t release = submit_us;
    int binding = -1;
    for (uint32_t g : met) {
      const Gate& gate = gates[g];
      const int64_t free = gate.next_free[gate.per_sender ? sender : 0];
      if (free > release) release = free, binding = static_cast<int>(g);
    }
    const int64_t wait = release - submit_us;
    if (wait > out.validity_us) {
      out.expired[i] = true;
      release = SaturatingAdd(submit_us, out.validity_us);
    } else {
      for (uint32_t g : met) {
        Gate& gate = gates[g];
        gate.next_free[gate.per_sender ? sender : 0] =
            SaturatingAdd(release, gate.step[by_segments]);
      }
    }
    if (binding >= 0) {
      ReleaseOutcome& ro = out.releases[binding];
      ++ro.held;
      ro.max_wait_us = std::max(ro.max_wait_us, std::min(wait, out.validity_us));
      ro.first_held_us = std::min(ro.first_held_us, submit_us);
    }
    out.release.Set(i, submit_us, release);
    if (release < previous) in_order = false;
    previous = release;
  }
  out.in_order = in_order;
  out.most_streams =
      static_cast<size_t>(std::count(carriers_met.begin(), carriers_met.end(), true)) *
      (size_t{highest_sender} + 1);
  // Out of order, ReleaseOrder merges streams of the plan's own order instead.
  if (!in_order) std::vector<uint32_t>().swap(out.submission);
  return out;
}

ReleaseOrder::ReleaseOrder(const QueueOutcome& queue) : queue_(&queue), size_(queue.size()) {
  if (queue.in_order || size_ == 0) return;
  // In each run of the plan in time order, a stream per carrier and sender, headed by
  // its first event.
  const std::vector<SendEvent>& events = *queue.events;
  const std::vector<int8_t>& carriers = queue.carrier_of_event;
  const size_t most = queue.most_streams > 0 ? queue.most_streams : SIZE_MAX;
  for (const auto& [begin, end] : queue.runs.empty() ? TimeOrderedRuns(events) : queue.runs) {
    std::vector<std::pair<int8_t, uint16_t>> seen;  // (carrier, sender) of the run's streams
    for (uint32_t i = begin; i < end && seen.size() < most; ++i) {
      const std::pair<int8_t, uint16_t> key(carriers[i], events[i].sender);
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      streams_.push_back({end, key.first, key.second});
      heap_.push_back(HeadOf(i, static_cast<uint32_t>(streams_.size() - 1)));
    }
  }
  std::make_heap(heap_.begin(), heap_.end(), Later);
}

bool ReleaseOrder::Later(const Head& a, const Head& b) {
  if (a.release_us != b.release_us) return a.release_us > b.release_us;
  if (a.sender != b.sender) return a.sender > b.sender;
  if (a.submit_us != b.submit_us) return a.submit_us > b.submit_us;
  return a.index > b.index;
}

ReleaseOrder::Head ReleaseOrder::HeadOf(uint32_t index, uint32_t stream) const {
  const SendEvent& e = (*queue_->events)[index];
  return {queue_->TimeUs(index), e.time_us(), index, stream, e.sender};
}

uint32_t ReleaseOrder::Pop() {
  if (queue_->in_order) return Submitted(taken_++);
  const Head head = heap_.front();
  // The stream's next event: the next of its carrier and sender within its run. It
  // takes the head's place (one sift down, not a pop and a push); heads are all
  // different, so the order out is the same whatever the heap's shape.
  const Stream& stream = streams_[head.stream];
  const std::vector<SendEvent>& events = *queue_->events;
  const int8_t* carriers = queue_->carrier_of_event.data();
  bool replaced = false;
  for (uint32_t from = head.index + 1; from < stream.end;) {
    const void* found =
        std::memchr(carriers + from, static_cast<unsigned char>(stream.carrier), stream.end - from);
    if (found == nullptr) break;
    const auto next = static_cast<uint32_t>(static_cast<const int8_t*>(found) - carriers);
    if (events[next].sender == stream.sender) {
      heap_.front() = HeadOf(next, head.stream);
      SiftDownFirst(heap_, Later);
      replaced = true;
      break;
    }
    from = next + 1;
  }
  if (!replaced) {
    std::pop_heap(heap_.begin(), heap_.end(), Later);
    heap_.pop_back();
  }
  ++taken_;
  return head.index;
}

}  // namespace smslint
