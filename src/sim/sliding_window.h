// SlidingCounts: how many events fell in the last second, minute, hour and day,
// kept in one queue of event times (40-bit offsets, in blocks) with a head per
// window. Each event is pushed once and passed by each head once, so the cost is
// constant per event; the queue holds only the last day's events.
#ifndef SMSLINT_SIM_SLIDING_WINDOW_H_
#define SMSLINT_SIM_SLIDING_WINDOW_H_

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

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
    // A live head's time is kept beside it: a window whose head stays costs a compare.
    for (int w = 0; w < kWindowCount; ++w) {
      const int64_t cutoff = t_us - kWindowMicros[w];
      uint64_t& head = heads_[w];
      while (head < tail_ && head_times_[w] <= cutoff) {
        if (++head < tail_) head_times_[w] = TimeAt(head);
      }
    }
    const uint64_t oldest = heads_[kWindowCount - 1];
    // Blocks wholly before the oldest head are done with: keep one for reuse.
    while ((oldest >> kBlockBits) > first_block_) {
      spare_ = std::move(Slot(first_block_));
      ++first_block_;
      --live_blocks_;
    }
    if ((tail_ >> kBlockBits) - first_block_ == live_blocks_) {
      if (live_blocks_ == ring_.size()) Widen();
      Slot(first_block_ + live_blocks_) =
          spare_ != nullptr ? std::move(spare_) : std::unique_ptr<Block>(new Block);
      ++live_blocks_;
    }
    if (oldest == tail_) {
      base_ = t_us;  // nothing live: offsets start from this event
    } else if (static_cast<uint64_t>(t_us - base_) >= kSpan) {
      Rebase();
    }
    Store(tail_, static_cast<uint64_t>(t_us - base_));
    for (int w = 0; w < kWindowCount; ++w) {
      if (heads_[w] == tail_) head_times_[w] = t_us;  // the window held nothing
    }
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

  // Live blocks sit in a ring indexed by block number (its size a power of two).
  std::unique_ptr<Block>& Slot(uint64_t block) { return ring_[block & (ring_.size() - 1)]; }
  Block& BlockOf(uint64_t position) const {
    return *ring_[(position >> kBlockBits) & (ring_.size() - 1)];
  }
  // Doubles the ring, each live block moved to its slot in the wider one.
  void Widen() {
    std::vector<std::unique_ptr<Block>> wider(ring_.empty() ? 4 : ring_.size() * 2);
    for (uint64_t b = first_block_; b < first_block_ + live_blocks_; ++b)
      wider[b & (wider.size() - 1)] = std::move(Slot(b));
    ring_ = std::move(wider);
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
  std::vector<std::unique_ptr<Block>> ring_;  // blocks first_block_ .. + live_blocks_
  size_t live_blocks_ = 0;
  std::unique_ptr<Block> spare_;
  uint64_t first_block_ = 0;  // positions >> kBlockBits
  int64_t base_ = 0;
  uint64_t tail_ = 0;
  std::array<uint64_t, kWindowCount> heads_{};      // the day head is always the oldest
  std::array<int64_t, kWindowCount> head_times_{};  // TimeAt(heads_[w]) while it is live
};

}  // namespace smslint

#endif  // SMSLINT_SIM_SLIDING_WINDOW_H_
