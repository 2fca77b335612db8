#include "sim/sim_text.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "campaign/time_zones.h"
#include "sim/plan_inputs.h"
#include "util/strings.h"

namespace smslint {
namespace {

constexpr int kChartWidth = 60;
constexpr int kChartHeight = 8;
constexpr size_t kChartSenders = 4;

std::string When(absl::Time t, const absl::TimeZone& zone) {
  if (t == absl::InfinitePast() || t == absl::InfiniteFuture()) return "-";
  return absl::FormatTime("%Y-%m-%d %H:%M:%S %Z", t, zone);
}

}  // namespace

std::string BucketName(absl::Duration d) {
  if (d == absl::Seconds(1)) return "second";
  if (d == absl::Minutes(1)) return "minute";
  if (d == absl::Hours(1)) return "hour";
  if (d == absl::Hours(24)) return "day";
  // "151,700 days", not "3640800h".
  const int64_t hours = absl::ToInt64Hours(d);
  if (hours >= 48 && hours % 24 == 0 && d == absl::Hours(hours)) {
    return absl::StrCat(WithCommas(hours / 24), " days");
  }
  return absl::FormatDuration(d);
}

namespace {

std::string PadLeft(const std::string& s, size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}
std::string PadRight(const std::string& s, size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

void RenderChart(const SenderStats& stats, const absl::TimeZone& zone, bool ascii, bool color,
                 std::string& out) {
  const std::vector<int64_t>& values = stats.sends.values;
  if (values.empty()) return;
  // Group buckets so the chart fits the width; the limit scales with the group.
  const size_t group = (values.size() + kChartWidth - 1) / kChartWidth;
  std::vector<int64_t> columns;
  for (size_t i = 0; i < values.size(); i += group) {
    int64_t sum = 0;
    for (size_t j = i; j < std::min(values.size(), i + group); ++j) sum += values[j];
    columns.push_back(sum);
  }
  const absl::Duration column_span = stats.sends.bucket * static_cast<int64_t>(group);
  const double full_limit = stats.limit_per_bucket * static_cast<double>(group);
  double peak = 0;
  for (int64_t v : columns) peak = std::max(peak, static_cast<double>(v));
  // A limit far above the traffic would flatten the bars: it is named, not drawn.
  const bool limit_drawn = full_limit > 0 && full_limit <= 4 * peak;
  const double limit = limit_drawn ? full_limit : 0;
  const double top = std::max(peak, limit);
  if (top <= 0) return;
  const std::string unit = BucketName(group == 1 ? stats.sends.bucket : column_span);
  absl::StrAppend(&out, "  ", stats.number, ": sends per ", unit);
  if (full_limit > 0) {
    absl::StrAppend(&out, " (limit ", FormatNumberForChart(full_limit),
                    limit_drawn ? ")" : ", far above the traffic)");
  }
  absl::StrAppend(&out, "\n");

  static const char* kEighths[] = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  const int limit_row =
      limit > 0
          ? std::clamp(static_cast<int>(std::ceil(limit / top * kChartHeight)), 1, kChartHeight)
          : 0;
  for (int row = kChartHeight; row >= 1; --row) {
    std::string label;
    if (row == kChartHeight) label = FormatNumberForChart(top);
    if (row == limit_row && row != kChartHeight) label = FormatNumberForChart(limit);
    absl::StrAppend(&out, PadLeft(label, 9),
                    row == limit_row ? (ascii ? " -" : " ┤") : (ascii ? " |" : " │"));
    for (int64_t v : columns) {
      const double eighths = static_cast<double>(v) / top * kChartHeight * 8;
      const int fill = std::clamp(static_cast<int>(std::lround(eighths - (row - 1) * 8)), 0, 8);
      const bool over = full_limit > 0 && static_cast<double>(v) > full_limit;
      std::string cell;
      if (fill == 0) {
        cell = row == limit_row ? (ascii ? "-" : "┄") : " ";
      } else if (ascii) {
        cell = fill >= 8 ? "#" : fill >= 4 ? "+" : ".";
      } else {
        cell = kEighths[fill];
      }
      if (color && over && fill > 0) cell = absl::StrCat("\x1b[31m", cell, "\x1b[0m");
      out += cell;
    }
    out += "\n";
  }
  absl::StrAppend(&out, std::string(10, ' '), ascii ? "+" : "└",
                  ascii ? std::string(columns.size(), '-') : [&] {
                    std::string line;
                    for (size_t i = 0; i < columns.size(); ++i) line += "─";
                    return line;
                  }(),
                  "\n");
  const std::string from = absl::FormatTime("%m-%d %H:%M", stats.sends.start, zone);
  const std::string to = absl::FormatTime(
      "%m-%d %H:%M", stats.sends.start + column_span * static_cast<int64_t>(columns.size()), zone);
  const size_t gap =
      columns.size() > from.size() + to.size() ? columns.size() - from.size() - to.size() : 1;
  absl::StrAppend(&out, std::string(11, ' '), from, std::string(gap, ' '), to, "\n");
}

}  // namespace

std::string FormatNumberForChart(double v) {
  if (v == std::floor(v) && v < 9e15) return WithCommas(static_cast<int64_t>(v));
  return absl::StrFormat("%.1f", v);
}

bool LocaleSupportsUnicode() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || value[0] == '\0') continue;
    std::string v = absl::AsciiStrToLower(value);
    return v.find("utf-8") != std::string::npos || v.find("utf8") != std::string::npos;
  }
  return false;
}

