// `smslint segments [MESSAGE]`: encoding, segment count and the characters that
// force UCS-2, for one message or (--lines) one message per input line.
#include <unicode/uchar.h>

#include <charconv>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "cli/command.h"
#include "nlohmann/json.hpp"
#include "text/encoding.h"
#include "util/files.h"

namespace smslint {
namespace {

struct SegmentsOptions {
  std::string message;
  bool lines = false;
  std::string format = "text";
  std::string output;
};

// Output goes to stdout in large blocks, or to --output as it is produced (a
// temporary file renamed over it at the end): memory stays bounded however many
// lines are read.
class OutputStream {
 public:
  explicit OutputStream(std::string path) : path_(std::move(path)) {}
  bool Open() {
    if (ToStdout()) return true;
    absl::StatusOr<std::unique_ptr<AtomicOutputFile>> file = AtomicOutputFile::Open(path_);
    if (!file.ok()) {
      ReportInputError(std::string(file.status().message()));
      return false;
    }
    file_ = std::move(*file);
    return true;
  }
  std::string& text() { return text_; }
  bool MaybeFlush() {
    if (text_.size() < (1u << 20)) return true;
    return Flush();
  }
  bool Finish() {
    if (ToStdout()) return WriteOutput("", text_);
    if (!Flush()) return false;
    absl::Status status = file_->Commit();
    if (!status.ok()) ReportInputError(std::string(status.message()));
    return status.ok();
  }

 private:
  bool ToStdout() const { return path_.empty() || path_ == "-"; }
  bool Flush() {
    if (ToStdout()) {
      std::fwrite(text_.data(), 1, text_.size(), stdout);  // errors: seen by Finish
    } else if (absl::Status status = file_->Write(text_); !status.ok()) {
      ReportInputError(std::string(status.message()));
      text_.clear();
      return false;
    }
    text_.clear();
    return true;
  }
  std::string path_;
  std::string text_;
  std::unique_ptr<AtomicOutputFile> file_;
};

// The longest line --lines counts (as `text` reads at most 1 MiB): a longer one gets
// a result saying so, and is never held in memory whole.
constexpr size_t kMaxLineBytes = 1u << 20;

void AppendInt(std::string& out, long value) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof(digits), value);
  out.append(digits, end);
}

std::string_view UnitName(Encoding encoding) {
  return encoding == Encoding::kGsm7 ? "septets" : "UTF-16 units";
}

// The character as printed: itself when visible, else nothing (controls,
// zero-width and format characters would garble or vanish on a terminal).
std::string_view Printable(std::string_view message, const Ucs2Character& c) {
  bool invalid_byte = c.code_point == 0xFFFD && message.substr(c.byte_offset, 3) != "\xEF\xBF\xBD";
  if (invalid_byte || !u_isgraph(static_cast<UChar32>(c.code_point))) return "";
  return message.substr(c.byte_offset, c.byte_length);
}

std::string DescribeReplacement(const Ucs2Character& c) {
  if (!c.has_replacement) return "no GSM-7 replacement";
  if (c.replacement.empty()) return "remove it (invisible)";
  if (c.replacement == " ") return "replace with a space";
  if (c.replacement == "\n") return "replace with a line break";
  return "replace with " + c.replacement;
}

std::string CharacterName(std::string_view message, const Ucs2Character& c) {
  if (c.code_point == 0xFFFD && message.substr(c.byte_offset, 3) != "\xEF\xBF\xBD") {
    return "invalid UTF-8 byte";
  }
  return UnicodeName(c.code_point);
}

void AppendSummary(std::string& out, const SegmentCount& count) {
  out.append(EncodingName(count.encoding));
  out.append(", ");
  AppendInt(out, count.segments);
  out.append(count.segments == 1 ? " segment, " : " segments, ");
  AppendInt(out, count.units);
  out.append(" ");
  out.append(UnitName(count.encoding));
}

