#include "text/normalize.h"

#include <cctype>
#include <cstdint>

namespace smslint {
namespace {

// ASCII only, whatever the locale (and without a libc call per byte).
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }

// Decodes one UTF-8 sequence at `i`; returns its length (1 for a bad byte).
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (len == 1 || i + len > s.size()) {
    cp = c;
    return 1;
  }
  cp = c & (0xFF >> (len + 1));
  for (size_t k = 1; k < len; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      cp = c;
      return 1;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  return len;
}

// The ASCII character a styled letter or digit stands for, 0 if none, -1 to drop.
int StyledToAscii(uint32_t cp) {
  if (cp >= 0x1D400 && cp <= 0x1D6A3) {  // mathematical alphanumeric letters
    uint32_t i = (cp - 0x1D400) % 52;
    return i < 26 ? 'A' + static_cast<int>(i) : 'a' + static_cast<int>(i - 26);
  }
  if (cp >= 0x1D7CE && cp <= 0x1D7FF) return '0' + static_cast<int>((cp - 0x1D7CE) % 10);
  if (cp >= 0xFF21 && cp <= 0xFF3A) return 'A' + static_cast<int>(cp - 0xFF21);  // fullwidth
  if (cp >= 0xFF41 && cp <= 0xFF5A) return 'a' + static_cast<int>(cp - 0xFF41);
  if (cp >= 0xFF10 && cp <= 0xFF19) return '0' + static_cast<int>(cp - 0xFF10);
  if (cp >= 0x24B6 && cp <= 0x24CF) return 'A' + static_cast<int>(cp - 0x24B6);  // circled
  if (cp >= 0x24D0 && cp <= 0x24E9) return 'a' + static_cast<int>(cp - 0x24D0);
  if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD)
    return -1;
  return 0;
}

char LookAlike(char digit, bool one_as_l) {
  switch (digit) {
    case '0':
      return 'o';
    case '1':
      return one_as_l ? 'l' : 'i';
    case '3':
      return 'e';
    case '4':
      return 'a';
    case '5':
      return 's';
    default:
      return 0;
  }
}

// True when the passes below leave `input` as it is: ASCII only (no styled or
// invisible character), no dotted acronym, and no look-alike digit in a word that
// starts with a letter and has two. Most messages; they skip the passes.
bool Unchanged(std::string_view t, bool one_as_l) {
  for (size_t i = 0; i < t.size();) {
    if (static_cast<unsigned char>(t[i]) >= 0x80) return false;
    if (!IsAsciiAlnum(t[i])) {
      ++i;
      continue;
    }
    // A word: letters and digits. A dotted acronym starts with a one-letter word.
    size_t j = i;
    size_t letters = 0;
    bool look_alike = false;
    while (j < t.size() && IsAsciiAlnum(t[j])) {
      if (IsAsciiAlpha(t[j])) {
        ++letters;
      } else if (LookAlike(t[j], one_as_l) != 0) {
        look_alike = true;
      }
      ++j;
    }
    if (look_alike && letters >= 2 && IsAsciiAlpha(t[i])) return false;
    if (j == i + 1 && IsAsciiAlpha(t[i]) && j + 1 < t.size() && t[j] == '.' &&
        IsAsciiAlpha(t[j + 1]))
      return false;
    i = j;
  }
  return true;
}

}  // namespace

NormalizedText NormalizeForMatching(std::string_view input, bool one_as_l) {
  NormalizedText out;
  if (Unchanged(input, one_as_l)) {
    out.text.assign(input.data(), input.size());
    out.begin.resize(input.size());
    out.end.resize(input.size());
    for (size_t i = 0; i < input.size(); ++i) {
      out.begin[i] = i;
      out.end[i] = i + 1;
    }
    return out;
  }
  out.text.reserve(input.size());
  out.begin.reserve(input.size());
  out.end.reserve(input.size());
  auto push = [&](char c, size_t b, size_t e) {
    out.text.push_back(c);
    out.begin.push_back(b);
    out.end.push_back(e);
  };
  // Pass 1: styled characters to ASCII, invisible characters dropped.
  for (size_t i = 0; i < input.size();) {
    uint32_t cp = 0;
    size_t len = DecodeUtf8(input, i, cp);
    int ascii = len > 1 ? StyledToAscii(cp) : 0;
    if (ascii == -1) {
      out.changed = true;
    } else if (ascii > 0) {
      out.changed = true;
      push(static_cast<char>(ascii), i, i + len);
    } else {
      for (size_t k = 0; k < len; ++k) push(input[i + k], i + k, i + k + 1);
    }
    i += len;
  }
  // Pass 2: dotted acronyms ("K.Y.C"): single letters joined by dots.
  {
    NormalizedText next;
    const std::string& t = out.text;
    size_t i = 0;
    while (i < t.size()) {
      bool starts = IsAsciiAlpha(t[i]) && (i == 0 || !IsAsciiAlnum(t[i - 1])) && i + 2 < t.size() &&
                    t[i + 1] == '.' && IsAsciiAlpha(t[i + 2]) &&
                    (i + 3 == t.size() || !IsAsciiAlnum(t[i + 3]));
      if (!starts) {
        next.text.push_back(t[i]);
        next.begin.push_back(out.begin[i]);
        next.end.push_back(out.end[i]);
        ++i;
        continue;
      }
      // Letters at i, i+2, ...; the dots between them are dropped.
      size_t j = i;
      auto emit = [&](size_t k) {
        next.text.push_back(t[k]);
        next.begin.push_back(out.begin[k]);
        next.end.push_back(out.end[k]);
      };
      emit(j);
      while (j + 2 < t.size() && t[j + 1] == '.' && IsAsciiAlpha(t[j + 2]) &&
             (j + 3 == t.size() || !IsAsciiAlnum(t[j + 3]))) {
        j += 2;
        emit(j);
      }
      ++j;
      out.changed = true;
      i = j;
    }
    next.changed = out.changed;
    out = std::move(next);
  }
  // Pass 3: look-alike digits inside words that start with a letter.
  std::string& t = out.text;
  for (size_t i = 0; i < t.size();) {
    if (!IsAsciiAlnum(t[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    size_t letters = 0;
    bool digits = false;
    while (j < t.size() && IsAsciiAlnum(t[j])) {
      if (IsAsciiAlpha(t[j]))
        ++letters;
      else
        digits = true;
      ++j;
    }
    if (digits && letters >= 2 && IsAsciiAlpha(t[i])) {
      for (size_t k = i; k < j; ++k) {
        char c = LookAlike(t[k], one_as_l);
        if (c != 0) {
          t[k] = c;
          out.changed = true;
        }
      }
    }
    i = j;
  }
  return out;
}

}  // namespace smslint
