// Text rendering of a simulation: a per-sender table and a terminal chart of sends
// per bucket against the profile's limit (shared by `simulate` and `check`).
#ifndef SMSLINT_SIM_SIM_TEXT_H_
#define SMSLINT_SIM_SIM_TEXT_H_

#include <string>

#include "absl/time/time.h"
#include "sim/sim_result.h"

namespace smslint {

// `ascii`: plain ASCII instead of Unicode block characters. `color`: ANSI colour
// for buckets over the limit. The same SimResult always gives the same bytes.
std::string RenderSimulationText(const SimResult& result, bool ascii, bool color);

// "delivered 9,057 (90.6%); failed 943 (queue expiry 0, carrier cap 943); filtered 0
// (predicted 30007); in quiet hours 0; 9,057 segments": the one summary of outcomes
// every format prints.
std::string OutcomeLine(const Outcomes& outcomes);

// The brand-level section of a portfolio run: its campaigns, their outcomes added
// up, the shared carrier caps, the frequency caps and content shared across numbers.
std::string RenderPortfolioText(const PortfolioSummary& summary);

// "12,345" for whole numbers, one decimal otherwise.
std::string FormatNumberForChart(double v);

// A chart bucket's length as a unit: "minute", "hour", "day", "28 days", "90m".
std::string BucketName(absl::Duration bucket);

// Whether the terminal's locale can show UTF-8 block characters (LC_ALL, LC_CTYPE,
// LANG mention UTF-8).
bool LocaleSupportsUnicode();

}  // namespace smslint

#endif  // SMSLINT_SIM_SIM_TEXT_H_
