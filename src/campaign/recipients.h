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
#include "diag/pii.h"
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

// Recipients that are never sent to: invalid, a later duplicate, or suppressed.
inline constexpr uint8_t kRecipientNotSent =
    kRecipientInvalid | kRecipientDuplicate | kRecipientSuppressed;
inline bool IsSendable(uint8_t flags) { return (flags & kRecipientNotSent) == 0; }

// True for an ISO 8601 calendar date or date-time: 2024-03-01, 2024-03-01T09:30,
// 2024-03-01 09:30:15.250Z, 2024-03-01T09:30:15+01:00 (the consent column).
bool IsIsoDateOrDateTime(std::string_view text);

enum class RecipientLoadMode {
  kHeaderOnly,  // the CSV header only: column names for placeholders (`lint`)
  kFull,        // every row, numbers, consent, suppression, zones (`check`)
};

// Counts for the report.
struct RecipientStats {
  size_t rows = 0;           // data rows read into the table
  size_t malformed_rows = 0; // rows skipped as malformed (not in the table)
  size_t sendable = 0;       // IsSendable
  size_t invalid = 0;
  size_t duplicate = 0;
  size_t suppressed = 0;
  size_t no_consent = 0;
  size_t non_mobile = 0;
  size_t zone_guessed = 0;   // zone chosen among several candidates
  size_t zone_unknown = 0;   // no zone from column or number: schedule zone used
  size_t state_known = 0;
  bool consent_column = false;
};

struct RecipientLoadResult {
  RecipientTable table;
  std::vector<Diagnostic> diagnostics;  // data/*, and schema/* about the CSV itself
  RecipientStats stats;
};

// Reads `recipients.file` (relative to campaign.dir) or `recipients.list`.
// A recipients or suppression file that cannot be read (missing, a directory,
// unreadable) is a Status error "campaign.yaml:line:col: error: ..." at the
// `file:` value (exit 2). A file without a header row or without a `phone`
// column is a schema/missing-field finding and an empty table. With neither file
// nor list, the table is empty and there are no findings (the loader reports it).
absl::StatusOr<RecipientLoadResult> LoadRecipients(const Campaign& campaign,
                                                   RecipientLoadMode mode, bool show_pii);

// data/invalid-number for sender numbers libphonenumber does not accept as valid
// (senders belong to the business and are shown unmasked).
std::vector<Diagnostic> CheckSenders(const Campaign& campaign);

// Renders every template for every sendable recipient: content/empty-placeholder,
// content/segment-count (over `max_segments`) and content/ucs2-character (a
// recipient's field value forces UCS-2 where the template text alone does not).
// One finding per template and rule, with counts and masked examples.
std::vector<Diagnostic> CheckRenderedMessages(const Campaign& campaign,
                                              const RecipientTable& table, bool show_pii,
                                              int max_segments);

class RuleCatalog;
// RuleInfo for data/* rules and content/empty-placeholder.
void AddDataRules(RuleCatalog& catalog);

// The byte ranges of the inline recipients list items in campaign.source, with
// each item's number when it is valid, for MaskInlineRecipients (diag/pii.h).
std::vector<SourceRange> InlineRecipientRanges(const Campaign& campaign);

// The CSV path as the user would see it: the campaign file's directory as given
// plus the relative path.
std::string RecipientsDisplayPath(const Campaign& campaign, const std::string& file);
// The path to open: campaign.dir plus the relative path.
std::string RecipientsOpenPath(const Campaign& campaign, const std::string& file);

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_RECIPIENTS_H_
