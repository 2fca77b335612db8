// The suppression list: numbers that opted out and must never be texted.
#ifndef SMSLINT_CAMPAIGN_SUPPRESSION_H_
#define SMSLINT_CAMPAIGN_SUPPRESSION_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "campaign/phone_numbers.h"

namespace smslint {

struct SuppressionList {
  absl::flat_hash_set<uint64_t> numbers;  // E.164 digits of every valid entry
  size_t entries = 0;                     // non-blank entries read
  size_t unreadable = 0;                  // entries that are not valid numbers
};

// One number a line ('#' comments and blank lines skipped), or a CSV whose header
// has a `phone` column (detected by a first line that holds a comma or is "phone").
SuppressionList ParseSuppressionList(std::string_view text,
                                     const PhoneNumberClassifier& classifier);

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_SUPPRESSION_H_
