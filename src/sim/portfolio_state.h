// What the campaigns of one brand share when one run simulates them together
// (DESIGN.md "Portfolio"): the carriers' brand caps (one counter per cap per reset
// day, e.g. T-Mobile's 10DLC brand cap per Pacific day) and each recipient's recent
// solicitations (the states' per-24-hour caps). The rules of every campaign consult
// one PortfolioState while the portfolio run shows them the brand's messages in one
// time order (sim/portfolio.h); a single campaign gets a state of its own.
#ifndef SMSLINT_SIM_PORTFOLIO_STATE_H_
#define SMSLINT_SIM_PORTFOLIO_STATE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"

namespace smslint {

struct PortfolioState {
  // One carrier cap's counter for the brand, on the current reset day.
  struct SharedCap {
    std::string carrier;
    std::string unit;
    int64_t day_begin_us = 0, day_end_us = -1;
    int64_t used = 0;               // segments accepted on the current day
    int64_t offered_today = 0;      // segments offered on the current day
    int64_t peak_day_segments = 0;  // most segments the brand offered in one day
    int64_t failed = 0;             // messages of every campaign over the cap
    int64_t first_failed_us = INT64_MAX;
    double value = 0;  // the cap (the smallest a campaign applied)
  };
  // Keyed by the profile's cap id: campaigns on a route without the cap never
  // touch it.
  std::map<std::string, SharedCap> caps;

  // Per capped recipient (E.164 digits): the times of the solicitations it got in
  // the last 24 hours, oldest first. Most get one: that one is kept inline, with no
  // allocation of its own (millions of recipients).
  absl::flat_hash_map<uint64_t, absl::InlinedVector<int64_t, 1>> recent;
  // Brand-wide: the recipients who got more than their state allows, and the
  // messages over it.
  absl::flat_hash_set<uint64_t> over_recipients;
  int64_t frequency_over = 0;
  int max_in_24h = 0;

  int campaigns = 1;  // how many campaigns share this state
};

}  // namespace smslint

#endif  // SMSLINT_SIM_PORTFOLIO_STATE_H_
