#include "sim/rules/finding_text.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_format.h"
#include "sim/local_time.h"
#include "util/strings.h"

namespace smslint {

Span SpanAt(const Campaign& campaign, Position pos, int width) {
  Span span;
  span.file = campaign.path;
  span.line = pos.line;
  span.column = pos.column;
  span.end_line = pos.line;
  span.end_column = pos.column + std::max(1, width);
  return span;
}

Position FirstKnown(std::initializer_list<Position> candidates) {
  for (const Position& p : candidates) {
    if (p.known()) return p;
  }
  return Position{1, 1};
}

Position SenderPos(const Campaign& campaign, int sender) {
  if (campaign.senders.empty()) return FirstKnown({campaign.senders_pos});
  return FirstKnown({campaign.senders[sender].number.pos, campaign.senders_pos});
}

std::string FormatMicros(int64_t t_us, const absl::TimeZone& zone) {
  return absl::FormatTime("%Y-%m-%d %H:%M:%S %Z", FromMicros(t_us), zone);
}

std::string FormatNumber(double v) {
  if (v == std::floor(v) && std::fabs(v) < 9e15) return WithCommas(static_cast<int64_t>(v));
  // Carrier-share estimates are fractional; past 100 a decimal only adds noise.
  if (std::fabs(v) >= 100 && std::fabs(v) < 9e15) return WithCommas(std::llround(v));
  return absl::StrFormat("%.1f", v);
}

const char* WindowPhrase(Window window) {
  switch (window) {
    case Window::kSecond:
      return "in one second";
    case Window::kMinute:
      return "within one minute";
    case Window::kHour:
      return "within one hour";
    case Window::kDay:
      return "within one day";
  }
  return "";
}

bool TrustScoreKnown(const Campaign& campaign) {
  return campaign.campaign.trust_score.present && campaign.campaign.trust_score.value > 0;
}

double LimitValueFor(const Limit& limit, const Campaign& campaign) { return limit.For(campaign); }

}  // namespace smslint
