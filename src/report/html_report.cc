#include "report/html_report.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "campaign/time_zones.h"
#include "sim/sim_text.h"
#include "text/line_index.h"
#include "util/strings.h"

namespace smslint {
namespace {

// ---------------------------------------------------------------------------
// Text helpers

std::string Percent(int64_t part, int64_t whole) {
  if (whole <= 0) return "0%";
  double p = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
  if (p > 0 && p < 0.1) return "&lt;0.1%";
  return absl::StrFormat("%.1f%%", p);
}

// Byte offset of each code point start in `line`, plus the end: columns are 1-based
// code points (Diagnostic), so column c starts at offsets[c - 1].
std::vector<size_t> CodePointOffsets(std::string_view line) {
  std::vector<size_t> offsets;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(line.size());
  return offsets;
}

std::string LevelClass(Level level) { return std::string(LevelName(level)); }

// ---------------------------------------------------------------------------
// Time helpers

absl::TimeZone ZoneOrUtc(const std::string& name) {
  absl::TimeZone zone;
  if (name.empty() || !LoadZoneByName(name, &zone)) return absl::UTCTimeZone();
  return zone;
}

std::string FormatWhen(absl::Time t, const absl::TimeZone& zone) {
  if (t == absl::InfinitePast() || t == absl::InfiniteFuture()) return "";
  // With the year: a send from November may end in January, a slow one years later.
  return absl::FormatTime("%a %b %d %Y, %H:%M", t, zone);
}

// ---------------------------------------------------------------------------
// SVG charts

constexpr double kChartWidth = 1000;
constexpr double kChartHeight = 240;
constexpr double kLeft = 64, kRight = 20, kTop = 22, kBottom = 34;
constexpr int kMaxColumns = 600;

struct Plot {
  double x0 = kLeft, x1 = kChartWidth - kRight;
  double y0 = kChartHeight - kBottom, y1 = kTop;  // y0: the zero line
  double max_value = 1;
  double Y(double v) const { return y0 - (y0 - y1) * std::min(v, max_value) / max_value; }
};

// 1, 2, 5 x 10^k: a round tick step giving about five ticks up to `max_value`.
double NiceStep(double max_value) {
  double raw = max_value / 5;
  double magnitude = std::pow(10, std::floor(std::log10(std::max(raw, 1e-9))));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (raw <= m * magnitude) return std::max(1.0, m * magnitude);
  }
  return std::max(1.0, 10 * magnitude);
}

std::string ShortNumber(double v) {
  if (v >= 1e6) return absl::StrFormat("%gM", std::round(v / 1e5) / 10);
  if (v >= 1e4) return absl::StrFormat("%gk", std::round(v / 1e2) / 10);
  return WithCommas(static_cast<int64_t>(std::llround(v)));
}

void AppendYAxis(std::string& svg, const Plot& plot, const std::string& title) {
  double step = NiceStep(plot.max_value);
  for (double v = 0; v <= plot.max_value + 1e-9; v += step) {
    double y = plot.Y(v);
    absl::StrAppend(
        &svg, absl::StrFormat(
                  "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                  "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                  plot.x0, y, plot.x1, y, plot.x0 - 6, y + 4, ShortNumber(v)));
  }
  absl::StrAppend(
      &svg, absl::StrFormat("<text class=\"axis-title\" x=\"%.1f\" y=\"%.1f\">%s</text>\n", plot.x0,
                            kTop - 8, EscapeHtml(title)));
}

void AppendLimitLine(std::string& svg, const Plot& plot, double limit, const std::string& label) {
  if (limit <= 0) return;
  double y = plot.Y(limit);
  absl::StrAppend(
      &svg, absl::StrFormat(
                "<line class=\"limit\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                "<text class=\"limit-label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                plot.x0, y, plot.x1, y, plot.x1 - 4, y - 5, EscapeHtml(label)));
}

// Peak of `series` within each of `columns` equal slices of [start, start + span).
std::vector<double> Resample(const TimeSeries& series, absl::Time start, absl::Duration span,
                             int columns) {
  std::vector<double> out(columns, 0);
  if (series.bucket <= absl::ZeroDuration() || span <= absl::ZeroDuration()) return out;
  for (size_t i = 0; i < series.values.size(); ++i) {
    absl::Time t = series.start + series.bucket * static_cast<int64_t>(i);
    double f = absl::FDivDuration(t - start, span);
    if (f < 0 || f >= 1) continue;
    // The epsilon keeps bucket i in column i when there are as many columns as buckets.
    int column = std::min(columns - 1, static_cast<int>(f * columns + 1e-6));
    out[column] = std::max(out[column], static_cast<double>(series.values[i]));
  }
  return out;
}

// A closed step-area path of `values` over the plot.
std::string AreaPath(const std::vector<double>& values, const Plot& plot) {
  std::string d = absl::StrFormat("M%.1f %.1f", plot.x0, plot.y0);
  double width = (plot.x1 - plot.x0) / static_cast<double>(values.size());
  for (size_t i = 0; i < values.size(); ++i) {
    double y = plot.Y(values[i]);
    absl::StrAppend(&d, absl::StrFormat("L%.1f %.1fL%.1f %.1f", plot.x0 + width * i, y,
                                        plot.x0 + width * (i + 1), y));
  }
  absl::StrAppend(&d, absl::StrFormat("L%.1f %.1fZ", plot.x1, plot.y0));
  return d;
}

// What a chart column spans: "2h", "3h20m", "about 18,137 days".
std::string ColumnSpan(absl::Duration d) {
  if (d >= absl::Hours(48)) {
    return absl::StrCat(
        "about ", WithCommas(static_cast<int64_t>(absl::FDivDuration(d, absl::Hours(24)) + 0.5)),
        " days");
  }
  return absl::FormatDuration(absl::Trunc(d, absl::Seconds(1)));
}

// Time ticks in the schedule's zone: a round interval giving at most about eight.
void AppendTimeAxis(std::string& svg, const Plot& plot, absl::Time start, absl::Duration span,
                    const absl::TimeZone& zone) {
  // Up to 28 days, then 91 days and years of 365 days (a slow send runs for centuries).
  static constexpr int64_t kYear = 365 * 1440;
  static constexpr int64_t kIntervalsMinutes[] = {
      1,           5,           10,           15,           30,
      60,          120,         180,          360,          720,
      1440,        2880,        10080,        20160,        40320,
      91 * 1440,   kYear,       5 * kYear,    10 * kYear,   50 * kYear,
      100 * kYear, 500 * kYear, 1000 * kYear, 5000 * kYear, 10000 * kYear};
  int64_t span_minutes = std::max<int64_t>(1, absl::ToInt64Minutes(span));
  int64_t interval = kIntervalsMinutes[std::size(kIntervalsMinutes) - 1];
  for (int64_t candidate : kIntervalsMinutes) {
    if (span_minutes / candidate <= 8) {
      interval = candidate;
      break;
    }
  }
  absl::CivilMinute first = absl::ToCivilMinute(start, zone);
  int64_t minute_of_day = first.hour() * 60 + first.minute();
  int64_t phase = interval >= 1440 ? 0 : (interval - minute_of_day % interval) % interval;
  absl::CivilMinute tick =
      interval >= 1440 ? absl::CivilMinute(absl::CivilDay(first)) + (minute_of_day == 0 ? 0 : 1440)
                       : first + phase;
  for (int guard = 0; guard < 64; ++guard, tick += interval) {
    absl::Time t = absl::FromCivil(tick, zone);
    double f = absl::FDivDuration(t - start, span);
    if (f > 1) break;
    if (f < 0) continue;
    double x = plot.x0 + (plot.x1 - plot.x0) * f;
    bool day_label = interval >= 1440 || (tick.hour() == 0 && tick.minute() == 0);
    // A chart of more than 300 days names the year of its days.
    std::string label = absl::FormatTime(!day_label                     ? "%H:%M"
                                         : span > absl::Hours(24 * 300) ? "%b %d %Y"
                                                                        : "%a %b %d",
                                         t, zone);
    absl::StrAppend(
        &svg, absl::StrFormat(
                  "<line class=\"tick-mark\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
                  "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
                  x, plot.y0, x, plot.y0 + 5, x, plot.y0 + 18, label));
  }
}

std::string SvgOpen(const std::string& label) {
  return absl::StrFormat(
      "<svg class=\"chart\" viewBox=\"0 0 %g %g\" role=\"img\" aria-label=\"%s\" "
      "xmlns=\"http://www.w3.org/2000/svg\">\n",
      kChartWidth, kChartHeight, EscapeHtml(label));
}

// Sends per bucket against the per-bucket limit, with the predicted filtered messages
// and the quiet-hours spill drawn over them.
std::string RateChart(const SenderStats& s, const absl::TimeZone& zone) {
  const TimeSeries& sends = s.sends;
  if (sends.values.empty() || sends.bucket <= absl::ZeroDuration()) return "";
  absl::Duration span = sends.bucket * static_cast<int64_t>(sends.values.size());
  int columns = static_cast<int>(std::min<size_t>(sends.values.size(), kMaxColumns));
  std::vector<double> sent = Resample(sends, sends.start, span, columns);
  std::vector<double> filtered = Resample(s.filtered_series, sends.start, span, columns);
  std::vector<double> quiet = Resample(s.quiet_series, sends.start, span, columns);
  double peak = *std::max_element(sent.begin(), sent.end());
  Plot plot;
  plot.max_value = std::max({1.0, peak * 1.1, s.limit_per_bucket * 1.25});
  std::string unit = BucketName(sends.bucket);
  std::string title = absl::StrCat("Messages per ", unit);
  if (columns < static_cast<int>(sends.values.size())) {
    absl::StrAppend(&title, " (each column: the busiest ", unit, " of ", ColumnSpan(span / columns),
                    ")");
  }
  std::string svg =
      SvgOpen(absl::StrCat("Messages per ", unit, " from ", s.number, " against the limit"));
  AppendYAxis(svg, plot, title);
  absl::StrAppend(&svg, "<path class=\"sent\" d=\"", AreaPath(sent, plot), "\"/>\n");
  if (*std::max_element(quiet.begin(), quiet.end()) > 0) {
    absl::StrAppend(&svg, "<path class=\"quiet\" d=\"", AreaPath(quiet, plot), "\"/>\n");
  }
  if (*std::max_element(filtered.begin(), filtered.end()) > 0) {
    absl::StrAppend(&svg, "<path class=\"filtered\" d=\"", AreaPath(filtered, plot), "\"/>\n");
  }
  AppendLimitLine(svg, plot, s.limit_per_bucket,
                  absl::StrCat("limit ", ShortNumber(s.limit_per_bucket), " per ", unit));
  AppendTimeAxis(svg, plot, sends.start, span, zone);
  absl::StrAppend(
      &svg, absl::StrFormat(
                "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n</svg>\n",
                plot.x0, plot.y0, plot.x1, plot.y0));
  return svg;
}

// Messages per calendar day (schedule zone) against the daily limit. Not drawn when
// a bucket spans several days (a campaign of years): there are no days to count.
std::string DailyChart(const SenderStats& s, const absl::TimeZone& zone) {
  const TimeSeries& sends = s.sends;
  if (sends.values.empty() || sends.bucket <= absl::ZeroDuration() ||
      sends.bucket > absl::Hours(24))
    return "";
  // A bucket's day is the one its middle falls on: day buckets start at the schedule
  // zone's midnight and drift an hour across a DST change.
  auto day_of = [&](const TimeSeries& series, size_t i) {
    return absl::ToCivilDay(
        series.start + series.bucket * static_cast<int64_t>(i) + series.bucket / 2, zone);
  };
  std::map<absl::CivilDay, std::pair<int64_t, int64_t>> days;  // sent, filtered
  for (size_t i = 0; i < sends.values.size(); ++i) days[day_of(sends, i)].first += sends.values[i];
  for (size_t i = 0; i < s.filtered_series.values.size(); ++i) {
    days[day_of(s.filtered_series, i)].second += s.filtered_series.values[i];
  }
  // A long campaign: the first 60 days.
  while (days.size() > 60) days.erase(std::prev(days.end()));
  int64_t peak = 1;
  for (const auto& [day, counts] : days) peak = std::max(peak, counts.first);
  Plot plot;
  plot.max_value = std::max(peak * 1.1, s.limit_per_day * 1.2);
  std::string svg = SvgOpen(absl::StrCat("Messages per day from ", s.number, " against the limit"));
  AppendYAxis(svg, plot, "Messages per day");
  double slot = (plot.x1 - plot.x0) / static_cast<double>(days.size());
  double bar = std::min(90.0, slot * 0.7);
  int index = 0;
  for (const auto& [day, counts] : days) {
    double x = plot.x0 + slot * index + (slot - bar) / 2;
    bool over = s.limit_per_day > 0 && counts.first > s.limit_per_day;
    absl::StrAppend(
        &svg,
        absl::StrFormat("<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                        "<title>%s: %s sent</title></rect>\n",
                        over ? "bar over" : "bar", x, plot.Y(counts.first), bar,
                        plot.y0 - plot.Y(counts.first), absl::FormatCivilTime(day),
                        WithCommas(counts.first)));
    if (counts.second > 0) {
      absl::StrAppend(
          &svg, absl::StrFormat("<rect class=\"bar-filtered\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                                "height=\"%.1f\"/>\n",
                                x, plot.Y(counts.second), bar, plot.y0 - plot.Y(counts.second)));
    }
    absl::StrAppend(
        &svg,
        absl::StrFormat(
            "<text class=\"bar-value\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
            x + bar / 2, plot.Y(counts.first) - 5, ShortNumber(counts.first)));
    if (days.size() <= 14 || index % ((days.size() + 13) / 14) == 0) {
      absl::StrAppend(
          &svg, absl::StrFormat(
                    "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
                    x + bar / 2, plot.y0 + 18,
                    absl::FormatTime("%a %b %d", absl::FromCivil(day, zone), zone)));
    }
    ++index;
  }
  AppendLimitLine(svg, plot, s.limit_per_day,
                  absl::StrCat("limit ", ShortNumber(s.limit_per_day), " per day"));
  absl::StrAppend(
      &svg, absl::StrFormat(
                "<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n</svg>\n",
                plot.x0, plot.y0, plot.x1, plot.y0));
  return svg;
}

// ---------------------------------------------------------------------------
// Verdict

struct Counts {
  int64_t errors = 0, warnings = 0, infos = 0;
  void Add(const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& d : diagnostics) {
      (d.level == Level::kError ? errors : d.level == Level::kWarning ? warnings : infos)++;
    }
  }
};

struct Verdict {
  std::string css;  // "fail", "risk", "pass"
  std::string headline;
  std::string detail;
};

Verdict MakeVerdict(const Counts& counts, int64_t filtered, int64_t failed, int64_t messages) {
  if (counts.errors > 0 || filtered > 0 || failed > 0) {
    std::string detail = counts.errors > 0 ? "Fix the errors below before sending." : "";
    if (filtered > 0) {
      absl::StrAppend(&detail, detail.empty() ? "" : " ", "The simulation predicts ",
                      WithCommas(filtered), " of ", Plural(messages, "message"), " (",
                      Percent(filtered, messages), ") filtered as spam (error 30007).");
    }
    if (failed > 0) {
      absl::StrAppend(&detail, detail.empty() ? "" : " ", WithCommas(failed), " of ",
                      WithCommas(messages), " messages (", Percent(failed, messages),
                      ") fail before delivery (provider queue expiry or a carrier cap).");
    }
    return {"fail", "Will not go through as planned", detail};
  }
  if (counts.warnings > 0) {
    return {"risk", "Can go through, with risks",
            "Each warning below raises the chance of carrier filtering."};
  }
  return {"pass", "Ready to send", "No finding blocks this campaign."};
}

// The findings to fix first: the most severe, one per rule, in file order.
std::vector<std::pair<const FileResult*, const Diagnostic*>> FixFirst(
    const std::vector<FileResult>& results, size_t limit) {
  std::vector<std::pair<const FileResult*, const Diagnostic*>> all;
  for (const FileResult& r : results) {
    for (const Diagnostic& d : r.diagnostics) all.push_back({&r, &d});
  }
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.second->level > b.second->level; });
  std::vector<std::pair<const FileResult*, const Diagnostic*>> picked;
  std::set<std::string> rules;
  for (const auto& entry : all) {
    if (entry.second->level == Level::kInfo) break;
    if (!rules.insert(entry.second->rule).second) continue;
    picked.push_back(entry);
    if (picked.size() == limit) break;
  }
  return picked;
}

