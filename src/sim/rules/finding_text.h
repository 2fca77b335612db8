// What the traffic rules' findings share: spans in the campaign file and the way
// times, numbers and windows are written.
#ifndef SMSLINT_SIM_RULES_FINDING_TEXT_H_
#define SMSLINT_SIM_RULES_FINDING_TEXT_H_

#include <cstdint>
#include <initializer_list>
#include <string>

#include "absl/time/time.h"
#include "campaign/campaign.h"
#include "diag/diagnostic.h"
#include "sim/profile.h"

namespace smslint {

Span SpanAt(const Campaign& campaign, Position pos, int width = 1);

// The first known position among `candidates` (1:1 when none is).
Position FirstKnown(std::initializer_list<Position> candidates);

// A sender number's position, else the senders list's.
Position SenderPos(const Campaign& campaign, int sender);

// "2026-12-01 10:00:00 EST"
std::string FormatMicros(int64_t t_us, const absl::TimeZone& zone);

// "1,234" for whole numbers (and past 100), one decimal otherwise.
std::string FormatNumber(double v);

// "in one second", "within one minute", ...
const char* WindowPhrase(Window window);

// Whether the campaign states a brand trust score (0 counts as absent).
bool TrustScoreKnown(const Campaign& campaign);

// The limit that applies to the campaign (its trust tier, else the base value).
double LimitValueFor(const Limit& limit, const Campaign& campaign);

}  // namespace smslint

#endif  // SMSLINT_SIM_RULES_FINDING_TEXT_H_
