#include "fix/plan_edits.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "util/strings.h"

namespace smslint {
namespace {

// Byte offset of 1-based code-point `column` on 1-based `line`.
size_t OffsetOf(const Campaign& c, Position pos) {
  const size_t start = c.lines.LineStart(pos.line);
  if (start == std::string::npos) return c.source.size();
  const std::string_view line = c.lines.Line(c.source, pos.line);
  size_t i = 0;
  for (int col = 1; col < pos.column && i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  }
  return start + i;
}

// Offset just past the end of line `line` (its newline included when it has one).
size_t LineEnd(const Campaign& c, int line) {
  const size_t next = c.lines.LineStart(line + 1);
  return next == std::string::npos ? c.source.size() : next;
}

size_t Indent(std::string_view line) {
  size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

bool BlankOrComment(std::string_view line) {
  const size_t n = Indent(line);
  return n == line.size() || line[n] == '#' || line[n] == '\r';
}

// The span of the scalar or flow collection written at `pos` (a flow collection up
// to its matching bracket on the same line).
std::pair<size_t, size_t> TokenSpan(const Campaign& c, Position pos) {
  const size_t begin = OffsetOf(c, pos);
  const std::string_view line = c.lines.Line(c.source, pos.line);
  const size_t line_start = c.lines.LineStart(pos.line);
  const size_t in_line = begin - line_start;
  if (in_line < line.size() && (line[in_line] == '[' || line[in_line] == '{')) {
    const char open = line[in_line], close = open == '[' ? ']' : '}';
    int depth = 0;
    for (size_t i = in_line; i < line.size(); ++i) {
      if (line[i] == open) ++depth;
      if (line[i] == close && --depth == 0) return {begin, line_start + i + 1};
    }
  }
  const std::string_view from = line.substr(std::min(in_line, line.size()));
  // TokenWidth counts code points; the value tokens here are ASCII or quoted.
  size_t width = static_cast<size_t>(TokenWidth(line, pos.column));
  size_t bytes = 0;
  for (size_t cps = 0; bytes < from.size() && cps < width; ++bytes) {
    if ((static_cast<unsigned char>(from[bytes]) & 0xC0) != 0x80) ++cps;
  }
  while (bytes < from.size() && (static_cast<unsigned char>(from[bytes]) & 0xC0) == 0x80) ++bytes;
  return {begin, begin + bytes};
}

// The last line of the block mapping whose first key is at `first`: every later line
// indented at least as far, or blank, up to the next one indented less (trailing
// blank and comment lines left to what follows).
int LastLineOfBlock(const Campaign& c, Position first) {
  const size_t indent = static_cast<size_t>(first.column - 1);
  int last = first.line;
  for (int line = first.line + 1; line <= c.lines.line_count(); ++line) {
    const std::string_view text = c.lines.Line(c.source, line);
    if (BlankOrComment(text)) continue;
    if (Indent(text) < indent) break;
    last = line;
  }
  return last;
}

std::string ValueText(const PlanSetting& s) {
  if (s.key == "schedule.window") return absl::StrCat("\"", s.value, "\"");
  if (s.key == "schedule.days") return absl::StrCat("[", absl::StrJoin(s.items, ", "), "]");
  return s.value;
}

absl::Status FlowError(const Campaign& c, Position pos, std::string_view section,
                       const PlanSetting& s) {
  return absl::FailedPreconditionError(absl::StrCat(
      c.path, ":", pos.line, ":", pos.column, ": error: cannot apply the plan: ", AsAbsl(section),
      " is written in flow style ({...}); set ", s.key, ": ", ValueText(s), " by hand"));
}

// Sets `key` (the part after the section's name) in the section whose first key is at
// `section_pos` (unknown: the section is absent).
absl::Status SetKey(const Campaign& c, Position section_pos, std::string_view section,
                    std::string_view key, Position value_pos, const PlanSetting& s,
                    std::vector<TextEdit>& edits) {
  const std::string value = ValueText(s);
  if (value_pos.known()) {
    const std::string_view line = c.lines.Line(c.source, value_pos.line);
    const size_t at = OffsetOf(c, value_pos) - c.lines.LineStart(value_pos.line);
    const bool block_sequence = at < line.size() && line[at] == '-';
    if (!block_sequence) {
      const auto [begin, end] = TokenSpan(c, value_pos);
      edits.push_back({begin, end, value});
      return absl::OkStatus();
    }
    // A block sequence (days:\n  - mon\n  - tue): the flow list goes after the key,
    // the items' lines go.
    int key_line = value_pos.line - 1;
    while (key_line > 0 && BlankOrComment(c.lines.Line(c.source, key_line))) --key_line;
    const std::string_view key_text = c.lines.Line(c.source, key_line);
    const size_t colon = key_text.find(':');
    if (key_line <= 0 || colon == std::string_view::npos) {
      return FlowError(c, value_pos, section, s);
    }
    int last = value_pos.line;
    const size_t item_indent = Indent(line);
    for (int l = value_pos.line + 1; l <= c.lines.line_count(); ++l) {
      const std::string_view text = c.lines.Line(c.source, l);
      if (BlankOrComment(text)) continue;
      if (Indent(text) < item_indent || (Indent(text) == item_indent && text[item_indent] != '-'))
        break;
      last = l;
    }
    const size_t begin = c.lines.LineStart(key_line) + colon + 1;
    const size_t end = LineEnd(c, last);
    edits.push_back({begin, end, absl::StrCat(" ", value, "\n")});
    return absl::OkStatus();
  }
  if (!section_pos.known()) {
    // The section is absent: append it.
    std::string text = c.source.empty() || c.source.back() == '\n' ? "" : "\n";
    absl::StrAppend(&text, AsAbsl(section), ":\n  ", AsAbsl(key), ": ", value, "\n");
    edits.push_back({c.source.size(), c.source.size(), std::move(text)});
    return absl::OkStatus();
  }
  const std::string_view first = c.lines.Line(c.source, section_pos.line);
  const size_t at = OffsetOf(c, section_pos) - c.lines.LineStart(section_pos.line);
  if (at < first.size() && first[at] == '{') return FlowError(c, section_pos, section, s);
  const int last = LastLineOfBlock(c, section_pos);
  const size_t insert = LineEnd(c, last);
  std::string text = insert > 0 && c.source[insert - 1] != '\n' ? "\n" : "";
  absl::StrAppend(&text, std::string(static_cast<size_t>(section_pos.column - 1), ' '), AsAbsl(key),
                  ": ", value, "\n");
  edits.push_back({insert, insert, std::move(text)});
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<TextEdit>> PlanEdits(const Campaign& c,
                                                const std::vector<PlanSetting>& plan) {
  std::vector<TextEdit> edits;
  for (const PlanSetting& s : plan) {
    absl::Status status = absl::OkStatus();
    if (s.key == "schedule.rate") {
      status = SetKey(c, c.schedule.pos, "schedule", "rate", c.schedule.rate.pos, s, edits);
    } else if (s.key == "schedule.window") {
      status = SetKey(c, c.schedule.pos, "schedule", "window", c.schedule.window.pos, s, edits);
    } else if (s.key == "schedule.days") {
      status = SetKey(c, c.schedule.pos, "schedule", "days", c.schedule.days.pos, s, edits);
    } else if (s.key == "campaign.route") {
      status = SetKey(c, c.campaign.pos, "campaign", "route", c.campaign.route.pos, s, edits);
    } else if (s.key == "traffic.sender_strategy") {
      status = SetKey(c, c.traffic.pos, "traffic", "sender_strategy", c.traffic.sender_strategy.pos,
                      s, edits);
    } else if (s.key == "senders") {
      // Keep the first `count` numbers: remove from the end of the last kept one to
      // the end of the last listed one (block or flow style alike).
      const size_t keep = static_cast<size_t>(std::max(1, s.count));
      if (keep >= c.senders.size()) continue;
      const Position kept = c.senders[keep - 1].number.pos;
      const Position last = c.senders.back().number.pos;
      if (!kept.known() || !last.known()) {
        return absl::FailedPreconditionError(
            absl::StrCat(c.path, ":1:1: error: cannot apply the plan: keep the first ", keep,
                         " senders by hand"));
      }
      edits.push_back({TokenSpan(c, kept).second, TokenSpan(c, last).second, ""});
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat(c.path, ":1:1: error: cannot apply the plan's field ", s.key));
    }
    if (!status.ok()) return status;
  }
  return edits;
}

}  // namespace smslint
