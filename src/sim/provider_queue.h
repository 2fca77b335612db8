// Stage 1 of the delivery model: the provider's queue. Each message is submitted at
// its planned time; it leaves the queue when every release rate that applies to it
// (per sender number, per campaign, per carrier; metered in SMS segments) has room,
// and fails when it would wait longer than the validity period (Twilio 30001/30036).
// Each message's carrier is decided here too: the recipients' `carrier` column when
// there is one, else a deterministic draw by the profile's shares.
#ifndef SMSLINT_SIM_PROVIDER_QUEUE_H_
#define SMSLINT_SIM_PROVIDER_QUEUE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "campaign/campaign.h"
#include "campaign/recipients.h"
#include "sim/profile.h"
#include "sim/simulator.h"

namespace smslint {

// Each plan event's release time, kept as its wait after submission in 32 bits: 4
// bytes a message instead of 8. Once a wait of 2^32 - 1 microseconds (71 minutes) or
// more appears, a fifth byte a message holds waits up to 2^40 - 1 (12.7 days); a
// release that cannot be expressed so is kept whole in a side table (the queue
// expires messages after at most 10 hours, so the table is for odd releases). A
// list's sample, at a fraction of the rate, waits hours: its every wait went through
// the side table (a hash lookup each time a release was read).
class ReleaseTimes {
 public:
  void Resize(size_t n) {
    wait_us_.assign(n, 0);
    high_.clear();
    long_.clear();
  }
  size_t size() const { return wait_us_.size(); }
  void Set(size_t i, int64_t submit_us, int64_t release_us) {
    const uint64_t wait = static_cast<uint64_t>(release_us) - static_cast<uint64_t>(submit_us);
    const bool forward = release_us >= submit_us;
    if (forward && wait < kLong) {
      wait_us_[i] = static_cast<uint32_t>(wait);
      if (!high_.empty()) high_[i] = 0;
    } else if (forward && wait < kWideLong) {
      if (high_.empty()) Widen();
      wait_us_[i] = static_cast<uint32_t>(wait);
      high_[i] = static_cast<uint8_t>(wait >> 32);
    } else {
      wait_us_[i] = kLong;
      if (!high_.empty()) high_[i] = kLongHigh;
      long_[static_cast<uint32_t>(i)] = release_us;
      return;
    }
    if (!long_.empty()) long_.erase(static_cast<uint32_t>(i));
  }
  int64_t Get(size_t i, int64_t submit_us) const {
    const uint32_t low = wait_us_[i];
    if (high_.empty()) {
      if (low != kLong) return submit_us + low;
    } else {
      const uint64_t wait = (uint64_t{high_[i]} << 32) | low;
      if (wait != kWideLong) return submit_us + static_cast<int64_t>(wait);
    }
    return long_.at(static_cast<uint32_t>(i));
  }
  size_t long_waits() const { return long_.size(); }
  bool wide() const { return !high_.empty(); }

 private:
  static constexpr uint32_t kLong = UINT32_MAX;
  static constexpr uint8_t kLongHigh = UINT8_MAX;
  static constexpr uint64_t kWideLong = (uint64_t{kLongHigh} << 32) | kLong;
  // The fifth byte for every event: the side table's entries keep their mark.
  void Widen() {
    high_.assign(wait_us_.size(), 0);
    for (size_t k = 0; k < wait_us_.size(); ++k)
      if (wait_us_[k] == kLong) high_[k] = kLongHigh;
  }
  std::vector<uint32_t> wait_us_;
  std::vector<uint8_t> high_;                    // empty until a wait needs it
  absl::flat_hash_map<uint32_t, int64_t> long_;  // by plan event: its release time
};

// How one release rate shaped the run.
struct ReleaseOutcome {
  const ReleaseRate* rate = nullptr;
  double per_second = 0;    // the rate applied to this campaign (segments/s)
  int64_t held = 0;         // messages this rate held back (it was the binding one)
  int64_t max_wait_us = 0;  // longest wait it caused
  int64_t first_held_us = INT64_MAX;
};

// The carrier each recipient row draws by the profile's shares, the same row always
// the same carrier for a seed (no `carrier` column): index into profile.carriers, -1
// when the shares leave it to another carrier.
class CarrierDraw {
 public:
  CarrierDraw() = default;
  CarrierDraw(const Profile& profile, uint64_t seed);
  int8_t Of(uint32_t row) const;

