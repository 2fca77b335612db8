// Per-run bookkeeping of the simulator: how each limit was crossed.
#ifndef SMSLINT_SIM_SIM_STATE_H_
#define SMSLINT_SIM_SIM_STATE_H_

#include <cstdint>

namespace smslint {

// How a counter fared against one limit: when it first went over, its peak, and
// how many messages were sent while it was over.
struct LimitTrack {
  int64_t first_over_us = INT64_MAX;
  int64_t peak_time_us = 0;
  double peak = 0;
  int64_t over = 0;

  void Observe(int64_t t_us, double value, bool is_over) {
    if (value > peak) {
      peak = value;
      peak_time_us = t_us;
    }
    if (!is_over) return;
    ++over;
    if (t_us < first_over_us) first_over_us = t_us;
  }
  bool crossed() const { return over > 0; }
};

}  // namespace smslint

#endif  // SMSLINT_SIM_SIM_STATE_H_
