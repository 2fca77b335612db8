// Encoding and segmentation follow GSM 03.38 and the concatenation limits of
// 3GPP TS 23.040 (a 6-octet user data header leaves 153 septets or 67 UTF-16
// units per part). Where the standard leaves a choice, the result equals the
// segment counter carriers' customers use most (Twilio's calculator):
// - invalid UTF-8: each maximal invalid subsequence becomes one U+FFFD (the
//   WHATWG decoder rule, which is also what a JavaScript caller sees), so a
//   message with invalid bytes is UCS-2;
// - a UCS-2 message is split between grapheme clusters (a flag, an emoji with
//   its skin tone or a ZWJ family stays in one part; UAX #29 as of Unicode 10),
//   except CR LF, which may be split;
// - the first part keeps what fits in 153 septets / 67 units once a second part
//   is needed; a cluster longer than a whole part starts a part of its own.
#include "text/encoding.h"

#include <unicode/uchar.h>

#include <cstdio>

#include "text/gsm7_tables.h"

namespace smslint {
namespace {

constexpr int kGsm7SinglePart = 160;
constexpr int kGsm7MultiPart = 153;
constexpr int kUcs2SinglePart = 70;
constexpr int kUcs2MultiPart = 67;
constexpr char32_t kReplacementCharacter = 0xFFFD;

struct Decoded {
  char32_t code_point;
  int length;  // bytes consumed
};

// One code point from non-empty `p[0, n)`, WHATWG-style: an invalid or truncated
// sequence yields U+FFFD and consumes its maximal valid prefix (at least 1 byte).
inline Decoded DecodeUtf8(const unsigned char* p, size_t n) {
  unsigned char lead = p[0];
  if (lead < 0x80) return {lead, 1};
  int needed;
  char32_t cp;
  unsigned char lower = 0x80, upper = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 1;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 2;
    cp = lead & 0x0F;
    if (lead == 0xE0) lower = 0xA0;  // no overlongs
    if (lead == 0xED) upper = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 3;
    cp = lead & 0x07;
    if (lead == 0xF0) lower = 0x90;
    if (lead == 0xF4) upper = 0x8F;  // nothing above U+10FFFF
  } else {
    return {kReplacementCharacter, 1};
  }
  int i = 1;
  for (; i <= needed; ++i) {
    if (static_cast<size_t>(i) >= n || p[i] < lower || p[i] > upper) {
      return {kReplacementCharacter, i};
    }
    cp = (cp << 6) | (p[i] & 0x3F);
    lower = 0x80;
    upper = 0xBF;
  }
  return {cp, i};
}

// Places message units (septets or UTF-16 units) into parts. Units of one atom
// (an extension character, a grapheme cluster) never straddle two parts.
class Segmenter {
 public:
  Segmenter(int single_part, int multi_part) : single_(single_part), multi_(multi_part) {}

  void Add(int units) {
    total_ += units;
    if (segments_ <= 1) {
      if (first_ + units <= single_) {
        segments_ = 1;
        first_ += units;
        if (first_ <= multi_) first_fit_ = first_;
        return;
      }
      // A second part is needed: the first shrinks to what fits beside the
      // header, the rest moves to the second part together with this atom.
      segments_ = 2;
      current_ = (first_ - first_fit_) + units;
      return;
    }
    if (multi_ - current_ < units) {
      ++segments_;
      current_ = units;
    } else {
      current_ += units;
    }
  }

  int segments() const { return segments_; }
  int total() const { return total_; }

