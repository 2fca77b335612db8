#include "campaign/phone_numbers.h"

#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <cstring>
#include <list>
#include <mutex>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "campaign/phone_metadata.h"
#include "re2/re2.h"
#include "re2/set.h"

namespace i18n::phonenumbers {
// The library's compiled-in metadata (a serialised PhoneMetadataCollection).
int metadata_size();
const void* metadata_get();
}  // namespace i18n::phonenumbers

namespace smslint {
namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberDesc;
using i18n::phonenumbers::PhoneNumberUtil;

// PhoneNumberType (phone_numbers.h) copies the library's enum, so that header need
// not include the library's.
#define SMSLINT_SAME_TYPE(name)                                                   \
  static_assert(static_cast<int>(PhoneNumberType::name) == PhoneNumberUtil::name, \
                "PhoneNumberType::" #name " differs from libphonenumber's")
SMSLINT_SAME_TYPE(FIXED_LINE);
SMSLINT_SAME_TYPE(MOBILE);
SMSLINT_SAME_TYPE(FIXED_LINE_OR_MOBILE);
SMSLINT_SAME_TYPE(TOLL_FREE);
SMSLINT_SAME_TYPE(PREMIUM_RATE);
SMSLINT_SAME_TYPE(SHARED_COST);
SMSLINT_SAME_TYPE(VOIP);
SMSLINT_SAME_TYPE(PERSONAL_NUMBER);
SMSLINT_SAME_TYPE(PAGER);
SMSLINT_SAME_TYPE(UAN);
SMSLINT_SAME_TYPE(VOICEMAIL);
SMSLINT_SAME_TYPE(UNKNOWN);
#undef SMSLINT_SAME_TYPE

// A minimal protobuf wire-format reader: enough to pull patterns out of the
// metadata without linking protobuf's runtime. Field numbers come from the
// generated header, so they cannot drift from the library.
class WireReader {
 public:
  explicit WireReader(std::string_view bytes) : bytes_(bytes) {}
  bool done() const { return pos_ >= bytes_.size() || failed_; }
  bool failed() const { return failed_; }

  // Reads the next field's tag; false at the end or on malformed input.
  bool Next(int& field, int& wire_type) {
    if (done()) return false;
    uint64_t tag = Varint();
    field = static_cast<int>(tag >> 3);
    wire_type = static_cast<int>(tag & 7);
    return !failed_;
  }
  uint64_t Varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= bytes_.size()) break;
      uint8_t byte = static_cast<uint8_t>(bytes_[pos_++]);
      value |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80)) return value;
    }
    failed_ = true;
    return 0;
  }
  std::string_view Bytes() {
    uint64_t length = Varint();
    if (failed_ || length > bytes_.size() - pos_) {
      failed_ = true;
      return {};
    }
    std::string_view out = bytes_.substr(pos_, length);
    pos_ += length;
    return out;
  }
  void Skip(int wire_type) {
    switch (wire_type) {
      case 0:
        Varint();
        break;
      case 1:
        pos_ += 8;
        break;
      case 2:
        Bytes();
        break;
      case 5:
        pos_ += 4;
        break;
      default:
        failed_ = true;
    }
    if (pos_ > bytes_.size()) failed_ = true;
  }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
  bool failed_ = false;
};

// The order GetNumberTypeHelper tests a number's descriptions in.
enum DescSlot {
  kGeneral,
  kPremiumRate,
  kTollFree,
  kSharedCost,
  kVoip,
  kPersonalNumber,
  kPager,
  kUan,
  kVoicemail,
  kFixedLine,
  kMobile,
  kSlotCount,
};

int SlotForField(int field) {
  switch (field) {
    case PhoneMetadata::kGeneralDescFieldNumber:
      return kGeneral;
    case PhoneMetadata::kPremiumRateFieldNumber:
      return kPremiumRate;
    case PhoneMetadata::kTollFreeFieldNumber:
      return kTollFree;
    case PhoneMetadata::kSharedCostFieldNumber:
      return kSharedCost;
    case PhoneMetadata::kVoipFieldNumber:
      return kVoip;
    case PhoneMetadata::kPersonalNumberFieldNumber:
      return kPersonalNumber;
    case PhoneMetadata::kPagerFieldNumber:
      return kPager;
    case PhoneMetadata::kUanFieldNumber:
      return kUan;
    case PhoneMetadata::kVoicemailFieldNumber:
      return kVoicemail;
    case PhoneMetadata::kFixedLineFieldNumber:
      return kFixedLine;
    case PhoneMetadata::kMobileFieldNumber:
      return kMobile;
    default:
      return -1;
  }
}