// ---------------------------------------------------------------------------
// Findings

std::string RuleFix(const ReportOptions& options, const std::string& rule) {
  const RuleInfo* info = options.catalog ? options.catalog->Find(rule) : nullptr;
  return info ? info->fix : "";
}

// A suggestion that is one token ("marketing", "+14155550100") reads as a replacement.
std::string SuggestionHtml(const std::string& suggestion) {
  if (suggestion.find(' ') == std::string::npos) {
    return absl::StrCat("Replace with <code>", EscapeHtml(suggestion), "</code>");
  }
  return EscapeHtml(suggestion);
}

// One finding; the rule's generic fix is shown once per group (`fixes_shown`).
std::string FindingItem(const FileResult& r, const Diagnostic& d, const ReportOptions& options,
                        std::set<std::string>& fixes_shown) {
  std::string html =
      absl::StrCat("<li class=\"finding ", LevelClass(d.level), "\"><span class=\"badge ",
                   LevelClass(d.level), "\">", LevelClass(d.level), "</span> ");
  absl::StrAppend(&html, "<span class=\"message\">", EscapeHtml(d.message), "</span> ",
                  "<code class=\"rule\">", EscapeHtml(d.rule), "</code>");
  if (d.span.line > 0) {
    bool same_file = d.span.file.empty() || d.span.file == r.path;
    absl::StrAppend(&html, " <span class=\"where\">",
                    same_file ? "line " : EscapeHtml(d.span.file) + ":", d.span.line, "</span>");
  }
  if (!d.suggestion.empty()) {
    absl::StrAppend(&html, "<div class=\"hint\">", SuggestionHtml(d.suggestion), "</div>");
  } else if (std::string fix = RuleFix(options, d.rule);
             !fix.empty() && fixes_shown.insert(d.rule).second) {
    absl::StrAppend(&html, "<div class=\"hint\">Fix: ", EscapeHtml(fix), "</div>");
  }
  for (const std::string& note : d.notes) {
    absl::StrAppend(&html, "<div class=\"note\">", EscapeHtml(note), "</div>");
  }
  return html + "</li>\n";
}

