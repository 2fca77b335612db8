#include "report/text_emitter.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "campaign/campaign.h"
#include "sim/sim_text.h"
#include "text/line_index.h"
#include "util/strings.h"

namespace smslint {
namespace {

constexpr char kReset[] = "\x1b[0m";
constexpr char kBold[] = "\x1b[1m";
constexpr char kRed[] = "\x1b[1;31m";
constexpr char kYellow[] = "\x1b[1;33m";
constexpr char kBlue[] = "\x1b[1;34m";
constexpr char kCyan[] = "\x1b[36m";
constexpr char kDim[] = "\x1b[2m";

const char* LevelColor(Level level) {
  switch (level) {
    case Level::kError:
      return kRed;
    case Level::kWarning:
      return kYellow;
    case Level::kInfo:
      return kBlue;
  }
  return "";
}

}  // namespace

std::string FormatDiagnosticText(const Diagnostic& d, std::string_view source_line, bool color) {
  auto paint = [&](const char* code, std::string_view text) {
    return color ? absl::StrCat(code, AsAbsl(text), kReset) : std::string(text);
  };
  std::string out;
  // Every value is escaped (EscapeControls, QuotableLine): a newline or ESC in a
  // campaign can neither forge another finding line nor reach the terminal raw.
  std::string location = EscapeControls(d.span.file);
  if (d.span.line > 0)
    absl::StrAppend(&location, ":", d.span.line, ":", std::max(d.span.column, 1));
  absl::StrAppend(&out, paint(kBold, location), ": ",
                  paint(LevelColor(d.level), LevelName(d.level)), ": ", EscapeControls(d.message),
                  " ", paint(kDim, absl::StrCat("[", d.rule, "]")), "\n");
  std::string_view line = d.span.line > 0 ? source_line : std::string_view();
  if (!line.empty() && line.size() <= 400) {
    std::string gutter = absl::StrCat(d.span.line);
    absl::StrAppend(&out, "  ", gutter, " | ", QuotableLine(line), "\n");
    int begin = std::max(d.span.column, 1);
    int line_columns = CodePointColumn(line, line.size());
    // A finding without an end underlines the YAML token it points at.
    int end = d.span.end_line == d.span.line && d.span.end_column > begin
                  ? d.span.end_column
                  : begin + TokenWidth(line, begin);
    end = std::min(end, std::max(line_columns + 1, begin + 1));
    std::string caret(begin - 1, ' ');
    caret.append("^");
    if (end - begin > 1) caret.append(end - begin - 1, '~');
    absl::StrAppend(&out, "  ", std::string(gutter.size(), ' '), " | ",
                    paint(LevelColor(d.level), caret), "\n");
  }
  // A suggestion the message already quotes ("did you mean 'x'?") is not repeated.
  if (!d.suggestion.empty() && d.message.find(d.suggestion) == std::string::npos) {
    absl::StrAppend(&out, "  ", paint(kCyan, "help"), ": ", EscapeControls(d.suggestion), "\n");
  }
  for (const std::string& note : d.notes)
    absl::StrAppend(&out, "  note: ", EscapeControls(note), "\n");
  return out;
}

std::string SummaryLine(const std::vector<FileResult>& results) {
  int64_t counts[3] = {0, 0, 0};
  for (const FileResult& r : results) {
    for (const Diagnostic& d : r.diagnostics) ++counts[static_cast<int>(d.level)];
  }
  std::string files = Plural(static_cast<int64_t>(results.size()), "file");
  if (counts[0] + counts[1] + counts[2] == 0) return absl::StrCat("no findings in ", files);
  std::vector<std::string> parts;
  if (counts[2]) parts.push_back(Plural(counts[2], "error"));
  if (counts[1]) parts.push_back(Plural(counts[1], "warning"));
  if (counts[0]) parts.push_back(Plural(counts[0], "info"));
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) absl::StrAppend(&out, i ? ", " : "", parts[i]);
  return absl::StrCat(out, " in ", files);
}

std::string EmitText(const std::vector<FileResult>& results, const ReportOptions& options,
                     bool quiet) {
  std::string out;
  for (const FileResult& r : results) {
    const LineIndex lines(r.source);
    for (const Diagnostic& d : r.diagnostics) {
      // Only findings in the campaign file get its source line: a finding in the
      // recipients CSV carries a CSV line number.
      bool in_campaign = d.span.file.empty() || d.span.file == r.path;
      absl::StrAppend(&out,
                      FormatDiagnosticText(
                          d, in_campaign ? lines.Line(r.source, d.span.line) : std::string_view(),
                          options.color));
    }
    if (!quiet) {
      for (const std::string& fact : r.facts)
        absl::StrAppend(&out, EscapeControls(r.path), ": ", EscapeControls(fact), "\n");
      if (r.sim) {
        absl::StrAppend(&out, "\n",
                        RenderSimulationText(*r.sim, !LocaleSupportsUnicode(), options.color),
                        "\n");
      }
    }
  }
  if (!quiet && options.portfolios != nullptr) {
    for (const PortfolioSummary& p : *options.portfolios) {
      absl::StrAppend(&out, RenderPortfolioText(p), "\n");
    }
  }
  if (!quiet) absl::StrAppend(&out, SummaryLine(results), "\n");
  return out;
}

}  // namespace smslint
