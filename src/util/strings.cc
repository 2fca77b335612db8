#include "util/strings.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"

namespace smslint {

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int above = row[j];
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string DidYouMean(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string_view best;
  int best_distance = 0;
  for (std::string_view c : candidates) {
    int d = EditDistance(word, c);
    if (best.empty() || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  // A typo is at most a third of the word (at least 1, at most 3 edits).
  int allowed = std::clamp(static_cast<int>(word.size()) / 3, 1, 3);
  if (best.empty() || best_distance > allowed) return "";
  return std::string(best);
}

int CodePointColumn(std::string_view utf8, size_t byte_offset) {
  int column = 0;
  for (size_t i = 0; i < byte_offset && i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

std::string WithCommas(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -static_cast<uint64_t>(n) : static_cast<uint64_t>(n));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

bool IsValidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size(), i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (int k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

std::string Plural(int64_t n, std::string_view one, std::string_view many) {
  std::string out = WithCommas(n);
  out += ' ';
  out += n == 1 ? one : many;
  return out;
}

std::string Plural(int64_t n, std::string_view one) {
  std::string out = Plural(n, one, one);
  if (n != 1) out += 's';
  return out;
}

std::string PluralWord(double n, std::string_view one, std::string_view many) {
  return std::string(n == 1 ? one : many);
}

namespace {

// The code point at `text[i]` when it is a C1 control (U+0080 to U+009F, "\xC2\x80"
// to "\xC2\x9F"), else 0.
unsigned C1At(std::string_view text, size_t i) {
  if (i + 1 < text.size() && static_cast<unsigned char>(text[i]) == 0xC2) {
    unsigned next = static_cast<unsigned char>(text[i + 1]);
    if (next >= 0x80 && next <= 0x9F) return next;
  }
  return 0;
}

}  // namespace

bool ParseDecimal(std::string_view text, double* value) {
  const std::string_view t = AsStd(absl::StripAsciiWhitespace(AsAbsl(text)));
  size_t i = 0;
  auto digits = [&] {
    const size_t from = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i - from;
  };
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  size_t mantissa = digits();
  if (i < t.size() && t[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == t.size() && absl::SimpleAtod(AsAbsl(t), value);
}

std::string_view Utf8Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t keep = max_bytes;
  while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
  return text.substr(0, keep);
}

std::string ClipText(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  return std::string(Utf8Prefix(text, max_bytes)) + "\u2026";
}

std::string EscapeControls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  static constexpr char kHex[] = "0123456789abcdef";
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else if (unsigned c1 = C1At(text, i); c1 != 0) {
      out += "\\u00";
      out += kHex[c1 >> 4];
      out += kHex[c1 & 15];
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string QuotableLine(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == '\t') {
      out += ' ';
    } else if (c < 0x20) {
      // U+2400 + c: "\xE2\x90" followed by 0x80 + c.
      out += "\xE2\x90";
      out += static_cast<char>(0x80 + c);
    } else if (c == 0x7f) {
      out += "\xE2\x90\xA1";  // U+2421 SYMBOL FOR DELETE
    } else if (C1At(line, i) != 0) {
      out += '?';
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

LineQuoter::LineQuoter(std::string_view line) : line_(line) {
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80)
      starts_.push_back(static_cast<uint32_t>(i));
  }
  starts_.push_back(static_cast<uint32_t>(line.size()));
}

QuotedWindow LineQuoter::Window(int begin_column, int end_column, int max_columns) const {
  const int columns = static_cast<int>(starts_.size()) - 1;
  begin_column = std::clamp(begin_column, 1, columns + 1);
  end_column = std::clamp(end_column, begin_column + 1, columns + 2);
  max_columns = std::max(max_columns, 8);
  // Columns [first, last) of the line are shown: up to a third of the window before
  // the span, then the span and what follows.
  int first = 1;
  int last = columns + 1;
  if (columns > max_columns) {
    first = std::max(1, begin_column - max_columns / 3);
    last = std::min(columns + 1, first + max_columns);
    first = std::max(1, last - max_columns);
  }
  QuotedWindow out;
  const bool cut_before = first > 1;
  const bool cut_after = last <= columns;
  if (cut_before) out.text = "\xE2\x80\xA6";  // "…"
  out.text +=
      QuotableLine(line_.substr(starts_[first - 1], starts_[last - 1] - starts_[first - 1]));
  if (cut_after) out.text += "\xE2\x80\xA6";
  const int shift = first - 1 - (cut_before ? 1 : 0);
  out.begin_column = begin_column - shift;
  out.end_column = std::min(end_column, last + 1) - shift;
  if (out.end_column <= out.begin_column) out.end_column = out.begin_column + 1;
  return out;
}

}  // namespace smslint