 private:
  std::vector<uint64_t> thresholds_;  // per carrier: the least draw past its share's end
  uint64_t salt_ = 0;
};

struct QueueOutcome {
  // Per plan event: when it leaves the queue (or fails), its carrier (index into
  // profile.carriers, -1 other/unknown) and whether it expired (a bit each). The
  // events are the plan's, which outlives this.
  const std::vector<SendEvent>* events = nullptr;
  ReleaseTimes release;
  int64_t TimeUs(uint32_t i) const { return release.Get(i, (*events)[i].time_us()); }
  // From the `carrier` column, else drawn from the row (CarrierDraw): a byte each.
  std::vector<int8_t> carrier_of_event;
  int Carrier(uint32_t i) const { return carrier_of_event[i]; }
  std::vector<bool> expired;
  // Plan events in the order they were submitted (time, then sender, then plan
  // position) when that is not the plan's own (several senders); kept only while
  // the releases follow it (in_order), which ReleaseOrder then reads.
  std::vector<uint32_t> submission;
  // True when each message leaves the queue no earlier than the one submitted before
  // it: the release order is the submission order.
  bool in_order = true;
  // The plan's runs of events in time order, [begin, end) each (one per sender for
  // PlanSends output), and at most how many streams of one carrier and sender a run
  // holds (the carriers met times the highest sender + 1; 0: not known): ReleaseOrder
  // stops looking for a run's streams once it has found that many, not at its end.
  std::vector<std::pair<uint32_t, uint32_t>> runs;
  size_t most_streams = 0;
  size_t size() const { return release.size(); }
  std::vector<ReleaseOutcome> releases;  // one per applicable profile release rate
  int64_t validity_us = 0;
  int64_t late_after_us = 0;
  bool carrier_column = false;  // carriers came from the recipients' `carrier` column
};

// The carrier of each plan event's recipient from the recipients' `carrier` column;
// false (and nothing assigned) when there is no such column.
bool CarriersFromColumn(const Profile& profile, const RecipientTable* recipients,
                        const SendPlan& plan, std::vector<int8_t>* carriers);

// The queue's validity period for `campaign`: traffic.validity_period when given,
// else the profile's (provider maximum).
int64_t ValidityMicros(const Campaign& campaign, const Profile& profile);

QueueOutcome RunProviderQueue(const Campaign& campaign, const Profile& profile,
                              const RecipientTable* recipients, const SendPlan& plan,
                              const std::vector<int>& template_segments, uint64_t seed);

// The plan events in the order they leave the queue: release time, then sender, then
// submission order. Read as it goes, not stored (4 bytes a message less): the
// messages of one carrier and sender within one run of the plan (a sender's events,
// in time order) meet the same gates in submission order and leave in that order,
// so the order is a merge of those streams, a heap of one head per stream. The
// queue must outlive it.
class ReleaseOrder {
 public:
  explicit ReleaseOrder(const QueueOutcome& queue);
  bool done() const { return taken_ == size_; }
  // The plan event that leaves next, and when (done() must be false).
  uint32_t Peek() const { return queue_->in_order ? Submitted(taken_) : heap_.front().index; }
  int64_t PeekTime() const { return queue_->TimeUs(Peek()); }
  // Peek(), then moves past it.
  uint32_t Pop();

 private:
  struct Head {
    int64_t release_us;
    int64_t submit_us;
    uint32_t index;
    uint32_t stream;
    uint16_t sender;
  };
  // The heap's order: the head that leaves later sinks.
  static bool Later(const Head& a, const Head& b);
  uint32_t Submitted(size_t k) const {
    return queue_->submission.empty() ? static_cast<uint32_t>(k) : queue_->submission[k];
  }
  Head HeadOf(uint32_t index, uint32_t stream) const;

  const QueueOutcome* queue_;
  size_t size_ = 0;
  size_t taken_ = 0;
  struct Stream {
    uint32_t end;    // one past the run's last event
    int8_t carrier;  // the stream's carrier and sender
    uint16_t sender;
  };
  std::vector<Stream> streams_;
  std::vector<Head> heap_;
};

}  // namespace smslint

#endif  // SMSLINT_SIM_PROVIDER_QUEUE_H_