// Source lines of the campaign file under a group of findings, each finding's span
// highlighted (the most severe level wins where spans overlap).
std::string SourceExcerpt(const FileResult& r, const LineIndex& lines,
                          const std::vector<const Diagnostic*>& group) {
  // Per line and code point: the level + 1 of the narrowest span covering it (0 = none),
  // so a word flagged inside a body that is flagged as a whole keeps its own colour.
  std::map<int, std::vector<int>> level_at;
  std::map<int, std::vector<int>> width_at;
  for (const Diagnostic* d : group) {
    if (d->span.line <= 0 || (!d->span.file.empty() && d->span.file != r.path)) continue;
    int last = std::max(d->span.line, std::min(d->span.end_line, d->span.line + 5));
    int span_width =
        last > d->span.line ? 1 << 20 : std::max(1, d->span.end_column - d->span.column);
    for (int line = d->span.line; line <= last; ++line) {
      std::string_view text = lines.Line(r.source, line);
      std::vector<int>& levels = level_at[line];
      std::vector<int>& widths = width_at[line];
      int width = static_cast<int>(CodePointOffsets(text).size()) - 1;
      levels.resize(width, 0);
      widths.resize(width, 1 << 30);
      int from = line == d->span.line ? std::max(1, d->span.column) : 1;
      int to = line == d->span.end_line && d->span.end_column > 0 ? d->span.end_column : width + 1;
      if (d->span.column <= 0) from = 1, to = width + 1;
      if (to <= from) to = from + 1;
      int level = static_cast<int>(d->level) + 1;
      for (int c = from; c < to && c <= width; ++c) {
        if (span_width < widths[c - 1] || (span_width == widths[c - 1] && level > levels[c - 1])) {
          widths[c - 1] = span_width;
          levels[c - 1] = level;
        }
      }
    }
  }
  if (level_at.empty()) return "";
  std::string html = "<pre class=\"source\">";
  for (const auto& [line, levels] : level_at) {
    std::string_view text = lines.Line(r.source, line);
    std::vector<size_t> offsets = CodePointOffsets(text);
    absl::StrAppend(&html, "<span class=\"ln\">", line, "</span>");
    // The source comes with recipient numbers already masked (diag/pii.h) unless
    // --show-pii, as in every other output.
    auto emit = [&](size_t begin, size_t end, int level) {
      std::string_view shown = text.substr(begin, end - begin);
      if (level == 0) {
        html += EscapeHtml(shown);
      } else {
        absl::StrAppend(&html, "<mark class=\"", LevelClass(static_cast<Level>(level - 1)), "\">",
                        EscapeHtml(shown), "</mark>");
      }
    };
    size_t run_start = 0;
    int run_level = levels.empty() ? 0 : levels[0];
    for (size_t c = 1; c <= levels.size(); ++c) {
      int level = c < levels.size() ? levels[c] : -1;
      if (level != run_level) {
        emit(offsets[run_start], offsets[c], run_level);
        run_start = c;
        run_level = level;
      }
    }
    html += "\n";
  }
  return html + "</pre>\n";
}