struct DescPatterns {
  std::string pattern;  // national_number_pattern; empty matches nothing
  std::vector<int> possible_lengths;
  int set_index = -1;
};

struct RegionPatterns {
  std::string id;
  int country_code = 0;
  std::string leading_digits;
  bool same_mobile_and_fixed_line = false;
  DescPatterns descs[kSlotCount];
};

DescPatterns ReadDesc(std::string_view bytes) {
  DescPatterns desc;
  WireReader reader(bytes);
  int field, wire;
  while (reader.Next(field, wire)) {
    if (field == PhoneNumberDesc::kNationalNumberPatternFieldNumber && wire == 2) {
      desc.pattern = std::string(reader.Bytes());
    } else if (field == PhoneNumberDesc::kPossibleLengthFieldNumber && wire == 0) {
      desc.possible_lengths.push_back(static_cast<int>(reader.Varint()));
    } else if (field == PhoneNumberDesc::kPossibleLengthFieldNumber && wire == 2) {
      WireReader packed(reader.Bytes());
      while (!packed.done()) desc.possible_lengths.push_back(static_cast<int>(packed.Varint()));
    } else {
      reader.Skip(wire);
    }
  }
  return desc;
}

RegionPatterns ReadRegion(std::string_view bytes) {
  RegionPatterns region;
  WireReader reader(bytes);
  int field, wire;
  while (reader.Next(field, wire)) {
    int slot = SlotForField(field);
    if (slot >= 0 && wire == 2) {
      region.descs[slot] = ReadDesc(reader.Bytes());
    } else if (field == PhoneMetadata::kIdFieldNumber && wire == 2) {
      region.id = std::string(reader.Bytes());
    } else if (field == PhoneMetadata::kCountryCodeFieldNumber && wire == 0) {
      region.country_code = static_cast<int>(reader.Varint());
    } else if (field == PhoneMetadata::kLeadingDigitsFieldNumber && wire == 2) {
      region.leading_digits = std::string(reader.Bytes());
    } else if (field == PhoneMetadata::kSameMobileAndFixedLinePatternFieldNumber && wire == 0) {
      region.same_mobile_and_fixed_line = reader.Varint() != 0;
    } else {
      reader.Skip(wire);
    }
  }
  return region;
}

// Whether every match of `pattern` (fully anchored) on a national number of any
// length leaves the last four digits free: each top-level alternative ends in
// \d{N} with N >= 4, so whether a number matches depends on the digits before its
// last four only. Conservative: any other shape answers false.
bool LastFourDigitsFree(std::string_view pattern) {
  if (pattern.empty()) return true;  // matches nothing
  std::vector<std::string_view> alternatives;
  int depth = 0;
  bool in_class = false;
  size_t start = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
      continue;
    }
    if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      alternatives.push_back(pattern.substr(start, i - start));
      start = i + 1;
    }
  }
  if (depth != 0 || in_class) return false;
  alternatives.push_back(pattern.substr(start));
  for (std::string_view a : alternatives) {
    // "...\d{N}": N digits, an unescaped backslash before the 'd'.
    if (a.empty() || a.back() != '}') return false;
    const size_t open = a.rfind('{');
    if (open == std::string_view::npos || open < 2 || a[open - 1] != 'd' || a[open - 2] != '\\')
      return false;
    size_t backslashes = 0;
    for (size_t k = open - 2; k < a.size() && a[k] == '\\'; --k) ++backslashes;
    if (backslashes % 2 != 1) return false;
    int n = 0;
    for (size_t k = open + 1; k + 1 < a.size(); ++k) {
      if (a[k] < '0' || a[k] > '9') return false;
      n = n * 10 + (a[k] - '0');
      if (n > 100) return false;
    }
    if (open + 2 >= a.size() || n < 4) return false;
  }
  return true;
}

