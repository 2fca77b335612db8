// The state or province of a North American number, as libphonenumber's offline
// geocoder names it in English ("New York, NY" -> NY), answered from the
// geocoder's own prefix table instead of through PhoneNumberOfflineGeocoder.
//
// Why not the geocoder class: libgeocoding holds its tables as arrays of pointers,
// about 450,000 relocations that the dynamic loader applies whenever it is opened
// (some 30 ms of CPU), and each call costs microseconds of locale and file-name
// lookups. The build reads its +1 table into the binary (geocoding_table.h), which
// is searched the way AreaCodeMap::Lookup searches it.
// tests/campaign/number_states_test.cc checks the answers against the geocoder
// itself for every area code and exchange.
#ifndef SMSLINT_CAMPAIGN_NUMBER_STATES_H_
#define SMSLINT_CAMPAIGN_NUMBER_STATES_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace smslint {

class NumberStates {
 public:
  // The process-wide instance.
  static const NumberStates& Get();

  // Index into StateCodes() of a valid +1 number (E.164 digits, 1NXXNXXXXXX);
  // 0 when the geocoder names no state, or for other numbers. Thread-safe.
  uint8_t StateFor(uint64_t e164) const;
  // The same, given the number's region (PhoneNumberUtil::GetRegionCodeForNumber,
  // NumberInfo::region), which saves looking it up again for numbers no prefix names.
  uint8_t StateFor(uint64_t e164, std::string_view region) const;

  // StateFor(e164) when it is the same for every number of e164's area code and
  // exchange (a listed prefix of at most 7 digits names it); kByRegion when the
  // table's prefixes are at most 7 digits and none names the exchange: then the
  // answer is StateForRegion of the number's region (the geocoder gives the
  // country's name); else kByNumber (longer prefixes: StateFor must be asked).
  static constexpr int kByRegion = -2;
  static constexpr int kByNumber = -1;
  int ExchangeState(uint64_t e164) const;
  // The state of a number no table prefix names, from its region
  // (PhoneNumberUtil::GetRegionCodeForNumber, "PR" -> Puerto Rico).
  uint8_t StateForRegion(std::string_view region) const { return RegionState(region); }

  // The geocoder's English description of a valid +1 number ("" when none); for tests.
  std::string DescriptionFor(uint64_t e164) const;

  // Longest prefix in the table, in digits (country code included): when it is at
  // most 7, the answer depends on the area code and exchange only.
  int max_prefix_digits() const { return max_prefix_digits_; }

  // False when the build found no English table for +1 (it fails the build; kept
  // for a table that is empty): StateFor then answers 0.
  bool loaded() const { return prefixes_ != nullptr; }

  NumberStates(const NumberStates&) = delete;
  NumberStates& operator=(const NumberStates&) = delete;

 private:
  NumberStates();
  // Index of the table entry for the number's longest listed prefix, or -1.
  int Find(uint64_t e164) const;
  // What the geocoder says when no prefix matches: the country's name.
  std::string CountryName(uint64_t e164) const;
  // StateFromGeocoderDescription of a region's English name ("Puerto Rico").
  uint8_t RegionState(std::string_view region) const;
  // The state a table entry's description names.
  uint8_t EntryState(int entry) const;
  // A table entry's description ("" when the library names no place).
  const char* Description(int entry) const;

  const int32_t* prefixes_ = nullptr;  // ascending
  int prefixes_size_ = 0;
  const int32_t* lengths_ = nullptr;  // ascending prefix lengths in digits
  int lengths_size_ = 0;
  int max_prefix_digits_ = 0;
  // Per table entry: StateFromGeocoderDescription of its description + 1; 0 until
  // first asked (every thread computes the same value, so relaxed order is enough).
  std::unique_ptr<std::atomic<uint8_t>[]> entry_state_;
  // Per two-letter region (26 x 26): RegionState + 1, 0 until first asked.
  mutable std::atomic<uint8_t> region_state_[26 * 26] = {};
};

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_NUMBER_STATES_H_