std::string GroupTitle(const Diagnostic& d, const FileResult& r) {
  if (!d.template_id.empty()) return absl::StrCat("Template “", d.template_id, "”");
  if (!d.span.file.empty() && d.span.file != r.path) return absl::StrCat("Data: ", d.span.file);
  std::string_view family = RuleFamily(d.rule);
  if (family == "schema") return "Campaign settings";
  if (family == "traffic") return "Sending and traffic";
  if (family == "data") return "Recipients";
  if (family == "content") return "Message content";
  return std::string(family);
}

std::string FindingsSection(const FileResult& r, const ReportOptions& options) {
  if (r.diagnostics.empty()) return "<p class=\"clean\">No findings.</p>\n";
  // Groups in order of first appearance; templates keep their own group.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Diagnostic*>> groups;
  for (const Diagnostic& d : r.diagnostics) {
    std::string title = GroupTitle(d, r);
    if (!groups.count(title)) order.push_back(title);
    groups[title].push_back(&d);
  }
  // Groups with errors first.
  std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
    auto worst = [&](const std::string& g) {
      int w = 0;
      for (const Diagnostic* d : groups[g]) w = std::max(w, static_cast<int>(d->level));
      return w;
    };
    return worst(a) > worst(b);
  });
  std::string html;
  const LineIndex lines(r.source);
  for (const std::string& title : order) {
    const std::vector<const Diagnostic*>& group = groups[title];
    absl::StrAppend(&html, "<div class=\"group\"><h3>", EscapeHtml(title),
                    " <span class=\"count\">",
                    Plural(static_cast<int64_t>(group.size()), "finding"), "</span></h3>\n");
    html += SourceExcerpt(r, lines, group);
    html += "<ul class=\"findings\">\n";
    std::set<std::string> fixes_shown;
    for (const Diagnostic* d : group) html += FindingItem(r, *d, options, fixes_shown);
    html += "</ul></div>\n";
  }
  return html;
}