void AppendTextReport(std::string& out, std::string_view message) {
  SegmentAnalysis analysis = AnalyzeSegments(message);
  const SegmentCount& count = analysis.count;
  bool gsm = count.encoding == Encoding::kGsm7;
  out.append("encoding:     ").append(EncodingName(count.encoding)).append("\n");
  out.append("segments:     ");
  AppendInt(out, count.segments);
  out.append("\n");
  out.append(gsm ? "septets:      " : "UTF-16 units: ");
  AppendInt(out, count.units);
  out.append(gsm ? " (160 fit in one segment; 153 per segment when split)\n"
                 : " (70 fit in one segment; 67 per segment when split)\n");
  out.append("characters:   ");
  AppendInt(out, count.characters);
  out.append("\n");
  if (analysis.ucs2_characters.empty()) return;
  AppendInt(out, static_cast<long>(analysis.ucs2_characters.size()));
  out.append(analysis.ucs2_characters.size() == 1 ? " character forces UCS-2:\n"
                                                  : " characters force UCS-2:\n");
  for (const Ucs2Character& c : analysis.ucs2_characters) {
    char head[48];
    std::snprintf(head, sizeof(head), "  column %-4d %-8s ", c.column,
                  FormatCodePoint(c.code_point).c_str());
    out.append(head);
    std::string_view glyph = Printable(message, c);
    if (!glyph.empty()) out.append(glyph).append("  ");
    out.append(CharacterName(message, c)).append(": ").append(DescribeReplacement(c));
    out.append("\n");
  }
  SegmentCount replaced = CountSegments(ApplyGsm7Replacements(message));
  out.append("with the replacements: ");
  AppendSummary(out, replaced);
  out.append("\n");
}

// One compact line: "12: GSM-7, 1 segment, 49 septets, 49 characters"
// plus, for UCS-2, the code points that force it and the count with replacements.
void AppendTextLine(std::string& out, long line, std::string_view message) {
  AppendInt(out, line);
  out.append(": ");
  SegmentCount count = CountSegments(message);
  AppendSummary(out, count);
  out.append(", ");
  AppendInt(out, count.characters);
  out.append(count.characters == 1 ? " character" : " characters");
  if (count.encoding == Encoding::kUcs2) {
    SegmentAnalysis analysis = AnalyzeSegments(message);
    out.append("; UCS-2 forced by");
    for (const Ucs2Character& c : analysis.ucs2_characters) {
      out.append(" ").append(FormatCodePoint(c.code_point));
      std::string_view glyph = Printable(message, c);
      if (!glyph.empty()) out.append(" ").append(glyph);
    }
    out.append("; with replacements: ");
    AppendSummary(out, CountSegments(ApplyGsm7Replacements(message)));
  }
  out.append("\n");
}

nlohmann::ordered_json CountJson(const SegmentCount& count) {
  return {{"encoding", EncodingName(count.encoding)},
          {"segments", count.segments},
          {"units", count.units},
          {"unit", count.encoding == Encoding::kGsm7 ? "septet" : "utf16"},
          {"characters", count.characters}};
}