// The longest text a leading-digits pattern can match: digits, [classes], (?:groups)
// and | only; -1 for any other shape (a quantifier, an escape, ...).
int MaxMatchLength(std::string_view pattern, size_t& i) {
  int best = 0, current = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c >= '0' && c <= '9') {
      ++current;
      ++i;
    } else if (c == '[') {
      const size_t close = pattern.find(']', i);
      if (close == std::string_view::npos) return -1;
      for (size_t k = i + 1; k < close; ++k)
        if (!((pattern[k] >= '0' && pattern[k] <= '9') || pattern[k] == '-')) return -1;
      ++current;
      i = close + 1;
    } else if (c == '(') {
      if (pattern.substr(i, 3) != "(?:") return -1;
      i += 3;
      const int inner = MaxMatchLength(pattern, i);
      if (inner < 0 || i >= pattern.size() || pattern[i] != ')') return -1;
      ++i;
      current += inner;
    } else if (c == '|') {
      best = std::max(best, current);
      current = 0;
      ++i;
    } else if (c == ')') {
      break;
    } else {
      return -1;
    }
  }
  return std::max(best, current);
}

int MaxMatchLength(std::string_view pattern) {
  size_t i = 0;
  const int length = MaxMatchLength(pattern, i);
  return i == pattern.size() ? length : -1;
}

}  // namespace

// Replays PhoneNumberUtil's region and type decision (GetRegionCodeForNumber,
// GetNumberTypeHelper, IsNumberMatchingDesc) for country code 1 with RE2. Whether
// a digit string fully matches a pattern is a property of the pattern's language,
// not of the regex engine, so RE2 answers as the library's ICU regexes do; the
// differential test (tests/campaign/phone_fast_path_test.cc) checks it.
class NanpMatcher {
 public:
  NanpMatcher() : set_(MakeOptions(), RE2::ANCHOR_BOTH) {
    std::list<std::string> order;
    PhoneNumberUtil::GetInstance()->GetRegionCodesForCountryCallingCode(1, &order);
    std::vector<RegionPatterns> all;
    WireReader collection(
        std::string_view(static_cast<const char*>(i18n::phonenumbers::metadata_get()),
                         static_cast<size_t>(i18n::phonenumbers::metadata_size())));
    int field, wire;
    while (collection.Next(field, wire)) {
      if (field == PhoneMetadataCollection::kMetadataFieldNumber && wire == 2) {
        RegionPatterns region = ReadRegion(collection.Bytes());
        if (region.country_code == 1) all.push_back(std::move(region));
      } else {
        collection.Skip(wire);
      }
    }
    for (const std::string& id : order) {
      auto it =
          std::find_if(all.begin(), all.end(), [&](const RegionPatterns& r) { return r.id == id; });
      if (it == all.end()) continue;
      regions_.push_back(std::move(*it));
    }
    for (RegionPatterns& region : regions_) {
      for (DescPatterns& desc : region.descs) {
        if (desc.pattern.empty()) continue;
        desc.set_index = set_.Add(desc.pattern, nullptr);
      }
      leading_.push_back(region.leading_digits.empty()
                             ? nullptr
                             : std::make_unique<RE2>(region.leading_digits, MakeOptions()));
    }
    usable_ = set_.Compile() && !regions_.empty() && regions_[0].id == "US";
    // A region whose patterns look at a number's last four digits must be one only
    // asked about numbers its leading digits (at most 3) match: AreaCodesFresh.
    exchange_decides_ = regions_.size() < 255;
    for (const RegionPatterns& region : regions_) {
      bool free = true;
      for (const DescPatterns& desc : region.descs) free = free && LastFourDigitsFree(desc.pattern);
      const int longest =
          region.leading_digits.empty() ? -1 : MaxMatchLength(region.leading_digits);
      if (!region.leading_digits.empty() && (longest < 0 || longest > 6)) exchange_decides_ = false;
      if (!free && (region.leading_digits.empty() || longest > 3)) exchange_decides_ = false;
    }
    for (const auto& re : leading_)
      if (re && !re->ok()) usable_ = false;
  }

  bool usable() const { return usable_; }
  // True when the answer for a ten-digit national number depends on its first six
  // digits (area code and exchange) only, outside the area codes in
  // area_code_fresh_: the patterns leave the last four free.
  bool exchange_decides() const { return exchange_decides_; }

