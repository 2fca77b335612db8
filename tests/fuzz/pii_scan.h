// The recipient-number scan shared by the PII tests (tests/regressions/
// pii_all_formats_test.cc) and the check pipeline's fuzz target
// (tests/fuzz/check_pipeline.h): text is normalised so that a number shown whole,
// in any digit script and with any separators, becomes a plain run of ASCII digits.
#ifndef SMSLINT_TESTS_FUZZ_PII_SCAN_H_
#define SMSLINT_TESTS_FUZZ_PII_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace smslint::fuzz {

// The digit a code point stands for in the scripts the masking policy recognises
// and the fixtures use (ASCII, fullwidth, Arabic-Indic, Extended Arabic-Indic,
// Devanagari), or -1; `length` is the code point's length in bytes.
inline int DigitAt(std::string_view s, size_t at, size_t& length) {
  unsigned char c = static_cast<unsigned char>(s[at]);
  length = 1;
  if (c >= '0' && c <= '9') return c - '0';
  if (c < 0x80) return -1;
  unsigned cp = 0;
  if ((c & 0xE0) == 0xC0 && at + 1 < s.size()) {
    cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[at + 1]) & 0x3Fu);
    length = 2;
  } else if ((c & 0xF0) == 0xE0 && at + 2 < s.size()) {
    cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[at + 1]) & 0x3Fu) << 6) |
         (static_cast<unsigned char>(s[at + 2]) & 0x3Fu);
    length = 3;
  } else {
    return -1;
  }
  for (unsigned zero : {0xFF10u, 0x0660u, 0x06F0u, 0x0966u})
    if (cp >= zero && cp <= zero + 9) return static_cast<int>(cp - zero);
  return -1;
}

// `text` with every digit written in ASCII and the separators a number may be
// written with ("-", ".", "(", ")", " ") removed; every other byte or code point
// becomes '|' (a newline and ':' stay as they are): a number shown whole, in any
// form, becomes a plain run of digits.
inline std::string NormalisedDigits(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    size_t length = 1;
    int digit = DigitAt(text, at, length);
    if (digit >= 0) {
      out.push_back(static_cast<char>('0' + digit));
    } else if (std::string_view("-.() ").find(text[at]) == std::string_view::npos) {
      out.push_back(text[at] == '\n' || text[at] == ':' ? text[at] : '|');
    }
    at += length;
  }
  return out;
}

}  // namespace smslint::fuzz

#endif  // SMSLINT_TESTS_FUZZ_PII_SCAN_H_
