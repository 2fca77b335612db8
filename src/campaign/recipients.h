// RecipientTable: the recipients of a campaign, normalised and stored compactly
// (one arena for field text, fixed-width columns for numbers, zones and states).
#ifndef SMSLINT_CAMPAIGN_RECIPIENTS_H_
#define SMSLINT_CAMPAIGN_RECIPIENTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "campaign/campaign.h"
#include "lint/diagnostic.h"

namespace smslint {

struct RecipientTable {
  // Header of the CSV (or {"phone"} for an inline list), in file order.
  std::vector<std::string> columns;
  int phone_column = 0;

  // One entry per data row, in file order.
  std::vector<uint64_t> e164;         // digits of the E.164 number (12125550142); 0 if invalid
  std::vector<uint16_t> zone;         // index into `zones`
  std::vector<uint8_t> state;         // index into `states` (0 = unknown)
  std::vector<uint32_t> source_line;  // 1-based line in the CSV (or campaign file for lists)
  std::vector<uint8_t> flags;         // RecipientFlag bits

  std::vector<std::string> zones;   // IANA names; zones[0] is the campaign's schedule zone
  std::vector<std::string> states;  // states[0] = "" (unknown); else "NY", "ON", ...

  // Field text: row r, column c is arena[offsets[r*columns.size()+c] ..
  // offsets[r*columns.size()+c+1]).
  std::string arena;
  std::vector<uint32_t> offsets;

  size_t size() const { return e164.size(); }
  std::string_view Field(size_t row, size_t column) const {
    size_t i = row * columns.size() + column;
    return std::string_view(arena).substr(offsets[i], offsets[i + 1] - offsets[i]);
  }
  int ColumnIndex(std::string_view name) const {
    for (size_t i = 0; i < columns.size(); ++i)
      if (columns[i] == name) return static_cast<int>(i);
    return -1;
  }
};

enum RecipientFlag : uint8_t {
  kRecipientInvalid = 1 << 0,     // not a valid number: never sent
  kRecipientDuplicate = 1 << 1,   // a later copy of an earlier row: never sent
  kRecipientSuppressed = 1 << 2,  // on the suppression list: never sent
  kRecipientNoConsent = 1 << 3,   // opted_in_at missing or invalid
  kRecipientZoneGuessed = 1 << 4, // zone from the number's prefix with several candidates
};

// "+1212•••0142": country code and first three national digits, then the last four.
std::string MaskNumber(uint64_t e164_digits);
std::string MaskNumber(std::string_view e164_text);

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_RECIPIENTS_H_