std::string Tile(const std::string& label, const std::string& value, const std::string& css) {
  return absl::StrCat("<div class=\"tile ", css, "\"><div class=\"value\">", value,
                      "</div><div class=\"label\">", label, "</div></div>");
}

// The recommended plan beside the schedule as written: the fields it changes, then
// both simulated outcomes side by side.
std::string RecommendationHtml(const SimResult& sim) {
  const Recommendation& r = sim.recommendation;
  if (r.kind == Recommendation::Kind::kNone) return "";
  absl::TimeZone zone = ZoneOrUtc(sim.time_zone);
  std::string html = "<div class=\"recommendation\"><strong>Recommendation.</strong> ";
  absl::StrAppend(&html, EscapeHtml(r.text), "\n");
  if (r.kind == Recommendation::Kind::kKeep) return html + "</div>\n";
  html += "<table class=\"plan\"><thead><tr><th></th><th>As written</th><th>";
  html += r.kind == Recommendation::Kind::kPlan ? "Plan (clean)" : "Best plan found";
  html += "</th></tr></thead><tbody>\n";
  for (const PlanSetting& s : r.plan) {
    absl::StrAppend(&html, "<tr><td><code>", EscapeHtml(s.key), "</code></td><td>",
                    s.was.empty() ? "<em>absent</em>" : EscapeHtml(s.was), "</td><td><strong>",
                    EscapeHtml(s.value), "</strong></td></tr>\n");
  }
  const Outcomes& now = sim;
  const Outcomes& plan = r.predicted;
  const auto row = [&](const char* label, int64_t a, int64_t b) {
    absl::StrAppend(&html, "<tr><td>", label, "</td><td>", WithCommas(a), "</td><td>",
                    WithCommas(b), "</td></tr>\n");
  };
  row("delivered", now.delivered, plan.delivered);
  row("&nbsp;&nbsp;of which late", now.late, plan.late);
  row("&nbsp;&nbsp;of which stale", now.stale, plan.stale);
  row("failed", now.failed, plan.failed);
  row("predicted filtered (30007)", now.filtered, plan.filtered);
  row("in quiet hours", now.quiet_hours, plan.quiet_hours);
  absl::StrAppend(&html, "<tr><td>last lands</td><td>", FormatWhen(sim.end, zone), "</td><td>",
                  FormatWhen(r.end, zone), "</td></tr>\n");
  if (!r.remaining.empty()) {
    std::vector<std::string> ids;
    for (const std::string& id : r.remaining) ids.push_back(EscapeHtml(id));
    absl::StrAppend(&html, "<tr><td>still open</td><td colspan=\"2\"><code>",
                    absl::StrJoin(ids, "</code>, <code>"), "</code></td></tr>\n");
  }
  html += "</tbody></table></div>\n";
  return html;
}