 private:
  const int single_;
  const int multi_;
  int segments_ = 0;
  int total_ = 0;
  int first_ = 0;      // units in the first part while the message is one part
  int first_fit_ = 0;  // largest atom-aligned prefix that fits a multi-part part
  int current_ = 0;    // units in the last part once there are two or more
};

// Grapheme cluster break classes of UAX #29 for Unicode 10 (with its emoji classes).
enum class Gcb : uint8_t {
  kOther,
  kCR,
  kLF,
  kControl,
  kExtend,
  kRegionalIndicator,
  kSpacingMark,
  kPrepend,
  kL,
  kV,
  kT,
  kLV,
  kLVT,
  kEBase,
  kEModifier,
  kZwj,
  kGlueAfterZwj,
  kEBaseGaz,
};

bool IsGlueAfterZwj(char32_t c) {
  switch (c) {
    case 0x2640:
    case 0x2642:
    case 0x2695:
    case 0x2696:
    case 0x2708:
    case 0x2764:
    case 0x1F308:
    case 0x1F33E:
    case 0x1F373:
    case 0x1F393:
    case 0x1F3A4:
    case 0x1F3A8:
    case 0x1F3EB:
    case 0x1F3ED:
    case 0x1F48B:
    case 0x1F4BB:
    case 0x1F4BC:
    case 0x1F527:
    case 0x1F52C:
    case 0x1F5E8:
    case 0x1F680:
    case 0x1F692:
      return true;
    default:
      return false;
  }
}

Gcb GraphemeClass(char32_t c) {
  if (c < 0x80) {
    if (c == '\r') return Gcb::kCR;
    if (c == '\n') return Gcb::kLF;
    return (c < 0x20 || c == 0x7F) ? Gcb::kControl : Gcb::kOther;
  }
  if (c == 0x200D) return Gcb::kZwj;
  if (c >= 0x1F3FB && c <= 0x1F3FF) return Gcb::kEModifier;
  if (c >= 0x1F466 && c <= 0x1F469) return Gcb::kEBaseGaz;
  if (IsGlueAfterZwj(c)) return Gcb::kGlueAfterZwj;
  UVersionInfo age;
  u_charAge(static_cast<UChar32>(c), age);
  if (age[0] > 10 || (age[0] == 0 && age[1] == 0)) return Gcb::kOther;  // unknown to Unicode 10
  if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EMOJI_MODIFIER_BASE)) return Gcb::kEBase;
  switch (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_GRAPHEME_CLUSTER_BREAK)) {
    case U_GCB_CONTROL:
      return Gcb::kControl;
    case U_GCB_CR:
      return Gcb::kCR;
    case U_GCB_LF:
      return Gcb::kLF;
    case U_GCB_EXTEND:
      return Gcb::kExtend;
    case U_GCB_REGIONAL_INDICATOR:
      return Gcb::kRegionalIndicator;
    case U_GCB_SPACING_MARK:
      return Gcb::kSpacingMark;
    case U_GCB_PREPEND:
      return Gcb::kPrepend;
    case U_GCB_L:
      return Gcb::kL;
    case U_GCB_V:
      return Gcb::kV;
    case U_GCB_T:
      return Gcb::kT;
    case U_GCB_LV:
      return Gcb::kLV;
    case U_GCB_LVT:
      return Gcb::kLVT;
    default:
      return Gcb::kOther;
  }
}

// One grapheme cluster under construction: its first class and a summary of the
// classes after it, enough to decide every rule without storing the cluster.
class ClusterBreaker {
 public:
  void Start(Gcb c) {
    start_ = last_ = c;
    mid_ = 0;
    first_non_extend_ = first_non_ri_ = last_emod_ = last_ri_ = -1;
    last_extend_ = c == Gcb::kExtend ? 0 : -1;
  }

  // Whether a cluster boundary falls before a character of class `next`; when it
  // does not, `next` joins the cluster.
  bool BreaksBefore(Gcb next) {
    if (ShouldBreak(next)) return true;
    Append(next);
    return false;
  }

 private:
  static bool In(Gcb c, Gcb a, Gcb b) { return c == a || c == b; }