  // Per area code: true when a region whose patterns look at a number's last four
  // digits (Barbados, Jamaica, ... split exchanges) may be asked about it, so its
  // numbers are classified afresh. Such a region is only asked about numbers its
  // leading digits match. Built on first use.
  const std::vector<bool>& AreaCodesFresh() const {
    std::call_once(fresh_once_, [this] {
      area_code_fresh_.assign(1000, false);
      for (size_t i = 0; i < regions_.size(); ++i) {
        bool free = true;
        for (const DescPatterns& desc : regions_[i].descs)
          free = free && LastFourDigitsFree(desc.pattern);
        if (free || !leading_[i]) continue;
        // Every area code one of whose prefixes (1 to 3 digits) the leading digits match.
        for (int code = 0; code < 1000; ++code) {
          const std::string digits = std::to_string(1000 + code).substr(1);
          for (size_t length = 1; length <= 3; ++length) {
            if (RE2::FullMatch(digits.substr(0, length), *leading_[i]))
              area_code_fresh_[code] = true;
          }
        }
      }
    });
    return area_code_fresh_;
  }

  // Classify for a ten-digit national number, remembered per exchange in `memo` under
  // `key`, the value of its first six digits (exchange_decides() must hold).
  void ClassifyTenDigits(std::string_view national, uint32_t key, NumberInfo& info,
                         PhoneNumberClassifier::ExchangeMemo& memo) const {
    if (AreaCodesFresh()[key / 1000]) {
      Classify(national, info);
      return;
    }
    PhoneNumberClassifier::ExchangeMemo::Slot& entry = memo.At(key);
    memo.extra = &entry.extra;
    const uint32_t slot = PhoneNumberClassifier::ExchangeMemo::Load(entry.answer);
    if (slot == 0) {
      Classify(national, info);
      uint32_t region = 255;
      for (size_t i = 0; i < regions_.size(); ++i) {
        if (regions_[i].id[0] == info.region[0] && regions_[i].id[1] == info.region[1] &&
            info.region[2] == 0) {
          region = static_cast<uint32_t>(i);
          break;
        }
      }
      PhoneNumberClassifier::ExchangeMemo::Store(
          entry.answer, 1u << 31 | static_cast<uint32_t>(info.valid) << 30 |
                            static_cast<uint32_t>(info.type) << 8 | region);
      return;
    }
    info.valid = (slot >> 30 & 1) != 0;
    info.type = static_cast<PhoneNumberType>(slot >> 8 & 0xFF);
    const uint32_t region = slot & 0xFF;
    info.region = region == 255
                      ? std::array<char, 4>{'Z', 'Z', 0, 0}
                      : std::array<char, 4>{regions_[region].id[0], regions_[region].id[1], 0, 0};
  }

  // `national`: the national significant number, 10 digits for the fast path.
  void Classify(std::string_view national, NumberInfo& info) const {
    thread_local std::vector<int> matched;
    matched.clear();
    set_.Match(national, &matched);
    uint64_t bits[8] = {};
    for (int i : matched) bits[i >> 6] |= uint64_t{1} << (i & 63);
    int length = static_cast<int>(national.size());
    auto matches = [&](const DescPatterns& desc) {
      if (!desc.possible_lengths.empty() &&
          std::find(desc.possible_lengths.begin(), desc.possible_lengths.end(), length) ==
              desc.possible_lengths.end())
        return false;
      return desc.set_index >= 0 && (bits[desc.set_index >> 6] >> (desc.set_index & 63) & 1);
    };
    auto type_of = [&](const RegionPatterns& r) {
      if (!matches(r.descs[kGeneral])) return PhoneNumberType::UNKNOWN;
      if (matches(r.descs[kPremiumRate])) return PhoneNumberType::PREMIUM_RATE;
      if (matches(r.descs[kTollFree])) return PhoneNumberType::TOLL_FREE;
      if (matches(r.descs[kSharedCost])) return PhoneNumberType::SHARED_COST;
      if (matches(r.descs[kVoip])) return PhoneNumberType::VOIP;
      if (matches(r.descs[kPersonalNumber])) return PhoneNumberType::PERSONAL_NUMBER;
      if (matches(r.descs[kPager])) return PhoneNumberType::PAGER;
      if (matches(r.descs[kUan])) return PhoneNumberType::UAN;
      if (matches(r.descs[kVoicemail])) return PhoneNumberType::VOICEMAIL;
      if (matches(r.descs[kFixedLine])) {
        if (r.same_mobile_and_fixed_line || matches(r.descs[kMobile]))
          return PhoneNumberType::FIXED_LINE_OR_MOBILE;
        return PhoneNumberType::FIXED_LINE;
      }
      if (!r.same_mobile_and_fixed_line && matches(r.descs[kMobile]))
        return PhoneNumberType::MOBILE;
      return PhoneNumberType::UNKNOWN;
    };
    info.type = PhoneNumberType::UNKNOWN;
    info.valid = false;
    info.region = {'Z', 'Z', 0, 0};
    for (size_t i = 0; i < regions_.size(); ++i) {
      const RegionPatterns& r = regions_[i];
      PhoneNumberType type;
      if (leading_[i]) {
        re2::StringPiece input(national.data(), national.size());
        if (!leading_[i]->Match(input, 0, input.size(), RE2::ANCHOR_START, nullptr, 0)) continue;
        type = type_of(r);
      } else {
        type = type_of(r);
        if (type == PhoneNumberType::UNKNOWN) continue;
      }
      info.region = {r.id[0], r.id[1], 0, 0};
      info.type = type;
      info.valid = type != PhoneNumberType::UNKNOWN;
      return;
    }
  }