void AppendJson(std::string& out, std::string_view message, long line) {
  SegmentAnalysis analysis = AnalyzeSegments(message);
  nlohmann::ordered_json result = nlohmann::ordered_json::object();
  if (line > 0) result["line"] = line;
  result.update(CountJson(analysis.count));
  nlohmann::ordered_json characters = nlohmann::ordered_json::array();
  for (const Ucs2Character& c : analysis.ucs2_characters) {
    characters.push_back({{"column", c.column},
                          {"byte_offset", c.byte_offset},
                          {"code_point", FormatCodePoint(c.code_point)},
                          {"character", std::string(message.substr(c.byte_offset, c.byte_length))},
                          {"name", CharacterName(message, c)},
                          {"replacement", c.has_replacement ? nlohmann::ordered_json(c.replacement)
                                                            : nlohmann::ordered_json(nullptr)}});
  }
  result["ucs2_characters"] = std::move(characters);
  if (!analysis.ucs2_characters.empty()) {
    result["with_replacements"] = CountJson(CountSegments(ApplyGsm7Replacements(message)));
  }
  // Invalid UTF-8 in the input must not abort the output: it becomes U+FFFD.
  out.append(result.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
  out.append("\n");
}

void AppendLine(std::string& out, const SegmentsOptions& options, long line,
                std::string_view message) {
  if (!message.empty() && message.back() == '\r') message.remove_suffix(1);
  if (options.format == "json") {
    AppendJson(out, message, line);
  } else {
    AppendTextLine(out, line, message);
  }
}

// The result for a line over kMaxLineBytes, and the error that makes the exit code 2.
void AppendOverlongLine(std::string& out, const SegmentsOptions& options, long line) {
  if (options.format == "json") {
    out.append("{\"line\":");
    AppendInt(out, line);
    out.append(",\"error\":\"line longer than 1 MiB, not counted\"}\n");
  } else {
    AppendInt(out, line);
    out.append(": error: line longer than 1 MiB, not counted\n");
  }
  ReportInputError("-:" + std::to_string(line) +
                   ":1: error: line longer than 1 MiB, not counted; split the message");
}

struct LineState {
  long line = 0;
  bool overlong = false;  // some line was over kMaxLineBytes
};

// Every line of `text` (a last line without '\n' included).
bool AppendLines(OutputStream& out, const SegmentsOptions& options, std::string_view text,
                 LineState& state) {
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view message = text.substr(0, end);
    ++state.line;
    if (message.size() > kMaxLineBytes) {
      state.overlong = true;
      AppendOverlongLine(out.text(), options, state.line);
    } else {
      AppendLine(out.text(), options, state.line, message);
    }
    if (!out.MaybeFlush()) return false;
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return true;
}

int RunLinesFromStdin(const SegmentsOptions& options, OutputStream& out) {
  std::string pending;
  std::string chunk(1u << 20, '\0');
  LineState state;
  bool skipping = false;  // inside a line over the limit, already reported
  for (;;) {
    size_t got = std::fread(chunk.data(), 1, chunk.size(), stdin);
    if (got == 0) break;
    std::string_view data(chunk.data(), got);
    if (skipping) {
      size_t newline = data.find('\n');
      if (newline == std::string_view::npos) continue;
      skipping = false;
      data.remove_prefix(newline + 1);
    }
    pending.append(data);
    size_t last_newline = pending.rfind('\n');
    if (last_newline != std::string::npos) {
      if (!AppendLines(out, options, std::string_view(pending).substr(0, last_newline + 1), state))
        return kExitInputError;
      pending.erase(0, last_newline + 1);
    }
    if (pending.size() > kMaxLineBytes) {
      ++state.line;
      state.overlong = true;
      AppendOverlongLine(out.text(), options, state.line);
      pending.clear();
      skipping = true;
    }
  }
  if (std::ferror(stdin)) return ReportInputError("-: error: cannot read standard input");
  if (!AppendLines(out, options, pending, state)) return kExitInputError;
  if (!out.Finish()) return kExitInputError;
  return state.overlong ? kExitInputError : kExitClean;
}

int RunSegments(const SegmentsOptions& options, bool message_given) {
  OutputStream out(options.output);
  if (!out.Open()) return kExitInputError;
  if (options.lines) {
    if (!message_given) return RunLinesFromStdin(options, out);
    LineState state;
    if (!AppendLines(out, options, options.message, state)) return kExitInputError;
    if (!out.Finish()) return kExitInputError;
    return state.overlong ? kExitInputError : kExitClean;
  }
  std::string message = options.message;
  if (!message_given) {
    absl::StatusOr<std::string> input = ReadFileBounded("-", kMaxCampaignBytes);
    if (!input.ok()) return ReportInputError(std::string(input.status().message()));
    message = std::move(*input);
    // `echo text | smslint segments` and a file ending in a line break mean the
    // text without it: drop one trailing "\n" or "\r\n".
    if (!message.empty() && message.back() == '\n') message.pop_back();
    if (!message.empty() && message.back() == '\r') message.pop_back();
  }
  if (options.format == "json") {
    AppendJson(out.text(), message, 0);
  } else {
    AppendTextReport(out.text(), message);
  }
  return out.Finish() ? kExitClean : kExitInputError;
}

}  // namespace

CommandSpec SegmentsCommand() {
  auto options = std::make_shared<SegmentsOptions>();
  auto message_given = std::make_shared<bool>(false);
  CommandSpec spec{"segments",
                   "Encoding (GSM-7 or UCS-2), segment count, and each character that forces UCS-2 "
                   "with its GSM-7 replacement"};
  Arg message{"message",
              "The message text; without it, standard input is read (one trailing line break "
              "removed)",
              &options->message};
  message.given = message_given.get();
  spec.args.push_back(std::move(message));
  spec.args.push_back({"--lines",
                       "Each input line is one message: one result per line (JSON Lines with "
                       "--format json); a trailing CR is removed",
                       &options->lines});
  spec.args.push_back({"--format",
                       "Output format: text or json",
                       &options->format,
                       {"text", "json"},
                       false,
                       "text"});
  spec.args.push_back({"--output,-o", "Write the result to FILE (atomically)", &options->output});
  spec.run = [options, message_given] { return RunSegments(*options, *message_given); };
  return spec;
}

}  // namespace smslint
