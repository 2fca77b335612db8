// libphonenumber's English geocoding table for +1 numbers, as the build read it
// from libgeocoding (src/campaign/geocoding_table_gen.cc writes the arrays).
#ifndef SMSLINT_CAMPAIGN_GEOCODING_TABLE_H_
#define SMSLINT_CAMPAIGN_GEOCODING_TABLE_H_

#include <cstdint>

namespace smslint::geocoding_table {

// kPrefixCount prefixes (country code included), ascending, and the number of each
// one's description.
extern const int kPrefixCount;
extern const int32_t kPrefixes[];
extern const uint16_t kDescriptionOf[];
// The prefixes' lengths in digits, ascending.
extern const int kLengthCount;
extern const int32_t kLengths[];
// Description d is the NUL-terminated text at kDescriptionText + kDescriptionStart[d];
// description 0 is "" (the library names no place).
extern const char kDescriptionText[];
extern const uint32_t kDescriptionStart[];

}  // namespace smslint::geocoding_table

#endif  // SMSLINT_CAMPAIGN_GEOCODING_TABLE_H_