 private:
  static RE2::Options MakeOptions() {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    return options;
  }

  RE2::Set set_;
  std::vector<RegionPatterns> regions_;
  std::vector<std::unique_ptr<RE2>> leading_;
  bool usable_ = false;
  bool exchange_decides_ = false;
  mutable std::once_flag fresh_once_;
  mutable std::vector<bool> area_code_fresh_;  // AreaCodesFresh
};

namespace {

const NanpMatcher* SharedNanpMatcher() {
  static const NanpMatcher* matcher = [] {
    auto* m = new NanpMatcher();
    if (!m->usable()) {
      delete m;
      return static_cast<NanpMatcher*>(nullptr);
    }
    return m;
  }();
  return matcher;
}

bool IsNanpRegion(std::string_view region) {
  return PhoneNumberUtil::GetInstance()->GetCountryCodeForRegion(std::string(region)) == 1;
}

// Formatting characters the fast path reads past; anything else goes to the library.
bool IsSeparator(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
}

}  // namespace

bool IsNonMobileType(PhoneNumberType type) {
  switch (type) {
    case PhoneNumberType::FIXED_LINE:
    case PhoneNumberType::TOLL_FREE:
    case PhoneNumberType::PREMIUM_RATE:
    case PhoneNumberType::SHARED_COST:
    case PhoneNumberType::PAGER:
    case PhoneNumberType::UAN:
    case PhoneNumberType::VOICEMAIL:
      return true;
    default:
      return false;
  }
}

std::string_view NumberTypeName(PhoneNumberType type) {
  switch (type) {
    case PhoneNumberType::FIXED_LINE:
      return "fixed line";
    case PhoneNumberType::MOBILE:
      return "mobile";
    case PhoneNumberType::FIXED_LINE_OR_MOBILE:
      return "fixed line or mobile";
    case PhoneNumberType::TOLL_FREE:
      return "toll free";
    case PhoneNumberType::PREMIUM_RATE:
      return "premium rate";
    case PhoneNumberType::SHARED_COST:
      return "shared cost";
    case PhoneNumberType::VOIP:
      return "VoIP";
    case PhoneNumberType::PERSONAL_NUMBER:
      return "personal number";
    case PhoneNumberType::PAGER:
      return "pager";
    case PhoneNumberType::UAN:
      return "universal access number";
    case PhoneNumberType::VOICEMAIL:
      return "voicemail";
    default:
      return "unknown";
  }
}

bool LongerThanAnyNumber(std::string_view raw) {
  if (raw.size() > kMaxPhoneFieldBytes) return true;
  // Too few bytes to hold too many digits: nearly every field, not counted.
  if (raw.size() <= static_cast<size_t>(kMaxPhoneFieldDigits)) return false;
  int digits = 0;
  for (char c : raw) digits += c >= '0' && c <= '9';
  return digits > kMaxPhoneFieldDigits;
}

std::string E164Text(uint64_t e164) { return "+" + std::to_string(e164); }

