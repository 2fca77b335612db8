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

#include "campaign/campaign.h"
#include "campaign/recipients.h"
#include "sim/profile.h"

namespace smslint {

struct SendPlan;

// How one release rate shaped the run.
struct ReleaseOutcome {
  const ReleaseRate* rate = nullptr;
  double per_second = 0;    // the rate applied to this campaign (segments/s)
  int64_t held = 0;         // messages this rate held back (it was the binding one)
  int64_t max_wait_us = 0;  // longest wait it caused
  int64_t first_held_us = INT64_MAX;
};

struct QueueOutcome {
  // Per plan event: when it leaves the queue (or fails), its carrier (index into
  // profile.carriers, -1 other/unknown) and whether it expired (a bit each).
  std::vector<int64_t> time_us;
  std::vector<int8_t> carrier;
  std::vector<bool> expired;
  // Plan event indices in the order they leave the queue (time, then sender, then plan
  // position); empty when that is the plan's own order (one sender, no reordering),
  // which saves 4 bytes a message. Read it through Index().
  std::vector<uint32_t> order;
  // The plan event that leaves the queue `k`-th.
  uint32_t Index(size_t k) const { return order.empty() ? static_cast<uint32_t>(k) : order[k]; }
  size_t size() const { return time_us.size(); }
  std::vector<ReleaseOutcome> releases;  // one per applicable profile release rate
  int64_t validity_us = 0;
  int64_t late_after_us = 0;
  bool carrier_column = false;  // carriers came from the recipients' `carrier` column
};

// The carrier of each plan event's recipient.
std::vector<int8_t> AssignCarriers(const Profile& profile, const RecipientTable* recipients,
                                   const SendPlan& plan, uint64_t seed, bool* from_column);

// The queue's validity period for `campaign`: traffic.validity_period when given,
// else the profile's (provider maximum).
int64_t ValidityMicros(const Campaign& campaign, const Profile& profile);

QueueOutcome RunProviderQueue(const Campaign& campaign, const Profile& profile,
                              const RecipientTable* recipients, const SendPlan& plan,
                              const std::vector<int>& template_segments, uint64_t seed);

}  // namespace smslint

#endif  // SMSLINT_SIM_PROVIDER_QUEUE_H_
