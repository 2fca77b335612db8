// SlidingCounts: how many events fell in the last second, minute, hour and day,
// kept in one ring buffer of event times (40-bit offsets) with a head per window. Each event is
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
    // Drop what falls out of each window first: the buffer then holds only events of
    // the last day and the new one, so their offsets from the base fit in 40 bits.
    for (int w = 0; w < kWindowCount; ++w) {
      const int64_t cutoff = t_us - kWindowMicros[w];
      uint64_t& head = heads_[w];
      while (head < tail_ && TimeAt(head) <= cutoff) ++head;
    }
    const uint64_t oldest = heads_[kWindowCount - 1];
    if (tail_ - oldest == size_) Grow();
    if (oldest == tail_) {
      base_ = t_us;  // nothing live: offsets start from this event
    } else if (static_cast<uint64_t>(t_us - base_) >= kSpan) {
      Rebase();
    }
    const uint64_t offset = static_cast<uint64_t>(t_us - base_);
    low_[tail_ & mask_] = static_cast<uint32_t>(offset);
    high_[tail_ & mask_] = static_cast<uint8_t>(offset >> 32);
    ++tail_;
    Counts counts;
    for (int w = 0; w < kWindowCount; ++w) counts[w] = static_cast<int64_t>(tail_ - heads_[w]);
    return counts;
  }

 private:
  // Offsets from base_ are kept in 40 bits (5 bytes an event, not 8): 12.7 days, far
  // more than the day window the buffer holds.
  static constexpr uint64_t kSpan = uint64_t{1} << 40;

  int64_t TimeAt(uint64_t position) const {
    const size_t i = position & mask_;
    return base_ + static_cast<int64_t>((uint64_t{high_[i]} << 32) | low_[i]);
  }

  // Moves the base up to the oldest live event, rewriting the live offsets: live events
  // lie within a day of each other, so this happens at most once per 11 days of events.
  void Rebase() {
    const uint64_t oldest = heads_[kWindowCount - 1];
    const int64_t base = TimeAt(oldest);
    for (uint64_t p = oldest; p < tail_; ++p) {
      const uint64_t offset = static_cast<uint64_t>(TimeAt(p) - base);
      low_[p & mask_] = static_cast<uint32_t>(offset);
      high_[p & mask_] = static_cast<uint8_t>(offset >> 32);
    }
    base_ = base;
  }

  void Grow() {
    const size_t size = size_ == 0 ? 64 : size_ * 2;
    // Not zeroed: only [head, tail) is ever read, and it is always written first, so
    // the part of a doubled buffer a run never fills is never touched (at 10M
    // messages a day of one number's sends is millions of slots).
    std::unique_ptr<uint32_t[]> low(new uint32_t[size]);
    std::unique_ptr<uint8_t[]> high(new uint8_t[size]);
    // Re-lay the live events [oldest head, tail) from index 0, keeping absolute
    // positions by shifting every counter.
    const uint64_t oldest = heads_[kWindowCount - 1];
    for (uint64_t i = oldest; i < tail_; ++i) {
      low[i - oldest] = low_[i & mask_];
      high[i - oldest] = high_[i & mask_];
    }
    for (uint64_t& head : heads_) head -= oldest;
    tail_ -= oldest;
    low_ = std::move(low);
    high_ = std::move(high);
    size_ = size;
    mask_ = size_ - 1;
  }

  // Event times as offsets from base_: the low 32 bits and the next 8.
  std::unique_ptr<uint32_t[]> low_;
  std::unique_ptr<uint8_t[]> high_;
  int64_t base_ = 0;
  size_t size_ = 0;
  uint64_t mask_ = 0;
  uint64_t tail_ = 0;
  std::array<uint64_t, kWindowCount> heads_{};  // the day head is always the oldest
};

}  // namespace smslint

#endif  // SMSLINT_SIM_SLIDING_WINDOW_H_
