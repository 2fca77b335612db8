#include "campaign/number_states.h"

#include <dlfcn.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "campaign/time_zones.h"

namespace smslint {
namespace {

// The layout of libphonenumber's generated geocoding data (geocoding_data.h, which
// Debian does not install), version 8.12.
struct CountryLanguages {
  const char** available_languages;
  const int available_languages_size;
};
struct PrefixDescriptions {
  const int32_t* prefixes;
  const int prefixes_size;
  const char** descriptions;
  const int32_t* possible_lengths;
  const int possible_lengths_size;
};

// The geocoding data's accessors (namespace i18n::phonenumbers), by mangled name.
constexpr char kPairs[] = "_ZN4i18n12phonenumbers30get_prefix_language_code_pairsEv";
constexpr char kPairsSize[] = "_ZN4i18n12phonenumbers35get_prefix_language_code_pairs_sizeEv";
constexpr char kDescriptions[] = "_ZN4i18n12phonenumbers23get_prefix_descriptionsEi";

// SMSLINT_GEOCODING_LIBRARY is the path CMake found; the soname comes first so a
// runtime without the -dev symlink still works.
const char* const kLibraries[] = {"libgeocoding.so.8",
#ifdef SMSLINT_GEOCODING_LIBRARY
                                  SMSLINT_GEOCODING_LIBRARY
#endif
};

// The table of "1_<language>" (or null).
const PrefixDescriptions* TableFor(void* library, std::string_view file) {
  auto pairs = reinterpret_cast<const char** (*)()>(dlsym(library, kPairs));
  auto pairs_size = reinterpret_cast<int (*)()>(dlsym(library, kPairsSize));
  auto descriptions =
      reinterpret_cast<const PrefixDescriptions* (*)(int)>(dlsym(library, kDescriptions));
  if (pairs == nullptr || pairs_size == nullptr || descriptions == nullptr) return nullptr;
  const char** names = pairs();
  const int size = pairs_size();
  for (int i = 0; i < size; ++i) {
    if (names[i] != nullptr && file == names[i]) return descriptions(i);
  }
  return nullptr;
}

}  // namespace

const NumberStates& NumberStates::Get() {
  static const NumberStates* states = new NumberStates();
  return *states;
}

NumberStates::NumberStates() {
  void* library = nullptr;
  for (const char* name : kLibraries) {
    // RTLD_NODELETE: the data stays mapped for the life of the process.
    library = dlopen(name, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (library != nullptr) break;
  }
  if (library == nullptr) return;
  // The geocoder, asked in English for the US, reads "1_en_US" when the data has
  // it and falls back to "1_en"; version 8.12 has only the latter, so anything
  // else is treated as unknown data (and the test against the geocoder fails).
  if (TableFor(library, "1_en_US") != nullptr) return;
  const PrefixDescriptions* table = TableFor(library, "1_en");
  if (table == nullptr || table->prefixes_size <= 0 || table->possible_lengths_size <= 0) return;
  prefixes_ = table->prefixes;
  prefixes_size_ = table->prefixes_size;
  descriptions_ = table->descriptions;
  lengths_ = table->possible_lengths;
  lengths_size_ = table->possible_lengths_size;
  max_prefix_digits_ = lengths_[lengths_size_ - 1];
  entry_state_ = std::make_unique<std::atomic<uint8_t>[]>(static_cast<size_t>(prefixes_size_));
}

// AreaCodeMap::Lookup and BinarySearch, step for step (including the narrowing of
// the search range from one prefix length to the next).
int NumberStates::Find(uint64_t e164) const {
  if (prefixes_ == nullptr) return -1;
  int64_t phone_prefix = static_cast<int64_t>(e164);
  int current_index = prefixes_size_ - 1;
  for (int l = lengths_size_ - 1; l >= 0; --l) {
    const int possible_length = lengths_[l];
    int digits = 0;
    for (int64_t v = phone_prefix; v > 0; v /= 10) ++digits;
    while (digits > possible_length) {
      phone_prefix /= 10;
      --digits;
    }
    int start = 0, end = current_index, current = 0;
    while (start <= end) {
      current = (start + end) / 2;
      const int32_t value = prefixes_[current];
      if (value == phone_prefix) break;
      if (value > phone_prefix) {
        --current;
        end = current;
      } else {
        start = current + 1;
      }
    }
    current_index = current;
    if (current_index < 0) return -1;
    if (phone_prefix == prefixes_[current_index]) return current_index;
  }
  return -1;
}

namespace {

// PhoneNumberOfflineGeocoder::GetRegionDisplayName in English.
std::string RegionName(const std::string& region) {
  if (region == "ZZ" || region == "001") return "";
  icu::UnicodeString display;
  icu::Locale("", region.c_str()).getDisplayCountry(icu::Locale("en", "US"), display);
  std::string out;
  display.toUTF8String(out);
  return out;
}

}  // namespace

// PhoneNumberOfflineGeocoder::GetCountryNameForNumber in English.
std::string NumberStates::CountryName(uint64_t e164) const {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  number.set_country_code(1);
  number.set_national_number(e164 - 10000000000ull);
  std::string region;
  util.GetRegionCodeForNumber(number, &region);
  return RegionName(region);
}

uint8_t NumberStates::RegionState(std::string_view region) const {
  const bool letters = region.size() == 2 && region[0] >= 'A' && region[0] <= 'Z' &&
                       region[1] >= 'A' && region[1] <= 'Z';
  if (!letters) return StateFromGeocoderDescription(RegionName(std::string(region)));
  std::atomic<uint8_t>& cached = region_state_[(region[0] - 'A') * 26 + (region[1] - 'A')];
  uint8_t state = cached.load(std::memory_order_relaxed);
  if (state == 0) {
    state = static_cast<uint8_t>(StateFromGeocoderDescription(RegionName(std::string(region))) + 1);
    cached.store(state, std::memory_order_relaxed);
  }
  return static_cast<uint8_t>(state - 1);
}

std::string NumberStates::DescriptionFor(uint64_t e164) const {
  if (e164 < 10000000000ull || e164 >= 20000000000ull) return "";
  const int entry = Find(e164);
  if (entry >= 0 && descriptions_[entry] != nullptr && descriptions_[entry][0] != '\0')
    return descriptions_[entry];
  return CountryName(e164);
}

uint8_t NumberStates::EntryState(int entry) const {
  std::atomic<uint8_t>& cached = entry_state_[static_cast<size_t>(entry)];
  uint8_t state = cached.load(std::memory_order_relaxed);
  if (state == 0) {
    state = static_cast<uint8_t>(StateFromGeocoderDescription(descriptions_[entry]) + 1);
    cached.store(state, std::memory_order_relaxed);
  }
  return static_cast<uint8_t>(state - 1);
}

uint8_t NumberStates::StateFor(uint64_t e164) const {
  if (e164 < 10000000000ull || e164 >= 20000000000ull) return 0;  // not +1 NXX NXX XXXX
  const int entry = Find(e164);
  if (entry < 0 || descriptions_[entry] == nullptr || descriptions_[entry][0] == '\0')
    return StateFromGeocoderDescription(CountryName(e164));
  return EntryState(entry);
}

uint8_t NumberStates::StateFor(uint64_t e164, std::string_view region) const {
  if (e164 < 10000000000ull || e164 >= 20000000000ull) return 0;
  const int entry = Find(e164);
  if (entry < 0 || descriptions_[entry] == nullptr || descriptions_[entry][0] == '\0')
    return RegionState(region);
  return EntryState(entry);
}

int NumberStates::ExchangeState(uint64_t e164) const {
  if (e164 < 10000000000ull || e164 >= 20000000000ull) return 0;
  if (max_prefix_digits_ > 7) return -1;
  const int entry = Find(e164);
  if (entry < 0 || descriptions_[entry] == nullptr || descriptions_[entry][0] == '\0') return -1;
  return EntryState(entry);
}

}  // namespace smslint
