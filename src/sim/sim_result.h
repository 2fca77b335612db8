// SimResult: what a simulation produced, for the report emitters.
#ifndef SMSLINT_SIM_SIM_RESULT_H_
#define SMSLINT_SIM_SIM_RESULT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"

namespace smslint {

// Counts per fixed bucket from `start`.
struct TimeSeries {
  absl::Time start;
  absl::Duration bucket = absl::Minutes(1);
  std::vector<int64_t> values;
};

struct SenderStats {
  std::string number;  // sender numbers belong to the business: not masked
  int64_t sent = 0;
  int64_t delivered = 0;
  int64_t filtered = 0;              // predicted 30007
  int64_t late = 0;                  // queued past its intended window
  int64_t stale = 0;                 // delivered after the template's `expires`
  int64_t quiet_hours = 0;           // delivered outside the recipient's allowed hours
  std::string first_violation_rule;  // empty when none
  absl::Time first_violation = absl::InfinitePast();
  // Charts: sends and predicted filtered messages per bucket, with the limits.
  TimeSeries sends;
  TimeSeries filtered_series;
  TimeSeries quiet_series;
  double limit_per_bucket = 0;  // the profile's limit for one `sends.bucket`
  double limit_per_day = 0;
};

struct SimResult {
  std::string profile;
  std::string time_zone;  // schedule zone, for displaying times
  absl::Time start;
  absl::Time end;  // when the last message is delivered
  int64_t messages = 0;
  int64_t delivered = 0;
  int64_t filtered = 0;
  int64_t late = 0;
  int64_t stale = 0;
  int64_t quiet_hours = 0;
  std::vector<SenderStats> senders;
  std::string recommendation;  // one paragraph a marketer can act on
};

}  // namespace smslint

#endif  // SMSLINT_SIM_SIM_RESULT_H_
