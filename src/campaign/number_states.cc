#include "campaign/number_states.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "campaign/geocoding_table.h"
#include "campaign/time_zones.h"

namespace smslint {

const NumberStates& NumberStates::Get() {
  static const NumberStates* states = new NumberStates();
  return *states;
}

NumberStates::NumberStates() {
  namespace table = geocoding_table;
  if (table::kPrefixCount <= 0 || table::kLengthCount <= 0) return;
  prefixes_ = table::kPrefixes;
  prefixes_size_ = table::kPrefixCount;
  lengths_ = table::kLengths;
  lengths_size_ = table::kLengthCount;
  max_prefix_digits_ = lengths_[lengths_size_ - 1];
  entry_state_ = std::make_unique<std::atomic<uint8_t>[]>(static_cast<size_t>(prefixes_size_));
}

const char* NumberStates::Description(int entry) const {
  return geocoding_table::kDescriptionText +
         geocoding_table::kDescriptionStart[geocoding_table::kDescriptionOf[entry]];
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
  if (entry >= 0 && Description(entry)[0] != '\0') return Description(entry);
  return CountryName(e164);
}

uint8_t NumberStates::EntryState(int entry) const {
  std::atomic<uint8_t>& cached = entry_state_[static_cast<size_t>(entry)];
  uint8_t state = cached.load(std::memory_order_relaxed);
  if (state == 0) {
    state = static_cast<uint8_t>(StateFromGeocoderDescription(Description(entry)) + 1);
    cached.store(state, std::memory_order_relaxed);
  }
  return static_cast<uint8_t>(state - 1);
}

uint8_t NumberStates::StateFor(uint64_t e164) const {
  if (e164 < 10000000000ull || e164 >= 20000000000ull) return 0;  // not +1 NXX NXX XXXX
  const int entry = Find(e164);
  if (entry < 0 || Description(entry)[0] == '\0')
    return StateFromGeocoderDescription(CountryName(e164));
  return EntryState(entry);
}

uint8_t NumberStates::StateFor(uint64_t e164, std::string_view region) const {
  if (e164 < 10000000000ull || e164 >= 20000000000ull) return 0;
  const int entry = Find(e164);
  if (entry < 0 || Description(entry)[0] == '\0') return RegionState(region);
  return EntryState(entry);
}

int NumberStates::ExchangeState(uint64_t e164) const {
  if (e164 < 10000000000ull || e164 >= 20000000000ull) return 0;
  if (max_prefix_digits_ > 7) return kByNumber;
  const int entry = Find(e164);
  if (entry < 0 || Description(entry)[0] == '\0') return kByRegion;
  return EntryState(entry);
}

}  // namespace smslint
