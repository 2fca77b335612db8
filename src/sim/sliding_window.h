// SlidingCounts: how many events fell in the last second, minute, hour and day,
// kept in one queue of event times (40-bit offsets, in blocks) with a head per
// window. Each event is pushed once and passed by each head once, so the cost is
// constant per event; the queue holds only the last day's events.
#ifndef SMSLINT_SIM_SLIDING_WINDOW_H_
#define SMSLINT_SIM_SLIDING_WINDOW_H_

#include <array>
#include <cstdint>
#include <deque>
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
    // Blocks wholly before the oldest head are done with: keep one for reuse.
    while ((oldest >> kBlockBits) > first_block_) {
      spare_ = std::move(blocks_.front());
      blocks_.pop_front();
      ++first_block_;
    }
    if ((tail_ >> kBlockBits) - first_block_ == blocks_.size()) {
      blocks_.push_back(spare_ != nullptr ? std::move(spare_) : std::unique_ptr<Block>(new Block));
    }
    if (oldest == tail_) {
      base_ = t_us;  // nothing live: offsets start from this event
    } else if (static_cast<uint64_t>(t_us - base_) >= kSpan) {
      Rebase();
    }
    Store(tail_, static_cast<uint64_t>(t_us - base_));
    ++tail_;
    Counts counts;
    for (int w = 0; w < kWindowCount; ++w) counts[w] = static_cast<int64_t>(tail_ - heads_[w]);
    return counts;
  }

 private:
  // Offsets from base_ are kept in 40 bits (5 bytes an event, not 8): 12.7 days, far
  // more than the day window the buffer holds.
  static constexpr uint64_t kSpan = uint64_t{1} << 40;
  // Events live in blocks of 512, allocated as the day's count grows and freed as it
  // shrinks: no doubled buffer (and no copy of it) at millions of events.
  static constexpr int kBlockBits = 9;
  static constexpr uint64_t kBlockMask = (uint64_t{1} << kBlockBits) - 1;
  struct Block {
    uint32_t low[size_t{1} << kBlockBits];  // the offset's low 32 bits
    uint8_t high[size_t{1} << kBlockBits];  // and the next 8
  };

  Block& BlockOf(uint64_t position) const {
    return *blocks_[(position >> kBlockBits) - first_block_];
  }
  int64_t TimeAt(uint64_t position) const {
    const Block& b = BlockOf(position);
    const size_t i = position & kBlockMask;
    return base_ + static_cast<int64_t>((uint64_t{b.high[i]} << 32) | b.low[i]);
  }
  void Store(uint64_t position, uint64_t offset) {
    Block& b = BlockOf(position);
    const size_t i = position & kBlockMask;
    b.low[i] = static_cast<uint32_t>(offset);
    b.high[i] = static_cast<uint8_t>(offset >> 32);
  }

  // Moves the base up to the oldest live event, rewriting the live offsets: live events
  // lie within a day of each other, so this happens at most once per 11 days of events.
  void Rebase() {
    const uint64_t oldest = heads_[kWindowCount - 1];
    const int64_t base = TimeAt(oldest);
    for (uint64_t p = oldest; p < tail_; ++p) Store(p, static_cast<uint64_t>(TimeAt(p) - base));
    base_ = base;
  }

  // Not zeroed: only [oldest head, tail) is ever read, and it is always written first.
  std::deque<std::unique_ptr<Block>> blocks_;  // blocks_[0] holds block first_block_
  std::unique_ptr<Block> spare_;
  uint64_t first_block_ = 0;  // positions >> kBlockBits
  int64_t base_ = 0;
  uint64_t tail_ = 0;
  std::array<uint64_t, kWindowCount> heads_{};  // the day head is always the oldest
};

}  // namespace smslint

#endif  // SMSLINT_SIM_SLIDING_WINDOW_H_