std::string SimulationSection(const SimResult& sim) {
  absl::TimeZone zone = ZoneOrUtc(sim.time_zone);
  std::string html = "<div class=\"sim\">\n<h3>Simulated send</h3>\n";
  absl::StrAppend(&html, "<p class=\"meta\">Profile <code>", EscapeHtml(sim.profile),
                  "</code> · from ", FormatWhen(sim.start, zone), " to ", FormatWhen(sim.end, zone),
                  " (", EscapeHtml(sim.time_zone), ")</p>\n");
  html += "<div class=\"tiles\">";
  html += Tile(absl::StrCat("messages (", WithCommas(sim.segments), " segments)"),
               WithCommas(sim.messages), "");
  html += Tile(absl::StrCat("delivered (", Percent(sim.delivered, sim.messages), ")"),
               WithCommas(sim.delivered), sim.delivered == sim.messages ? "good" : "warn");
  html += Tile(absl::StrCat("failed (queue expiry ", WithCommas(sim.failed_queue), ", carrier cap ",
                            WithCommas(sim.failed_cap), ")"),
               WithCommas(sim.failed), sim.failed ? "bad" : "");
  html += Tile("predicted filtered (30007)", WithCommas(sim.filtered), sim.filtered ? "bad" : "");
  html +=
      Tile("late (queued or waited for the window)", WithCommas(sim.late), sim.late ? "warn" : "");
  html += Tile("stale (past expiry)", WithCommas(sim.stale), sim.stale ? "warn" : "");
  html += Tile("in quiet hours", WithCommas(sim.quiet_hours), sim.quiet_hours ? "bad" : "");
  html += "</div>\n";
  html += RecommendationHtml(sim);
  html +=
      "<table class=\"senders\"><thead><tr><th>Sender</th><th>Sent</th><th>Delivered</th>"
      "<th>Failed</th><th>Filtered</th><th>Late</th><th>Stale</th><th>Quiet hours</th>"
      "<th>First violation</th></tr></thead><tbody>\n";
  for (const SenderStats& s : sim.senders) {
    std::string first = s.first_violation_rule.empty()
                            ? "—"
                            : absl::StrCat("<code>", EscapeHtml(s.first_violation_rule), "</code> ",
                                           FormatWhen(s.first_violation, zone));
    absl::StrAppend(&html, "<tr><td class=\"num\">", EscapeHtml(s.number), "</td><td>",
                    WithCommas(s.sent), "</td><td>", WithCommas(s.delivered), "</td><td",
                    s.failed ? " class=\"bad\"" : "", ">", WithCommas(s.failed), "</td><td",
                    s.filtered ? " class=\"bad\"" : "", ">", WithCommas(s.filtered), "</td><td>",
                    WithCommas(s.late), "</td><td>", WithCommas(s.stale), "</td><td",
                    s.quiet_hours ? " class=\"bad\"" : "", ">", WithCommas(s.quiet_hours),
                    "</td><td>", first, "</td></tr>\n");
  }
  html += "</tbody></table>\n";
  html +=
      "<div class=\"legend\"><span class=\"key sent\"></span>sent "
      "<span class=\"key filtered\"></span>predicted filtered "
      "<span class=\"key quiet\"></span>outside quiet hours "
      "<span class=\"key limit\"></span>limit of the profile</div>\n";
  for (const SenderStats& s : sim.senders) {
    absl::StrAppend(&html, "<div class=\"sender\"><h4>Sender ", EscapeHtml(s.number), "</h4>\n");
    html += RateChart(s, zone);
    html += DailyChart(s, zone);
    html += "</div>\n";
  }
  return html + "</div>\n";
}