PhoneNumberClassifier::PhoneNumberClassifier(std::string_view default_region, Volume volume)
    : default_region_(default_region) {
  default_is_nanp_ = IsNanpRegion(default_region_);
  if (volume == Volume::kMany) nanp_ = SharedNanpMatcher();
}

PhoneNumberClassifier::~PhoneNumberClassifier() = default;

bool PhoneNumberClassifier::exchange_memo_usable() const {
  return nanp_ != nullptr && nanp_->exchange_decides();
}

PhoneNumberClassifier::FastDigits PhoneNumberClassifier::ReadFast(std::string_view raw) const {
  FastDigits out;
  if (LongerThanAnyNumber(raw)) {
    out.length = FastDigits::kTooLong;
    return out;
  }
  if (nanp_ == nullptr) return out;
  char digits[16];
  int count = 0;
  bool plus = false;
#if defined(__SSE2__)
  if (raw.size() <= 16) {
    // The field's sixteen bytes at once (nearly every field): which are digits,
    // separators, '+'; anything else is not a shape read here. A '+' counts only as
    // the first byte after leading spaces, as the byte-by-byte reading below.
    alignas(16) char bytes[16] = {};
    std::memcpy(bytes, raw.data(), raw.size());
    const __m128i v = _mm_load_si128(reinterpret_cast<const __m128i*>(bytes));
    auto eq = [&v](char c) {
      return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c))));
    };
    const __m128i from_zero = _mm_sub_epi8(v, _mm_set1_epi8('0'));
    const unsigned digit = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(from_zero, _mm_set1_epi8(9)), from_zero)));
    const unsigned field = (1u << raw.size()) - 1;
    const unsigned space = eq(' ') & field;
    const unsigned separator = space | eq('-') | eq('.') | eq('(') | eq(')') | eq('/');
    const unsigned plus_at = eq('+') & field;
    const unsigned first = ~space & field;  // the first byte after leading spaces: lowest bit
    plus = plus_at != 0 && plus_at == (first & (0u - first));
    if ((field & ~(digit | separator | (plus ? plus_at : 0u))) != 0) return out;
    const unsigned digits_at = digit & field;
    // The layouts most lists use, copied whole: "+12125550142", "(212) 555-0142",
    // "212-555-0142"; any other digit by digit.
    if (digits_at == 0xFFEu) {
      std::memcpy(digits, bytes + 1, 11);
      count = 11;
    } else if (digits_at == 0x3DCEu) {
      std::memcpy(digits, bytes + 1, 3);
      std::memcpy(digits + 3, bytes + 6, 3);
      std::memcpy(digits + 6, bytes + 10, 4);
      count = 10;
    } else if (digits_at == 0xF77u) {
      std::memcpy(digits, bytes, 3);
      std::memcpy(digits + 3, bytes + 4, 3);
      std::memcpy(digits + 6, bytes + 8, 4);
      count = 10;
    } else {
      for (unsigned m = digits_at; m != 0; m &= m - 1) digits[count++] = bytes[__builtin_ctz(m)];
      if (count > 11) return out;
    }
  } else
#endif
  {
    size_t i = 0;
    while (i < raw.size() && raw[i] == ' ') ++i;
    plus = i < raw.size() && raw[i] == '+';
    if (plus) ++i;
    for (; i < raw.size(); ++i) {
      char c = raw[i];
      if (c >= '0' && c <= '9') {
        if (count == 11) return out;
        digits[count++] = c;
      } else if (!IsSeparator(c)) {
        return out;
      }
    }
  }
  // The national significant number: ten digits, or (a number cut short, which
  // the library parses as a national number and finds invalid) three to nine.
  const char* national;
  int length;
  if (plus) {
    // "+1" and the national digits, which cannot start with a national prefix.
    if (count < 4 || digits[0] != '1') return out;
    national = digits + 1;
    length = count - 1;
  } else {
    if (!default_is_nanp_) return out;
    if (count == 11 && digits[0] == '1') {
      national = digits + 1;  // "1-212-555-0142": the library strips the country code
      length = 10;
    } else if (count >= 3 && count <= 10) {
      national = digits;
      length = count;
    } else {
      return out;
    }
  }
  // A leading 0 or 1 may be a prefix the library strips or reads as one.
  if (national[0] < '2') return out;
  std::copy(national, national + length, out.national.begin());
  out.length = static_cast<int8_t>(length);
  if (length == 10) {
    for (int k = 0; k < 6; ++k)
      out.exchange = out.exchange * 10 + static_cast<uint32_t>(national[k] - '0');
  }
  return out;
}

