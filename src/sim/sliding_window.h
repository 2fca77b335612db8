// SlidingCounts: how many events fell in the last second, minute, hour and day,
// kept in one ring buffer of event times with a head per window. Each event is
// pushed once and passed by each head once, so the cost is constant per event; the
// buffer grows (doubling) only to the largest day-window count ever seen.
#ifndef SMSLINT_SIM_SLIDING_WINDOW_H_
#define SMSLINT_SIM_SLIDING_WINDOW_H_

#include <array>
#include <cstdint>
#include <memory>

#include "sim/profile.h"

namespace smslint {

class SlidingCounts {
 public:
  using Counts = std::array<int64_t, kWindowCount>;

  // Adds an event at `t_us` (never earlier than the previous one) and returns the
  // number of events in (t - window, t] for each window, this one included.
  Counts Add(int64_t t_us) {
    if (tail_ - heads_[kWindowCount - 1] == size_) Grow();
    buffer_[tail_ & mask_] = t_us;
    ++tail_;
    Counts counts;
    for (int w = 0; w < kWindowCount; ++w) {
      const int64_t cutoff = t_us - kWindowMicros[w];
      uint64_t& head = heads_[w];
      while (buffer_[head & mask_] <= cutoff) ++head;
      counts[w] = static_cast<int64_t>(tail_ - head);
    }
    return counts;
  }

 private:
  void Grow() {
    const size_t size = size_ == 0 ? 64 : size_ * 2;
    // Not zeroed: only [head, tail) is ever read, and it is always written first, so
    // the part of a doubled buffer a run never fills is never touched (at 10M
    // messages a day of one number's sends is millions of slots).
    std::unique_ptr<int64_t[]> bigger(new int64_t[size]);
    // Re-lay the live events [oldest head, tail) from index 0, keeping absolute
    // positions by shifting every counter.
    const uint64_t oldest = heads_[kWindowCount - 1];
    for (uint64_t i = oldest; i < tail_; ++i) bigger[i - oldest] = buffer_[i & mask_];
    for (uint64_t& head : heads_) head -= oldest;
    tail_ -= oldest;
    buffer_ = std::move(bigger);
    size_ = size;
    mask_ = size_ - 1;
  }

  std::unique_ptr<int64_t[]> buffer_;
  size_t size_ = 0;
  uint64_t mask_ = 0;
  uint64_t tail_ = 0;
  std::array<uint64_t, kWindowCount> heads_{};  // the day head is always the oldest
};

}  // namespace smslint

#endif  // SMSLINT_SIM_SLIDING_WINDOW_H_