  bool ShouldBreak(Gcb next) const {
    // Emoji modifier after a non-emoji base (with only Extend between).
    int emod = next == Gcb::kEModifier ? mid_ + 1 : (last_emod_ >= 0 ? last_emod_ + 1 : -1);
    bool extend_before_emod =
        next == Gcb::kEModifier ? first_non_extend_ == -1 : first_non_extend_ == last_emod_;
    if (emod > 1 && extend_before_emod && start_ != Gcb::kExtend && start_ != Gcb::kEBase &&
        start_ != Gcb::kEBaseGaz) {
      return true;
    }
    // Regional indicators pair up from the start of the cluster.
    int ri = next == Gcb::kRegionalIndicator ? mid_ + 1 : (last_ri_ >= 0 ? last_ri_ + 1 : -1);
    bool ri_before = next == Gcb::kRegionalIndicator
                         ? first_non_ri_ == -1
                         : (first_non_ri_ == -1 || first_non_ri_ > last_ri_);
    if (ri > 0 && ri_before && last_ != Gcb::kPrepend && last_ != Gcb::kRegionalIndicator) {
      return true;
    }
    // CR LF would be one cluster, but the calculator splits it again.
    if (last_ == Gcb::kControl || last_ == Gcb::kCR || last_ == Gcb::kLF) return true;
    if (next == Gcb::kControl || next == Gcb::kCR || next == Gcb::kLF) return true;
    if (last_ == Gcb::kL &&
        (next == Gcb::kL || next == Gcb::kV || next == Gcb::kLV || next == Gcb::kLVT)) {
      return false;
    }
    if (In(last_, Gcb::kLV, Gcb::kV) && In(next, Gcb::kV, Gcb::kT)) return false;
    if (In(last_, Gcb::kLVT, Gcb::kT) && next == Gcb::kT) return false;
    if (next == Gcb::kExtend || next == Gcb::kZwj || next == Gcb::kSpacingMark) return false;
    if (last_ == Gcb::kPrepend) return false;
    if (next == Gcb::kEModifier) {
      if (last_extend_ < 0 && In(last_, Gcb::kEBase, Gcb::kEBaseGaz)) return false;
      if (last_extend_ >= 1 && last_extend_ == mid_ &&
          In(before_last_extend_, Gcb::kEBase, Gcb::kEBaseGaz)) {
        return false;
      }
    }
    if (last_ == Gcb::kZwj && In(next, Gcb::kGlueAfterZwj, Gcb::kEBaseGaz)) return false;
    if (last_ri_ >= 0) return true;
    if (last_ == Gcb::kRegionalIndicator && next == Gcb::kRegionalIndicator) return false;
    return true;
  }

  void Append(Gcb next) {
    if (next == Gcb::kExtend) {
      before_last_extend_ = last_;
      last_extend_ = mid_ + 1;  // index in start + mid
    } else if (first_non_extend_ == -1) {
      first_non_extend_ = mid_;
    }
    if (next == Gcb::kRegionalIndicator) {
      last_ri_ = mid_;
    } else if (first_non_ri_ == -1) {
      first_non_ri_ = mid_;
    }
    if (next == Gcb::kEModifier) last_emod_ = mid_;
    last_ = next;
    ++mid_;
  }

  Gcb start_ = Gcb::kOther;
  Gcb last_ = Gcb::kOther;  // class of the cluster's last character
  int mid_ = 0;             // characters after the first
  // Indices into the characters after the first (-1: none).
  int first_non_extend_ = -1;
  int first_non_ri_ = -1;
  int last_emod_ = -1;
  int last_ri_ = -1;
  int last_extend_ = -1;  // index into the whole cluster
  Gcb before_last_extend_ = Gcb::kOther;
};

SegmentCount CountUcs2(std::string_view utf8) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const size_t n = utf8.size();
  Segmenter segmenter(kUcs2SinglePart, kUcs2MultiPart);
  ClusterBreaker breaker;
  SegmentCount count;
  count.encoding = Encoding::kUcs2;
  int cluster_units = 0;
  for (size_t i = 0; i < n;) {
    Decoded d = DecodeUtf8(p + i, n - i);
    i += d.length;
    ++count.characters;
    int units = d.code_point > 0xFFFF ? 2 : 1;
    Gcb c = GraphemeClass(d.code_point);
    if (cluster_units == 0) {
      breaker.Start(c);
    } else if (breaker.BreaksBefore(c)) {
      segmenter.Add(cluster_units);
      cluster_units = 0;
      breaker.Start(c);
    }
    cluster_units += units;
  }
  if (cluster_units > 0) segmenter.Add(cluster_units);
  count.segments = segmenter.segments();
  count.units = segmenter.total();
  return count;
}

}  // namespace