void PhoneNumberClassifier::ClassifyRead(const FastDigits& digits, NumberInfo& info,
                                         ExchangeMemo* memo) const {
  const int length = digits.length;
  const char* national = digits.national.data();
  uint64_t value = 0;
  int k = 0;
  if (length >= 8) {
    // Eight digits in one word: pairs, then fours, then the eight (little-endian, the
    // first digit in the low byte).
    uint64_t w;
    std::memcpy(&w, national, 8);
    w -= 0x3030303030303030ull;
    w = (w * 10 + (w >> 8)) & 0x00FF00FF00FF00FFull;
    w = (w * 100 + (w >> 16)) & 0x0000FFFF0000FFFFull;
    value = (w * 10000 + (w >> 32)) & 0xFFFFFFFFull;
    k = 8;
  }
  for (; k < length; ++k) value = value * 10 + static_cast<uint64_t>(national[k] - '0');
  // The country code 1 ahead of the national digits: 10^length (3 to 10 digits).
  static constexpr uint64_t kPowersOfTen[11] = {
      1,         10,         100,         1'000,         10'000,        100'000,
      1'000'000, 10'000'000, 100'000'000, 1'000'000'000, 10'000'000'000};
  info = NumberInfo{};
  info.parsed = true;
  info.e164 = kPowersOfTen[length] + value;
  if (memo != nullptr) memo->extra = nullptr;
  if (memo != nullptr && length == 10 && nanp_->exchange_decides()) {
    nanp_->ClassifyTenDigits(std::string_view(national, 10), digits.exchange, info, *memo);
  } else {
    nanp_->Classify(std::string_view(national, static_cast<size_t>(length)), info);
  }
}

bool PhoneNumberClassifier::ClassifyFast(std::string_view raw, NumberInfo& info,
                                         ExchangeMemo* memo) const {
  const FastDigits digits = ReadFast(raw);
  if (digits.length < 0) return false;
  ClassifyRead(digits, info, memo);
  return true;
}

NumberInfo PhoneNumberClassifier::ClassifyWithLibrary(std::string_view raw) const {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  NumberInfo info;
  if (LongerThanAnyNumber(raw)) return info;
  PhoneNumber number;
  if (util.Parse(std::string(raw), default_region_, &number) != PhoneNumberUtil::NO_PARSING_ERROR)
    return info;
  info.parsed = true;
  std::string e164;
  util.Format(number, PhoneNumberUtil::E164, &e164);
  uint64_t value = 0;
  int digits = 0;
  for (char c : e164) {
    if (c < '0' || c > '9') continue;
    if (++digits > 19) {
      value = 0;  // does not fit; never valid (E.164 has at most 15 digits)
      break;
    }
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  info.e164 = value;
  info.valid = util.IsValidNumber(number);
  info.type = static_cast<PhoneNumberType>(util.GetNumberType(number));
  std::string region;
  util.GetRegionCodeForNumber(number, &region);
  if (region.size() == 2 || region.size() == 3)
    info.region = {region[0], region[1], region.size() == 3 ? region[2] : '\0', 0};
  return info;
}

void PreparePhoneNumberMetadata(bool lists) {
  PhoneNumberUtil::GetInstance();
  if (lists) SharedNanpMatcher();
}

NumberInfo PhoneNumberClassifier::Classify(std::string_view raw) const {
  return Classify(raw, nullptr);
}

NumberInfo PhoneNumberClassifier::Classify(std::string_view raw, ExchangeMemo* memo) const {
  return Classify(raw, ReadFast(raw), memo);
}

NumberInfo PhoneNumberClassifier::Classify(std::string_view raw, const FastDigits& digits,
                                           ExchangeMemo* memo) const {
  NumberInfo info;
  if (memo != nullptr) memo->extra = nullptr;
  if (digits.length == FastDigits::kTooLong) return info;
  if (digits.length >= 0) {
    ClassifyRead(digits, info, memo);
    return info;
  }
  return ClassifyWithLibrary(raw);
}

}  // namespace smslint
