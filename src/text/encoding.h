// GSM 03.38 / UCS-2 encoding and SMS segment counting.
#ifndef SMSLINT_TEXT_ENCODING_H_
#define SMSLINT_TEXT_ENCODING_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace smslint {

enum class Encoding { kGsm7, kUcs2 };
std::string_view EncodingName(Encoding encoding);  // "GSM-7", "UCS-2"

// A character that forces UCS-2.
struct Ucs2Character {
  char32_t code_point = 0;
  size_t byte_offset = 0;  // into the UTF-8 input
  size_t byte_length = 0;
  int column = 0;           // 1-based, in code points
  std::string replacement;  // GSM-7 stand-in ("'" for U+2019), empty when none
  // True when a stand-in exists, including the empty one of a zero-width
  // character (the fix is to delete it).
  bool has_replacement = false;
};

struct SegmentCount {
  Encoding encoding = Encoding::kGsm7;
  int segments = 0;    // 0 for an empty message
  int units = 0;       // septets (GSM-7) or UTF-16 code units (UCS-2)
  int characters = 0;  // code points
};

// The hot path: encoding and segments only, no allocation.
SegmentCount CountSegments(std::string_view utf8);

struct SegmentAnalysis {
  SegmentCount count;
  std::vector<Ucs2Character> ucs2_characters;  // empty when GSM-7
};

// Full analysis for reports: also lists each character that forces UCS-2.
SegmentAnalysis AnalyzeSegments(std::string_view utf8);

// `utf8` with every character that has a GSM-7 stand-in replaced by it (zero-width
// characters removed); characters without one are kept as they are.
std::string ApplyGsm7Replacements(std::string_view utf8);

// "U+2019", "U+1F600".
std::string FormatCodePoint(char32_t code_point);

// The Unicode name ("RIGHT SINGLE QUOTATION MARK"; "<control-0092>" for controls).
std::string UnicodeName(char32_t code_point);

}  // namespace smslint

#endif  // SMSLINT_TEXT_ENCODING_H_