constexpr char kStyle[] = R"css(
:root { --error:#b42318; --error-bg:#fee4e2; --warning:#b54708; --warning-bg:#fef0c7;
  --info:#175cd3; --info-bg:#d1e9ff; --ok:#067647; --ok-bg:#dcfae6; --ink:#1d2939;
  --muted:#667085; --line:#e4e7ec; --sent:#2e90fa; --quiet:#7a5af8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink); background: #f9fafb; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; }
header.top { display: flex; justify-content: space-between; align-items: baseline;
  border-bottom: 1px solid var(--line); margin-bottom: 18px; }
header.top h1 { font-size: 20px; margin: 0 0 8px; }
header.top .meta { color: var(--muted); font-size: 13px; }
.verdict { border-radius: 10px; padding: 18px 22px; margin-bottom: 22px; border: 1px solid; }
.verdict h2 { margin: 0 0 4px; font-size: 26px; }
.verdict.fail { background: var(--error-bg); border-color: #fda29b; }
.verdict.fail h2 { color: var(--error); }
.verdict.risk { background: var(--warning-bg); border-color: #fedf89; }
.verdict.risk h2 { color: var(--warning); }
.verdict.pass { background: var(--ok-bg); border-color: #a6f4c5; }
.verdict.pass h2 { color: var(--ok); }
.verdict .counts { color: #475467; font-size: 13px; margin-top: 2px; }
.verdict ol { margin: 10px 0 0; padding-left: 22px; }
.verdict li { margin: 4px 0; }
.verdict .fixhint { color: #344054; }
section.file { background: #fff; border: 1px solid var(--line); border-radius: 10px;
  padding: 6px 22px 18px; margin-bottom: 22px; }
section.file > h2 { font-size: 18px; margin: 14px 0 6px; font-family: ui-monospace, monospace; }
.file-verdict { font-weight: 600; }
.file-verdict.fail { color: var(--error); } .file-verdict.risk { color: var(--warning); }
.file-verdict.pass { color: var(--ok); }
h3 { font-size: 16px; margin: 20px 0 8px; }
h3 .count { color: var(--muted); font-weight: normal; font-size: 13px; margin-left: 6px; }
h4 { margin: 18px 0 4px; font-size: 14px; }
.tiles { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; margin: 10px 0; }
.tile { border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; }
.tile .value { font-size: 20px; font-weight: 650; }
.tile .label { color: var(--muted); font-size: 12px; }
.tile.bad .value { color: var(--error); } .tile.warn .value { color: var(--warning); }
.tile.good .value { color: var(--ok); }
.recommendation { background: #f2f4f7; border-left: 4px solid var(--info); padding: 8px 12px;
  margin: 12px 0; }
table.plan { border-collapse: collapse; margin-top: 8px; font-size: 13px; }
table.plan th, table.plan td { padding: 3px 12px 3px 0; text-align: left; }
table.plan td + td { font-variant-numeric: tabular-nums; }
table.senders { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0; }
table.senders th, table.senders td { border-bottom: 1px solid var(--line); padding: 5px 8px;
  text-align: right; }
table.senders th:first-child, table.senders td:first-child,
table.senders th:last-child, table.senders td:last-child { text-align: left; }
td.bad { color: var(--error); font-weight: 600; }
svg.chart { width: 100%; height: auto; display: block; margin: 4px 0 10px; }
svg .grid { stroke: #eaecf0; stroke-width: 1; }
svg .axis { stroke: #98a2b3; stroke-width: 1; }
svg .tick-mark { stroke: #98a2b3; }
svg .tick { font-size: 11px; fill: var(--muted); }
svg .axis-title { font-size: 12px; fill: #344054; font-weight: 600; }
svg .sent { fill: var(--sent); fill-opacity: .35; stroke: var(--sent); stroke-width: 1; }
svg .filtered { fill: var(--error); fill-opacity: .6; }
svg .quiet { fill: var(--quiet); fill-opacity: .55; }
svg .limit { stroke: var(--error); stroke-width: 1.5; stroke-dasharray: 6 4; }
svg .limit-label { font-size: 11px; fill: var(--error); font-weight: 600; }
svg .bar { fill: var(--sent); fill-opacity: .6; }
svg .bar.over { fill: var(--error); fill-opacity: .45; }
svg .bar-filtered { fill: var(--error); fill-opacity: .8; }
svg .bar-value { font-size: 11px; fill: #344054; }
.legend { font-size: 12px; color: var(--muted); margin-top: 10px; }
.legend .key { display: inline-block; width: 14px; height: 10px; margin: 0 4px 0 12px;
  vertical-align: middle; border-radius: 2px; }
.legend .key.sent { background: #abd3fc; border: 1px solid var(--sent); }
.legend .key.filtered { background: var(--error); }
.legend .key.quiet { background: var(--quiet); }
.legend .key.limit { height: 0; border-top: 2px dashed var(--error); border-radius: 0; }
pre.source { background: #101828; color: #f2f4f7; padding: 10px 12px; border-radius: 8px;
  white-space: pre-wrap; word-break: break-word; font: 13px/1.6 ui-monospace, "DejaVu Sans Mono", monospace; }
pre.source .ln { color: #667085; display: inline-block; min-width: 3ch; margin-right: 12px;
  text-align: right; user-select: none; }
mark { border-radius: 3px; padding: 1px 0; color: #101828; }
mark.error { background: #fda29b; } mark.warning { background: #fec84b; }
mark.info { background: #84caff; }
ul.findings { list-style: none; padding: 0; margin: 6px 0; }
li.finding { padding: 6px 0 6px 2px; border-bottom: 1px solid #f2f4f7; }
.badge { display: inline-block; min-width: 62px; text-align: center; font-size: 11px;
  font-weight: 700; text-transform: uppercase; border-radius: 10px; padding: 1px 8px; }
.badge.error { background: var(--error-bg); color: var(--error); }
.badge.warning { background: var(--warning-bg); color: var(--warning); }
.badge.info { background: var(--info-bg); color: var(--info); }
code.rule { color: var(--muted); font-size: 12px; }
.where { color: var(--muted); font-size: 12px; }
.hint code, .fixhint code { background: #f2f4f7; padding: 0 4px; border-radius: 3px; }
.hint { color: #344054; font-size: 13px; margin: 2px 0 0 72px; }
.note { color: var(--muted); font-size: 12px; margin: 0 0 0 72px; }
.clean { color: var(--ok); }
footer { color: var(--muted); font-size: 12px; margin-top: 24px; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  section.file { border: none; padding: 0; break-before: page; }
  section.file:first-of-type { break-before: auto; }
  .group, .sender, .verdict, table.senders { break-inside: avoid; }
  .tiles { grid-template-columns: repeat(3, 1fr); }
  pre.source { background: #f2f4f7; color: #101828; border: 1px solid #d0d5dd; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
@media (max-width: 760px) { .tiles { grid-template-columns: repeat(2, 1fr); } }
)css";

}  // namespace

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        // A control character becomes its control picture (U+2400 + c), as in quoted
        // lines of the text output. Dropping it would join what it separates: the
        // digits around it could form a phone number that the masking never saw.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') {
          out += c;
        } else {
          out += "\xE2\x90";
          out += static_cast<char>(0x80 + c);
        }
    }
  }
  return out;
}

std::string EmitHtmlReport(const std::vector<FileResult>& results, const ReportOptions& options) {
  Counts total;
  int64_t filtered = 0, failed = 0, messages = 0;
  for (const FileResult& r : results) {
    total.Add(r.diagnostics);
    if (r.sim) filtered += r.sim->filtered, failed += r.sim->failed, messages += r.sim->messages;
  }
  Verdict verdict = MakeVerdict(total, filtered, failed, messages);

  std::string html = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>smslint report: ",
      EscapeHtml(verdict.headline), "</title>\n<style>", kStyle,
      "</style>\n</head>\n<body>\n<main>\n");
  std::string files_label = results.size() == 1
                                ? EscapeHtml(results[0].path)
                                : Plural(static_cast<int64_t>(results.size()), "campaign file");
  absl::StrAppend(&html, "<header class=\"top\"><h1>SMS campaign pre-flight report</h1>",
                  "<div class=\"meta\">", files_label, " · smslint ", SMSLINT_VERSION,
                  "</div></header>\n");

  absl::StrAppend(&html, "<section class=\"verdict ", verdict.css, "\">\n<h2>", verdict.headline,
                  "</h2>\n<div>", verdict.detail, "</div>\n<div class=\"counts\">",
                  Plural(total.errors, "error"), ", ", Plural(total.warnings, "warning"), ", ",
                  WithCommas(total.infos), " info</div>\n");
  auto first = FixFirst(results, 5);
  if (!first.empty()) {
    html += "<p><strong>Fix first:</strong></p>\n<ol>\n";
    for (const auto& [r, d] : first) {
      std::string how = d->suggestion.empty() ? RuleFix(options, d->rule) : d->suggestion;
      std::string where =
          d->template_id.empty() ? "" : absl::StrCat(" (template “", d->template_id, "”)");
      absl::StrAppend(&html, "<li><span class=\"badge ", LevelClass(d->level), "\">",
                      LevelClass(d->level), "</span> ", EscapeHtml(d->message), EscapeHtml(where),
                      " <code class=\"rule\">", EscapeHtml(d->rule), "</code>");
      if (!d->suggestion.empty()) {
        absl::StrAppend(&html, "<div class=\"fixhint\">→ ", SuggestionHtml(d->suggestion),
                        "</div>");
      } else if (!how.empty()) {
        absl::StrAppend(&html, "<div class=\"fixhint\">→ ", EscapeHtml(how), "</div>");
      }
      html += "</li>\n";
    }
    html += "</ol>\n";
  }
  html += "</section>\n";

  // The brand-level view of a portfolio run: the same lines as the text report.
  if (options.portfolios != nullptr) {
    for (const PortfolioSummary& p : *options.portfolios) {
      const std::vector<std::string> lines =
          absl::StrSplit(RenderPortfolioText(p), '\n', absl::SkipEmpty());
      if (lines.empty()) continue;
      absl::StrAppend(&html, "<section class=\"file brand\">\n<h2>Brand ", EscapeHtml(p.brand),
                      "</h2>\n<p class=\"meta\">", EscapeHtml(lines[0]), "</p>\n<ul>\n");
      for (size_t i = 1; i < lines.size(); ++i) {
        absl::StrAppend(&html, "<li>",
                        EscapeHtml(std::string(absl::StripLeadingAsciiWhitespace(lines[i]))),
                        "</li>\n");
      }
      html += "</ul>\n</section>\n";
    }
  }

  for (const FileResult& r : results) {
    Counts counts;
    counts.Add(r.diagnostics);
    Verdict file_verdict = MakeVerdict(counts, r.sim ? r.sim->filtered : 0,
                                       r.sim ? r.sim->failed : 0, r.sim ? r.sim->messages : 0);
    absl::StrAppend(&html, "<section class=\"file\">\n<h2>", EscapeHtml(r.path), "</h2>\n",
                    "<div class=\"file-verdict ", file_verdict.css, "\">", file_verdict.headline,
                    "</div>\n");
    if (r.sim) html += SimulationSection(*r.sim);
    html += "<h3>Findings</h3>\n";
    html += FindingsSection(r, options);
    html += "</section>\n";
  }
  absl::StrAppend(&html,
                  "<footer>The traffic simulation is a model of carrier filtering built from "
                  "published thresholds, not carrier truth.",
                  options.show_pii ? "" : " Recipient phone numbers are masked.", "</footer>\n");
  html += "</main>\n</body>\n</html>\n";
  return html;
}

}  // namespace smslint