namespace {

std::string Share(int64_t part, int64_t whole) {
  if (whole <= 0) return "0%";
  const double p = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  // Never round a loss away: 99.99% delivered is not 100%.
  if (part != whole && p > 99.9) return ">99.9%";
  if (part != 0 && p < 0.1) return "<0.1%";
  return absl::StrFormat("%.*f%%", p == static_cast<int64_t>(p) ? 0 : 1, p);
}

}  // namespace

std::string OutcomeLine(const Outcomes& o) {
  std::string line =
      absl::StrCat("delivered ", WithCommas(o.delivered), " (", Share(o.delivered, o.sent), ")");
  if (o.late > 0 || o.stale > 0) {
    absl::StrAppend(&line, " of which late ", WithCommas(o.late), ", stale ", WithCommas(o.stale));
  }
  absl::StrAppend(&line, "; failed ", WithCommas(o.failed));
  if (o.failed > 0) {
    absl::StrAppend(&line, " (queue expiry ", WithCommas(o.failed_queue), ", carrier cap ",
                    WithCommas(o.failed_cap), ")");
  }
  absl::StrAppend(&line, "; filtered ", WithCommas(o.filtered),
                  " (predicted 30007); in quiet hours ", WithCommas(o.quiet_hours), "; ",
                  WithCommas(o.segments), " segments");
  return line;
}

