// What the schedule and the rules both derive from a campaign: which rows are sent,
// which template and sender each row gets, and which bodies count as identical.
#ifndef SMSLINT_SIM_PLAN_INPUTS_H_
#define SMSLINT_SIM_PLAN_INPUTS_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "campaign/campaign.h"
#include "campaign/recipients.h"
#include "sim/profile.h"
#include "util/strings.h"

namespace smslint {

// A template body with placeholders replaced by "{{}}" and digits by '#': every
// rendering of one template has the same masked body, so it identifies the
// "substantially identical" messages carriers count.
std::string MaskedBody(std::string_view body);

// For each template, its class of substantially identical bodies: masked bodies whose
// word-bigram similarity reaches `similarity` (1: equal masked bodies only), numbered
// from 0 (text/similarity.h).
std::vector<int> SimilarBodyClasses(const Campaign& campaign, double similarity);

// For each template, the SMS segments of one message (rendered with its fallbacks;
// at least 1).
std::vector<int> TemplateSegments(const Campaign& campaign);

// Registrable link domains in a template body (rendered with its fallbacks).
std::vector<std::string> BodyLinkDomains(std::string_view body);

// A deterministic 64-bit mix (splitmix64 finaliser). Inline, as TemplateDraw: both
// run once per message of every plan.
inline uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Template weights normalised into a cumulative table (all-zero: uniform).
std::vector<double> CumulativeWeights(const Campaign& campaign);
// The 53 random bits recipient row `row` draws its template with, from the seed.
inline uint64_t TemplateBits(uint64_t seed, uint64_t row) {
  return Mix64(seed * 0x100000001b3ULL ^ row) >> 11;
}
// The least 53-bit draw `bits` with end <= bits * 2^-53 * total in double
// arithmetic (2^53: none): a draw reaches `end` exactly when it is at least this.
uint64_t LeastDrawReaching(double end, double total);

// The template for a recipient row, drawn from the seed by the templates' weights: the
// draw's 53 bits scaled to [0, total) in double arithmetic, then the first template
// whose cumulative weight is past it. Compared in integers: each template's end as
// the least draw that reaches it (found once, through that same double arithmetic,
// so the two agree on every draw; tests/sim/plan_events_test.cc checks it). A plan
// draws once per message: the conversion and products were a third of its time.
class TemplateDraw {
 public:
  explicit TemplateDraw(const std::vector<double>& cumulative);
  int operator()(uint64_t seed, uint64_t row) const {
    if (thresholds_.size() <= 1) return 0;
    return OfBits(TemplateBits(seed, row));
  }
  int OfBits(uint64_t bits) const {
    if (thresholds_.size() <= 1) return 0;
    size_t k = 0;
    if (thresholds_.size() <= 16) {
      for (uint64_t t : thresholds_) k += static_cast<size_t>(t <= bits);
    } else {
      k = static_cast<size_t>(std::upper_bound(thresholds_.begin(), thresholds_.end(), bits) -
                              thresholds_.begin());
    }
    return static_cast<int>(std::min(k, thresholds_.size() - 1));
  }

 private:
  std::vector<uint64_t> thresholds_;  // per template: the least draw counted past its end
};

// The number of senders the simulation uses (at least one: a campaign without
// senders is simulated as one unnamed number).
int SenderCount(const Campaign& campaign);
std::string SenderLabel(const Campaign& campaign, int sender);

// The per-second rate the profile allows one sender (tightest second/minute/hour
// sends limit at any level), or 1 when the profile has none.
double ProfileMaxRate(const Profile& profile);

// Whether row `row` gets a message (campaign/recipients.h's IsSendable): asked once
// per row by every plan, and by the stage counting a list's messages.
inline bool RowIsSent(const RecipientTable& recipients, size_t row) {
  return IsSendable(recipients.flags[row]);
}

}  // namespace smslint

#endif  // SMSLINT_SIM_PLAN_INPUTS_H_
