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
#include "util/strings.h"

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

// JSON Lines are written directly, byte for byte what nlohmann::json::dump(-1)
// writes for the same document (a DOM per line cost three times the counting).

// A JSON string as dump() writes it with ensure_ascii off: valid UTF-8 escaped
// here, anything else through the library, which replaces bad bytes with U+FFFD.
void AppendJsonString(std::string& out, std::string_view text) {
  if (!IsValidUtf8(text)) {
    out.append(nlohmann::json(std::string(text))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return;
  }
  out.push_back('"');
  for (char ch : text) {
    const unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof(buffer), "\\u%04x", static_cast<unsigned>(c));
          out.append(buffer);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

// The members of a count, without braces.
void AppendCountMembers(std::string& out, const SegmentCount& count) {
  out.append("\"encoding\":");
  AppendJsonString(out, EncodingName(count.encoding));
  out.append(",\"segments\":");
  AppendInt(out, count.segments);
  out.append(",\"units\":");
  AppendInt(out, count.units);
  out.append(count.encoding == Encoding::kGsm7 ? ",\"unit\":\"septet\"" : ",\"unit\":\"utf16\"");
  out.append(",\"characters\":");
  AppendInt(out, count.characters);
}

void AppendJson(std::string& out, std::string_view message, long line) {
  SegmentAnalysis analysis = AnalyzeSegments(message);
  out.push_back('{');
  if (line > 0) {
    out.append("\"line\":");
    AppendInt(out, line);
    out.push_back(',');
  }
  AppendCountMembers(out, analysis.count);
  out.append(",\"ucs2_characters\":[");
  bool first = true;
  for (const Ucs2Character& c : analysis.ucs2_characters) {
    if (!first) out.push_back(',');
    first = false;
    out.append("{\"column\":");
    AppendInt(out, c.column);
    out.append(",\"byte_offset\":");
    AppendInt(out, static_cast<long>(c.byte_offset));
    out.append(",\"code_point\":");
    AppendJsonString(out, FormatCodePoint(c.code_point));
    out.append(",\"character\":");
    AppendJsonString(out, message.substr(c.byte_offset, c.byte_length));
    out.append(",\"name\":");
    AppendJsonString(out, CharacterName(message, c));
    out.append(",\"replacement\":");
    if (c.has_replacement) {
      AppendJsonString(out, c.replacement);
    } else {
      out.append("null");
    }
    out.push_back('}');
  }
  out.push_back(']');
  if (!analysis.ucs2_characters.empty()) {
    out.append(",\"with_replacements\":{");
    AppendCountMembers(out, CountSegments(ApplyGsm7Replacements(message)));
    out.push_back('}');
  }
  out.append("}\n");
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
