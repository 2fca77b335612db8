// Phone numbers: libphonenumber's answers (parse, validity, number type, region),
// with an exact fast path for North American numbers so a million rows take
// milliseconds instead of the library's ~13 µs per number.
#ifndef SMSLINT_CAMPAIGN_PHONE_NUMBERS_H_
#define SMSLINT_CAMPAIGN_PHONE_NUMBERS_H_

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace smslint {

// libphonenumber's PhoneNumberUtil::PhoneNumberType: the same names and values
// (checked in phone_numbers.cc), so that this header, included by most of the
// code, need not include the library's (over a second of compile time each).
enum class PhoneNumberType : uint8_t {
  FIXED_LINE,
  MOBILE,
  FIXED_LINE_OR_MOBILE,
  TOLL_FREE,
  PREMIUM_RATE,
  SHARED_COST,
  VOIP,
  PERSONAL_NUMBER,
  PAGER,
  UAN,
  VOICEMAIL,
  UNKNOWN,
};

// What the library says about one number as written.
struct NumberInfo {
  bool parsed = false;  // PhoneNumberUtil::Parse succeeded
  bool valid = false;   // PhoneNumberUtil::IsValidNumber
  uint64_t e164 = 0;    // E.164 digits ("+12125550142" -> 12125550142) when parsed
  PhoneNumberType type = PhoneNumberType::UNKNOWN;  // GetNumberType
  std::array<char, 4> region = {'Z', 'Z', 0, 0};    // GetRegionCodeForNumber ("001" fits)

  bool operator==(const NumberInfo&) const = default;
};

// The longest field read as a phone number: E.164's 15 digits with spaces, dashes,
// brackets and an extension fit well inside it. A longer field is no number, and is
// never handed to libphonenumber, whose ICU regexes take quadratic time in the
// field's length (a 40,000-digit field took 14 s).
inline constexpr size_t kMaxPhoneFieldBytes = 64;
inline constexpr int kMaxPhoneFieldDigits = 24;
// True when `raw` is longer (in bytes or ASCII digits) than any phone number.
bool LongerThanAnyNumber(std::string_view raw);

// The number types data/non-mobile-number reports: the library is sure the
// number cannot take a text (FIXED_LINE_OR_MOBILE, VOIP, PERSONAL_NUMBER and
// UNKNOWN are not sure).
bool IsNonMobileType(PhoneNumberType type);
std::string_view NumberTypeName(PhoneNumberType type);  // "fixed line", "toll free", ...

class NanpMatcher;

// Classifies numbers for one default region. Immutable after construction, so one
// instance may be shared by threads.
class PhoneNumberClassifier {
 public:
  // How many numbers an instance is for. kMany (a recipient or suppression list)
  // reads North American numbers through a table built once per process from
  // libphonenumber's patterns (some 10 ms of RE2 compilation, repaid within a few
  // thousand numbers); kFew (a campaign's senders) asks libphonenumber each time.
  // The answers are the same (tests/campaign/phone_fast_path_test.cc).
  enum class Volume { kFew, kMany };
  // `default_region`: ISO 3166-1 alpha-2 ("US"); numbers without "+" are read as
  // national numbers of this region.
  explicit PhoneNumberClassifier(std::string_view default_region, Volume volume = Volume::kMany);
  ~PhoneNumberClassifier();
  PhoneNumberClassifier(const PhoneNumberClassifier&) = delete;
  PhoneNumberClassifier& operator=(const PhoneNumberClassifier&) = delete;

  // The library's answers, from the fast path when it applies, else from the library.
  NumberInfo Classify(std::string_view raw) const;

  // A memory of the fast path's answers per area code and exchange, for callers that
  // classify many numbers: lists repeat exchanges, and when every NANP pattern
  // leaves a number's last four digits free (checked once per process) the answer
  // depends on the exchange alone. The slots may be shared by several threads'
  // memos (one list read on every core): each slot is read and written whole through
  // std::atomic_ref, and two threads that both find it empty store the same answer.
  struct ExchangeMemo {
    struct Slot {
      uint32_t answer = 0;  // the classifier's, 0 until known
      uint32_t extra = 0;   // the caller's, 0 until it stores something
    };
    // Per area code (the first three digits), its 1,000 exchanges, allocated when
    // the area code is first met: a list touches a few hundred area codes, and a
    // small table stays in cache where one slot per exchange (8 MB) did not.
    class Table {
     public:
      Table() = default;
      Table(const Table&) = delete;
      Table& operator=(const Table&) = delete;
      ~Table() {
        for (std::atomic<Slot*>& area : areas_) delete[] area.load(std::memory_order_relaxed);
      }
      Slot& At(uint32_t exchange) {
        std::atomic<Slot*>& cell = areas_[exchange / 1000];
        Slot* area = cell.load(std::memory_order_acquire);
        if (area == nullptr) {
          Slot* fresh = new Slot[1000]();
          if (cell.compare_exchange_strong(area, fresh, std::memory_order_acq_rel)) {
            area = fresh;
          } else {
            delete[] fresh;  // another thread's came first
          }
        }
        return area[exchange % 1000];
      }

     private:
      std::array<std::atomic<Slot*>, 1000> areas_{};
    };
    ExchangeMemo() : table(std::make_shared<Table>()) {}
    // A memo sharing `shared`'s slots.
    explicit ExchangeMemo(std::shared_ptr<Table> shared) : table(std::move(shared)) {}
    Slot& At(uint32_t exchange) { return table->At(exchange); }
    static uint32_t Load(uint32_t& v) {
      return std::atomic_ref<uint32_t>(v).load(std::memory_order_relaxed);
    }
    static void Store(uint32_t& v, uint32_t value) {
      std::atomic_ref<uint32_t>(v).store(value, std::memory_order_relaxed);
    }
    std::shared_ptr<Table> table;
    // After Classify: the caller's 32 bits for the number's exchange (kept beside
    // the answer, one memory access per number; Load and Store it), or null when the
    // number was not answered per exchange.
    uint32_t* extra = nullptr;
  };
  NumberInfo Classify(std::string_view raw, ExchangeMemo* memo) const;
  // True when ExchangeMemo is used (the metadata has the shape it needs).
  bool exchange_memo_usable() const;

  // The library's answers straight from the library (the reference for tests).
  NumberInfo ClassifyWithLibrary(std::string_view raw) const;

  // The fast path alone: false when `raw` is not a shape it reads (then Classify
  // asks the library) or longer than any number (then it is none).
  bool ClassifyFast(std::string_view raw, NumberInfo& info, ExchangeMemo* memo = nullptr) const;

  // A number's digits as the fast path reads them, read once by a caller that looks
  // at numbers ahead (to fetch their memo slots) and classifies them later.
  struct FastDigits {
    std::array<char, 10> national{};        // the national significant number's digits
    int8_t length = kNotFast;               // how many, or:
    static constexpr int8_t kNotFast = -1;  // not a shape the fast path reads
    static constexpr int8_t kTooLong = -2;  // longer than any number: not one
    uint32_t exchange = 0;                  // with ten digits: the first six's value
    // The memo's key for it (area code and exchange), when it has ten digits.
    bool ExchangeKey(uint32_t& key) const {
      key = exchange;
      return length == 10;
    }
  };
  FastDigits ReadFast(std::string_view raw) const;
  // Classify(raw, memo), from `digits` = ReadFast(raw).
  NumberInfo Classify(std::string_view raw, const FastDigits& digits, ExchangeMemo* memo) const;

  const std::string& default_region() const { return default_region_; }

 private:
  // The fast path's answer from digits ReadFast found (length >= 0).
  void ClassifyRead(const FastDigits& digits, NumberInfo& info, ExchangeMemo* memo) const;

  std::string default_region_;
  bool default_is_nanp_ = false;
  const NanpMatcher* nanp_ = nullptr;  // shared, built once per process
};

// E.164 digits as text: 12125550142 -> "+12125550142".
std::string E164Text(uint64_t e164);

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_PHONE_NUMBERS_H_