std::string RenderSimulationText(const SimResult& result, bool ascii, bool color) {
  absl::TimeZone zone;
  if (!LoadZoneByName(result.time_zone, &zone)) zone = absl::UTCTimeZone();
  std::string out;
  absl::StrAppend(&out, "Simulation (profile ", result.profile, ", times in ", result.time_zone,
                  ")\n");
  absl::StrAppend(&out, "  ", Plural(result.messages, "message"), " from ",
                  When(result.start, zone), " to ", When(result.end, zone), "\n");
  absl::StrAppend(&out, "  ", OutcomeLine(result), "\n\n");

  size_t number_width = 6;
  for (const SenderStats& s : result.senders)
    number_width = std::max(number_width, s.number.size());
  // Each count column as wide as its header or its widest value, with two spaces
  // before it: 2,422,524 failed must not run into 7,372,135 delivered.
  struct Column {
    const char* header;
    size_t width;
    int64_t SenderStats::*value;
  };
  Column columns[] = {
      {"sent", 11, &SenderStats::sent},       {"delivered", 11, &SenderStats::delivered},
      {"failed", 9, &SenderStats::failed},    {"filtered", 10, &SenderStats::filtered},
      {"late", 9, &SenderStats::late},        {"stale", 9, &SenderStats::stale},
      {"quiet", 9, &SenderStats::quiet_hours}};
  for (Column& c : columns) {
    for (const SenderStats& s : result.senders)
      c.width = std::max(c.width, WithCommas(s.*c.value).size() + 2);
  }
  absl::StrAppend(&out, "  ", PadRight("sender", number_width));
  for (const Column& c : columns) absl::StrAppend(&out, PadLeft(c.header, c.width));
  absl::StrAppend(&out, "  first violation\n");
  for (const SenderStats& s : result.senders) {
    const std::string first =
        s.first_violation_rule.empty()
            ? "none"
            : absl::StrCat(s.first_violation_rule, " at ", When(s.first_violation, zone));
    absl::StrAppend(&out, "  ", PadRight(s.number, number_width));
    for (const Column& c : columns) absl::StrAppend(&out, PadLeft(WithCommas(s.*c.value), c.width));
    absl::StrAppend(&out, "  ", first, "\n");
  }
  out += "\n";
  size_t shown = 0;
  for (const SenderStats& s : result.senders) {
    if (s.sent == 0) continue;
    if (shown == kChartSenders) {
      absl::StrAppend(&out, "  (charts for ", result.senders.size() - shown,
                      " more numbers in --format json)\n");
      break;
    }
    RenderChart(s, zone, ascii, color, out);
    out += "\n";
    ++shown;
  }
  if (!result.recommendation.text.empty())
    absl::StrAppend(&out, "Recommendation: ", result.recommendation.text, "\n");
  return out;
}

std::string RenderPortfolioText(const PortfolioSummary& summary) {
  absl::TimeZone zone = absl::UTCTimeZone();
  if (!summary.time_zone.empty()) absl::LoadTimeZone(summary.time_zone, &zone);
  std::string out =
      absl::StrCat("brand ", summary.brand, ": ",
                   Plural(static_cast<int64_t>(summary.campaigns.size()), "campaign"),
                   " simulated on one timeline (", absl::StrJoin(summary.campaigns, ", "), ")");
  if (!summary.not_simulated.empty()) {
    absl::StrAppend(&out, "; not simulated: ", absl::StrJoin(summary.not_simulated, ", "), " (",
                    kPastHorizonText, ")");
  }
  out += "\n";
  absl::StrAppend(&out, "  together: ", WithCommas(summary.totals.sent), " messages; ",
                  OutcomeLine(summary.totals), "\n");
  for (const PortfolioSummary::SharedCap& cap : summary.caps) {
    absl::StrAppend(&out, "  ", cap.carrier,
                    " brand cap, shared: ", FormatNumberForChart(cap.value), " ", cap.unit,
                    "; the brand offers up to ", WithCommas(cap.peak_day), " in one day");
    if (cap.failed > 0) {
      absl::StrAppend(&out, ", and ", Plural(cap.failed, "message"), " fail over it from ",
                      When(cap.first_failed, zone));
    }
    absl::StrAppend(&out, "\n");
  }
  absl::StrAppend(&out, "  state caps per 24 hours: ");
  if (summary.frequency_over > 0) {
    absl::StrAppend(&out, Plural(summary.frequency_over, "message"), " over a state's cap to ",
                    Plural(summary.frequency_recipients, "recipient"), " (up to ",
                    summary.max_in_24h, " within 24 hours)\n");
  } else {
    absl::StrAppend(&out, "no recipient over its state's cap\n");
  }
  for (const PortfolioSummary::SharedItem& item : summary.shared) {
    absl::StrAppend(&out, "  the same ", item.item, " from ", absl::StrJoin(item.senders, ", "),
                    item.error ? " (snowshoeing: an error on this route)" : "", "\n");
  }
  return out;
}

}  // namespace smslint
