#include "diag/pii.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace smslint {
namespace {

constexpr std::string_view kBullet = "\xE2\x80\xA2";                           // "•"
constexpr std::string_view kBullets = "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2";  // "•••"

// The country calling codes libphonenumber supports (PhoneNumberUtil::
// GetSupportedCallingCodes), listed here so that masking needs no phone library;
// tests/diag/pii_test.cc checks the list against the library.
constexpr std::array<uint16_t, 215> kCallingCodes = {
    1,   7,   20,  27,  30,  31,  32,  33,  34,  36,  39,  40,  41,  43,  44,  45,  46,  47,
    48,  49,  51,  52,  53,  54,  55,  56,  57,  58,  60,  61,  62,  63,  64,  65,  66,  81,
    82,  84,  86,  90,  91,  92,  93,  94,  95,  98,  211, 212, 213, 216, 218, 220, 221, 222,
    223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240,
    241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255, 256, 257, 258,
    260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 290, 291, 297, 298, 299, 350, 351, 352,
    353, 354, 355, 356, 357, 358, 359, 370, 371, 372, 373, 374, 375, 376, 377, 378, 380, 381,
    382, 383, 385, 386, 387, 389, 420, 421, 423, 500, 501, 502, 503, 504, 505, 506, 507, 508,
    509, 590, 591, 592, 593, 594, 595, 596, 597, 598, 599, 670, 672, 673, 674, 675, 676, 677,
    678, 679, 680, 681, 682, 683, 685, 686, 687, 688, 689, 690, 691, 692, 800, 808, 850, 852,
    853, 855, 856, 870, 878, 880, 881, 882, 883, 886, 888, 960, 961, 962, 963, 964, 965, 966,
    967, 968, 970, 971, 972, 973, 974, 975, 976, 977, 979, 992, 993, 994, 995, 996, 998,
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Country calling code length of E.164 digits (1 to 3); 1 when none matches.
size_t CountryCodeLength(std::string_view digits) {
  for (size_t length = 1; length <= 3 && length < digits.size(); ++length) {
    int code = 0;
    for (size_t i = 0; i < length; ++i) code = code * 10 + (digits[i] - '0');
    if (std::binary_search(kCallingCodes.begin(), kCallingCodes.end(), code)) return length;
  }
  return 1;
}

// How many leading and trailing digits stay visible.
struct ShownDigits {
  size_t head = 0;
  size_t tail = 0;
};

ShownDigits ShownE164Digits(std::string_view digits) {
  size_t cc = CountryCodeLength(digits);
  int n = static_cast<int>(digits.size() - std::min(cc, digits.size()));
  int hidden = std::max(3, n - 7);
  int remaining = std::max(0, n - hidden);
  int head = std::min(3, std::max(0, remaining - 4));
  return {cc + static_cast<size_t>(head), static_cast<size_t>(remaining - head)};
}

ShownDigits ShownWrittenDigits(size_t digit_count) {
  if (digit_count <= 6) return {0, 0};
  return {3, 2};
}

std::string MaskDigits(std::string_view digits) {
  ShownDigits shown = ShownE164Digits(digits);
  std::string out = "+";
  out.append(digits.substr(0, shown.head));
  out.append(kBullets);
  out.append(digits.substr(digits.size() - shown.tail));
  return out;
}

// Valid UTF-8 prefix of at most `max_bytes` bytes.
std::string_view CutUtf8(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace

std::string MaskNumber(uint64_t e164_digits) {
  if (e164_digits == 0) return std::string(kBullets);
  return MaskDigits(std::to_string(e164_digits));
}

std::string MaskNumber(std::string_view e164_text) {
  std::string digits;
  for (char c : e164_text)
    if (IsDigit(c)) digits.push_back(c);
  if (digits.empty()) return std::string(kBullets);
  return MaskDigits(digits);
}

std::string MaskNumberInPlace(std::string_view written, uint64_t e164) {
  size_t digit_count = 0;
  for (char c : written) digit_count += IsDigit(c);
  // Visible digits counted from the start (head) and from the end (tail).
  ShownDigits shown = ShownWrittenDigits(digit_count);
  if (e164 != 0) {
    std::string digits = std::to_string(e164);
    ShownDigits normalised = ShownE164Digits(digits);
    size_t hidden = digits.size() - normalised.head - normalised.tail;
    shown = {digit_count - std::min(digit_count, normalised.tail + hidden), normalised.tail};
  }
  std::string out;
  out.reserve(written.size() + 2 * digit_count);
  size_t seen = 0;
  for (char c : written) {
    if (!IsDigit(c)) {
      out.push_back(c);
      continue;
    }
    ++seen;
    if (seen <= shown.head || seen + shown.tail > digit_count) {
      out.push_back(c);
    } else {
      out.append(kBullet);
    }
  }
  return out;
}

std::string ShowRecipientNumber(std::string_view written, uint64_t e164, bool show_pii) {
  if (!show_pii && e164 != 0) return MaskNumber(e164);
  std::string_view cut = CutUtf8(written, 40);
  std::string out = show_pii ? std::string(cut) : MaskNumberInPlace(cut, 0);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  if (cut.size() < written.size()) out.append("...");
  return out;
}

std::string MaskInlineRecipients(std::string_view source, std::vector<SourceRange> ranges) {
  std::sort(ranges.begin(), ranges.end(), [](const SourceRange& a, const SourceRange& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  });
  std::string out;
  out.reserve(source.size());
  size_t copied = 0;
  for (const SourceRange& range : ranges) {
    if (range.begin < copied || range.end > source.size() || range.end < range.begin) continue;
    out.append(source.substr(copied, range.begin - copied));
    out.append(MaskNumberInPlace(source.substr(range.begin, range.end - range.begin), range.e164));
    copied = range.end;
  }
  out.append(source.substr(copied));
  return out;
}

namespace {

// One code point of `text` at `at`: its value (U+FFFD for a bad byte) and length.
UChar32 CodePointAt(std::string_view text, size_t at, size_t& length) {
  int32_t i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
  length = static_cast<size_t>(i) - at;
  return c < 0 ? 0xFFFD : c;
}

// The decimal value of a digit in any script, or -1.
int DigitValue(UChar32 c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c < 0x80) return -1;
  return u_charType(c) == U_DECIMAL_DIGIT_NUMBER ? u_charDigitValue(c) : -1;
}

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  return u_isalpha(c);
}

bool IsPlus(UChar32 c) { return c == '+' || c == 0xFF0B; }  // '+', FULLWIDTH PLUS SIGN

bool IsGroupSeparator(UChar32 c) {
  return c == '-' || c == '.' || c == '(' || c == ')' || c == 0x2010 || c == 0x2011 ||
         c == 0x2013 || c == 0xFF0D;  // hyphens, en dash, fullwidth '-'
}

// One run of digits found by the scanner.
struct DigitRun {
  size_t begin = 0;          // byte offset of its first digit
  size_t end = 0;            // byte offset after its last digit
  std::string digits;        // ASCII
  size_t largest_group = 0;  // digits in its longest group
  bool plus = false;         // written after a '+'
};

// The next run at or after `at` whose first digit does not follow a word
// character or a digit; `runs` gets every such run (numbers or not), in order.
template <typename Fn>
void ScanDigitRuns(std::string_view text, Fn&& on_run) {
  size_t at = 0;
  UChar32 previous = ' ';
  size_t previous_at = 0;
  while (at < text.size()) {
    size_t length = 0;
    UChar32 c = CodePointAt(text, at, length);
    if (DigitValue(c) < 0 || IsWordChar(previous) || DigitValue(previous) >= 0) {
      previous = c;
      previous_at = at;
      at += length;
      continue;
    }
    DigitRun run;
    run.begin = at;
    run.plus = IsPlus(previous) && at == previous_at + (previous == '+' ? 1 : 3);
    const bool spaces = run.plus || previous == '(';
    size_t group = 0;
    size_t scan = at;
    UChar32 last = c;
    while (scan < text.size()) {
      size_t l = 0;
      UChar32 d = CodePointAt(text, scan, l);
      int value = DigitValue(d);
      if (value >= 0) {
        run.digits.push_back(static_cast<char>('0' + value));
        ++group;
        run.largest_group = std::max(run.largest_group, group);
        scan += l;
        run.end = scan;
        last = d;
        continue;
      }
      // Up to two separators (") " or " -") between groups, then a digit. A group of
      // seven or more digits is a whole number: what follows is something else
      // ("+14155550100 900": a sender and its count).
      if (group >= 7) break;
      size_t look = scan;
      int separators = 0;
      while (look < text.size() && separators < 2) {
        size_t sl = 0;
        UChar32 sep = CodePointAt(text, look, sl);
        if (!(IsGroupSeparator(sep) || (spaces && sep == ' '))) break;
        look += sl;
        ++separators;
      }
      // A national number written with single spaces ("212 555 0142", "212) 555 0142"):
      // one space (after nothing or a ')') between groups of two to four digits, the
      // next not ending in ':' (a time: "2026-12-01 09:00").
      if (!spaces && look < text.size() && text[look] == ' ' &&
          (separators == 0 || (separators == 1 && text[scan] == ')')) && group >= 2 && group <= 4) {
        size_t next = look + 1;
        size_t digits = 0;  // in any script ("６４６ ５５５ ０１１９")
        size_t nl = 0;
        while (next < text.size() && DigitValue(CodePointAt(text, next, nl)) >= 0) {
          next += nl;
          ++digits;
        }
        if (digits >= 2 && digits <= 4 && (next >= text.size() || text[next] != ':')) {
          look += 1;
          ++separators;
        }
      }
      size_t dl = 0;
      if (separators == 0 || look >= text.size() || DigitValue(CodePointAt(text, look, dl)) < 0)
        break;
      group = 0;
      scan = look;
    }
    // What follows the last digit must not continue a word ("12345678901abc").
    size_t after_length = 0;
    UChar32 after = run.end < text.size() ? CodePointAt(text, run.end, after_length) : ' ';
    if (!IsWordChar(after)) on_run(run);
    previous = last;
    previous_at = run.end;
    at = run.end;
  }
}

enum class RunKind { kNotANumber, kNumber, kLongDigits };

RunKind KindOf(const DigitRun& run) {
  const size_t n = run.digits.size();
  if (n > 15) return RunKind::kLongDigits;
  if (run.plus) return n >= 7 ? RunKind::kNumber : RunKind::kNotANumber;
  // Without a '+', a number has 10 or more digits; a long group in a split run is a
  // decimal fraction ("0.0166666667"), not a phone number.
  if (n < 10) return RunKind::kNotANumber;
  if (run.largest_group != n && run.largest_group > 8) return RunKind::kNotANumber;
  return RunKind::kNumber;
}

}  // namespace

void PublishedNumbers::AddFrom(std::string_view text) {
  ScanDigitRuns(text, [&](const DigitRun& run) {
    if (KindOf(run) == RunKind::kNumber) digits_.push_back(run.digits);
  });
  std::sort(digits_.begin(), digits_.end());
  digits_.erase(std::unique(digits_.begin(), digits_.end()), digits_.end());
}

bool PublishedNumbers::Contains(std::string_view digits) const {
  auto has = [&](const std::string& d) {
    return std::binary_search(digits_.begin(), digits_.end(), d);
  };
  std::string d(digits);
  // "+14155550100" published, "(415) 555-0100" written: the national form.
  return has(d) || has("1" + d) || (d.size() == 11 && d[0] == '1' && has(d.substr(1)));
}

std::string MaskNumbersInText(std::string_view text, const PublishedNumbers& published) {
  std::string out;
  size_t copied = 0;
  ScanDigitRuns(text, [&](const DigitRun& run) {
    RunKind kind = KindOf(run);
    if (kind == RunKind::kNotANumber) return;
    if (kind == RunKind::kNumber && published.Contains(run.digits)) return;
    const size_t n = run.digits.size();
    ShownDigits shown = ShownWrittenDigits(n);
    if (kind == RunKind::kNumber) {
      // As a valid number would be shown: national ten digits read as +1.
      std::string e164 = run.plus || n != 10 ? run.digits : "1" + run.digits;
      ShownDigits normalised = ShownE164Digits(e164);
      size_t hidden = e164.size() - normalised.head - normalised.tail;
      shown = {n - std::min(n, normalised.tail + hidden), normalised.tail};
    }
    out.append(text.substr(copied, run.begin - copied));
    size_t seen = 0;
    for (size_t at = run.begin; at < run.end;) {
      size_t length = 0;
      UChar32 c = CodePointAt(text, at, length);
      if (DigitValue(c) >= 0) {
        ++seen;
        if (seen <= shown.head || seen + shown.tail > n) {
          out.append(text.substr(at, length));
        } else {
          out.append(kBullet);
        }
      } else {
        out.append(text.substr(at, length));
      }
      at += length;
    }
    copied = run.end;
  });
  if (copied == 0) return std::string(text);
  out.append(text.substr(copied));
  return out;
}

}  // namespace smslint