std::string_view EncodingName(Encoding encoding) {
  return encoding == Encoding::kGsm7 ? "GSM-7" : "UCS-2";
}

SegmentCount CountSegments(std::string_view utf8) {
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const size_t n = utf8.size();
  // GSM-7 first; the first character outside GSM 03.38 restarts as UCS-2.
  // Without extension characters the parts follow from the total alone.
  int septets = 0;
  int characters = 0;
  bool has_extension = false;
  for (size_t i = 0; i < n;) {
    int cost;
    if (p[i] < 0x80) {
      cost = kAsciiGsm7Septets[p[i]];
      ++i;
    } else {
      Decoded d = DecodeUtf8(p + i, n - i);
      cost = Gsm7Septets(d.code_point);
      i += d.length;
    }
    if (cost == 0) return CountUcs2(utf8);
    septets += cost;
    has_extension |= cost == 2;
    ++characters;
  }
  SegmentCount count;
  count.encoding = Encoding::kGsm7;
  count.units = septets;
  count.characters = characters;
  if (septets == 0) return count;
  if (septets <= kGsm7SinglePart) {
    count.segments = 1;
  } else if (!has_extension) {
    count.segments = (septets + kGsm7MultiPart - 1) / kGsm7MultiPart;
  } else {
    Segmenter segmenter(kGsm7SinglePart, kGsm7MultiPart);
    for (size_t i = 0; i < n;) {
      Decoded d = DecodeUtf8(p + i, n - i);
      segmenter.Add(Gsm7Septets(d.code_point));
      i += d.length;
    }
    count.segments = segmenter.segments();
  }
  return count;
}

SegmentAnalysis AnalyzeSegments(std::string_view utf8) {
  SegmentAnalysis analysis;
  analysis.count = CountSegments(utf8);
  if (analysis.count.encoding == Encoding::kGsm7) return analysis;
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  int column = 0;
  for (size_t i = 0; i < utf8.size();) {
    Decoded d = DecodeUtf8(p + i, utf8.size() - i);
    ++column;
    if (Gsm7Septets(d.code_point) == 0) {
      Ucs2Character c;
      c.code_point = d.code_point;
      c.byte_offset = i;
      c.byte_length = static_cast<size_t>(d.length);
      c.column = column;
      // An invalid byte has no stand-in: what it meant is unknown.
      bool invalid = d.code_point == kReplacementCharacter &&
                     !(d.length == 3 && p[i] == 0xEF && p[i + 1] == 0xBF && p[i + 2] == 0xBD);
      std::optional<std::string_view> replacement =
          invalid ? std::nullopt : Gsm7Replacement(d.code_point);
      if (replacement) {
        c.has_replacement = true;
        c.replacement = std::string(*replacement);
      }
      analysis.ucs2_characters.push_back(std::move(c));
    }
    i += d.length;
  }
  return analysis;
}

std::string ApplyGsm7Replacements(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  for (size_t i = 0; i < utf8.size();) {
    Decoded d = DecodeUtf8(p + i, utf8.size() - i);
    std::optional<std::string_view> replacement;
    if (Gsm7Septets(d.code_point) == 0) replacement = Gsm7Replacement(d.code_point);
    if (replacement) {
      out.append(*replacement);
    } else {
      out.append(utf8.substr(i, d.length));
    }
    i += d.length;
  }
  return out;
}

std::string FormatCodePoint(char32_t code_point) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "U+%04X", static_cast<unsigned>(code_point));
  return buffer;
}

std::string UnicodeName(char32_t code_point) {
  char buffer[128];
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = u_charName(static_cast<UChar32>(code_point), U_EXTENDED_CHAR_NAME, buffer,
                              sizeof(buffer), &status);
  if (U_FAILURE(status) || length <= 0) return "";
  return std::string(buffer, static_cast<size_t>(length));
}

}  // namespace smslint
