#include "diag/pii.h"

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

}  // namespace smslint
