// Small string helpers shared by every module.
#ifndef SMSLINT_UTIL_STRINGS_H_
#define SMSLINT_UTIL_STRINGS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"

namespace smslint {

// Debian's Abseil is built with its own absl::string_view (not std::string_view):
// convert at the boundary.
inline absl::string_view AsAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}
inline std::string_view AsStd(absl::string_view s) { return std::string_view(s.data(), s.size()); }

// Levenshtein distance, for "did you mean".
int EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a likely typo; else "".
std::string DidYouMean(std::string_view word, const std::vector<std::string_view>& candidates);

// Number of Unicode code points in the first `byte_offset` bytes of `utf8` (columns).
int CodePointColumn(std::string_view utf8, size_t byte_offset);

// 1234567 -> "1,234,567".
std::string WithCommas(int64_t n);

// "1 message", "2 messages", "1,234 messages": the count (with thousands separators)
// and the singular or the plural. The one helper for every "N thing(s)" phrase.
std::string Plural(int64_t n, std::string_view one, std::string_view many);
// The regular plural: `one` + "s" ("1 day", "3 days").
std::string Plural(int64_t n, std::string_view one);

// Only the word, for a count written elsewhere (a peak of 1.5 is "messages").
std::string PluralWord(double n, std::string_view one, std::string_view many);

// True when `text` is valid UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view text);

// A decimal number as people write one in a campaign or config: an optional sign,
// digits with at most one '.', an optional exponent ("1e-3"). Not hexadecimal
// ("0x10", which absl::SimpleAtod reads as 16), "inf" or "nan". False otherwise.
bool ParseDecimal(std::string_view text, double* value);

// The longest start of `text` of at most `max_bytes` bytes that ends where a UTF-8
// character starts.
std::string_view Utf8Prefix(std::string_view text, size_t max_bytes);

// `text` when it is at most `max_bytes` long, else Utf8Prefix and "…": a value
// quoted in a finding.
std::string ClipText(std::string_view text, size_t max_bytes);

// Text for a terminal or a line-oriented log: every control character (C0, DEL,
// C1) written as an escape ("\n", "\x1b", "\u0085"), so a value can neither forge
// another `path:line:col: error:` line nor send escape sequences to the terminal.
std::string EscapeControls(std::string_view text);

// A source line as quoted above a caret: each control character becomes one
// visible character (its U+2400 control picture, '?' for C1), so columns still line
// up; a tab becomes a space.
std::string QuotableLine(std::string_view line);

// At most `max_columns` code points of a long line around a span, for quoting: the
// window's text (QuotableLine'd, "…" where it was cut) and the span's columns in it.
struct QuotedWindow {
  std::string text;
  int begin_column = 1;  // 1-based, in `text`
  int end_column = 2;    // exclusive
};

// Quotes windows of one line; the line's code points are indexed once, so each
// window costs its own size, not the line's (a 145 KB message with thousands of
// findings stays linear).
class LineQuoter {
 public:
  explicit LineQuoter(std::string_view line);
  // `begin_column`/`end_column`: 1-based code-point columns of the span in the line.
  QuotedWindow Window(int begin_column, int end_column, int max_columns) const;

 private:
  std::string_view line_;
  std::vector<uint32_t> starts_;  // byte offset of each code point, then the line's size
};

}  // namespace smslint

#endif  // SMSLINT_UTIL_STRINGS_H_
