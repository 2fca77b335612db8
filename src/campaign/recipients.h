// The recipients reader: a campaign's recipients file (or inline list) turned into
// a RecipientTable, normalised and stored compactly (one arena for field text,
// fixed-width columns for numbers, zone sets and states), plus the facts the data
// rules (checks/data_rules.h) judge. The reader reports no findings: input it
// cannot use at all is a Status error, everything else is a fact.
#ifndef SMSLINT_CAMPAIGN_RECIPIENTS_H_
#define SMSLINT_CAMPAIGN_RECIPIENTS_H_

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "campaign/campaign.h"
#include "campaign/recipients_csv.h"
#include "campaign/suppression.h"
#include "diag/pii.h"

namespace smslint {

// The text of one column's fields. An interned column keeps every row's value, as
// an index into its distinct values (a list repeats first names and cities: ten
// million rows take 4 bytes each, not their text). Any other column keeps the text
// of the rows a finding may quote only (RecipientTable::kept_rows).
// Value ids, one per row, each stored in the fewest bytes the largest id needs (1,
// 2 or 4): a column of a few hundred first names takes 1 byte a row.
class ValueIds {
 public:
  uint32_t operator[](size_t row) const {
    switch (width_) {
      case 1:
        return bytes_[row];
      case 2: {
        uint16_t v;
        std::memcpy(&v, bytes_.data() + row * 2, 2);
        return v;
      }
      default: {
        uint32_t v;
        std::memcpy(&v, bytes_.data() + row * 4, 4);
        return v;
      }
    }
  }
  void push_back(uint32_t id) { Append(&id, 1); }
  // push_back of each of ids[0, n), the column grown once (a resize per id was most
  // of the cost of interning a list's names).
  void Append(const uint32_t* ids, size_t n) {
    if (n == 0) return;
    const uint32_t most = *std::max_element(ids, ids + n);
    if (most >= Limit()) Widen(most);
    const size_t at = bytes_.size();
    bytes_.resize(at + n * width_);
    uint8_t* out = bytes_.data() + at;
    switch (width_) {
      case 1:
        for (size_t i = 0; i < n; ++i) out[i] = static_cast<uint8_t>(ids[i]);
        break;
      case 2:
        for (size_t i = 0; i < n; ++i) {
          const uint16_t v = static_cast<uint16_t>(ids[i]);
          std::memcpy(out + i * 2, &v, 2);
        }
        break;
      default:
        std::memcpy(out, ids, n * 4);
    }
  }
  size_t size() const { return bytes_.size() / width_; }
  void reserve(size_t rows) { bytes_.reserve(rows * width_); }
  void shrink_to_fit() { bytes_.shrink_to_fit(); }
  size_t width() const { return width_; }

 private:
  uint64_t Limit() const { return uint64_t{1} << (8 * width_); }
  void Widen(uint32_t id) {
    size_t width = width_;
    while (id >= (uint64_t{1} << (8 * width))) width *= 2;
    std::vector<uint8_t> wider;
    wider.reserve(bytes_.capacity() / width_ * width);  // the rows reserved, wider
    wider.resize(size() * width);
    for (size_t r = 0; r < size(); ++r) {
      const uint32_t v = (*this)[r];
      std::memcpy(wider.data() + r * width, &v, width);
    }
    bytes_ = std::move(wider);
    width_ = width;
  }
  size_t width_ = 1;
  std::vector<uint8_t> bytes_;
};

struct RecipientColumn {
  bool interned = false;
  ValueIds ids;                   // per row: index into the distinct values
  std::string values;             // the distinct values, back to back
  std::vector<uint32_t> ends{0};  // value i is values[ends[i] .. ends[i + 1])
  size_t distinct() const { return ends.size() - 1; }
  std::string_view Value(uint32_t id) const {
    return std::string_view(values).substr(ends[id], ends[id + 1] - ends[id]);
  }
};

// The source line of each row, stored as runs: rows whose line is their index plus
// the same offset (no blank line, quoted line break or skipped row between them)
// share one entry. A list of ten million rows usually takes one.
class RowLines {
 public:
  void push_back(uint32_t line) {
    const uint32_t row = static_cast<uint32_t>(size_);
    if (runs_.empty() || runs_.back().line + (row - runs_.back().row) != line)
      runs_.push_back({row, line});
    ++size_;
  }
  // push_back of each of lines[0, n): a stretch of consecutive lines is one check.
  void Append(const uint32_t* lines, size_t n) {
    for (size_t i = 0; i < n;) {
      push_back(lines[i]);
      size_t j = i + 1;
      while (j < n && lines[j] == lines[j - 1] + 1) ++j;
      size_ += j - i - 1;
      i = j;
    }
  }
  uint32_t operator[](size_t row) const {
    // Most lists are one run: the last run answers without a search.
    if (!runs_.empty() && row >= runs_.back().row)
      return runs_.back().line + static_cast<uint32_t>(row - runs_.back().row);
    auto it = std::upper_bound(runs_.begin(), runs_.end(), row,
                               [](size_t r, const Run& run) { return r < run.row; });
    --it;
    return it->line + static_cast<uint32_t>(row - it->row);
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  size_t runs() const { return runs_.size(); }
  std::vector<uint32_t> ToVector() const {
    std::vector<uint32_t> out;
    out.reserve(size_);
    for (size_t r = 0; r < size_; ++r) out.push_back((*this)[r]);
    return out;
  }

 private:
  struct Run {
    uint32_t row;   // first row of the run
    uint32_t line;  // its line
  };
  std::vector<Run> runs_;
  size_t size_ = 0;
};

struct RecipientTable {
  // Header of the CSV (or {"phone"} for an inline list), in file order.
  std::vector<std::string> columns;
  int phone_column = 0;

  // One entry per data row, in file order.
  std::vector<uint64_t> e164;      // digits of the E.164 number (12125550142); 0 if invalid
  std::vector<uint16_t> zone_set;  // index into `zone_sets`
  std::vector<uint8_t> state;      // index into `states` (0 = unknown): column, else number
  // The state the number's area code and exchange belong to (libphonenumber's
  // geocoder), kept beside a `state` column's value: a recipient may live in one
  // state with a number from another, and quiet hours apply the stricter of both.
  std::vector<uint8_t> number_state;  // index into `states` (0 = unknown)
  RowLines source_line;               // 1-based line in the CSV (or campaign file for lists)
  std::vector<uint8_t> flags;         // RecipientFlag bits

  // The candidate IANA zones of a recipient: one from the `timezone` column, else
  // every zone the number's prefix maps to (zones the tz database does not know
  // left out). zone_sets[0] is {}: no zone known. Which candidate quiet hours use
  // is the simulator's decision (sim/recipient_zones.h).
  std::vector<std::vector<std::string>> zone_sets;
  std::vector<std::string> states;  // states[0] = "" (unknown); else "NY", "ON", ...

  // Field text, one entry per column (empty: no field text kept at all). The
  // loader interns the columns a template's placeholder or the simulation reads
  // (InternedColumns); the text of the other columns is kept for the rows flagged
  // kRecipientKeepText, the rows a data finding quotes: kept_rows (ascending), and
  // their fields row by row, kept_text[kept_offsets[k * columns.size() + c] ..
  // kept_offsets[k * columns.size() + c + 1]) for the k-th kept row.
  std::vector<RecipientColumn> fields;
  std::vector<uint32_t> kept_rows;
  std::string kept_text;
  std::vector<uint32_t> kept_offsets{0};

  size_t size() const { return e164.size(); }
  // The text of row `row`, column `column`: "" for a column that is not interned
  // when the row is not a kept row.
  std::string_view Field(size_t row, size_t column) const;
  int ColumnIndex(std::string_view name) const {
    for (size_t i = 0; i < columns.size(); ++i)
      if (columns[i] == name) return static_cast<int>(i);
    return -1;
  }
  // A table of the rows `rows` (ascending) of this one, with their fields.
  RecipientTable Subset(const std::vector<uint32_t>& rows) const;
  // Drops the interned values of every column but `keep` (once the rendered checks
  // are done, the simulation reads the `carrier` column only): Field() then answers
  // for those columns from the kept rows' text, "" elsewhere.
  void DropInternedExcept(std::string_view keep);
};

// The column that names a recipient's carrier (the simulation reads it).
inline constexpr std::string_view kCarrierColumn = "carrier";

enum RecipientFlag : uint8_t {
  kRecipientInvalid = 1 << 0,      // not a valid number: never sent
  kRecipientDuplicate = 1 << 1,    // a later copy of an earlier row: never sent
  kRecipientSuppressed = 1 << 2,   // on the suppression list: never sent
  kRecipientNoConsent = 1 << 3,    // opted_in_at missing or invalid
  kRecipientZoneGuessed = 1 << 4,  // zone from the number's prefix, several candidates
  kRecipientBadTimezone = 1 << 5,  // `timezone` value is not an IANA zone
  kRecipientBadState = 1 << 6,     // `state` value is not a state or province code
};

// The rows whose every field's text is kept (a data finding may quote them).
inline constexpr uint8_t kRecipientKeepText =
    kRecipientInvalid | kRecipientNoConsent | kRecipientBadTimezone | kRecipientBadState;

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
  size_t rows = 0;            // data rows read into the table
  size_t malformed_rows = 0;  // rows skipped as malformed (not in the table)
  size_t sendable = 0;        // IsSendable
  size_t invalid = 0;
  size_t duplicate = 0;     // later copies
  size_t suppressed = 0;    // valid numbers on the suppression list
  size_t no_consent = 0;    // neither invalid nor a duplicate, without consent
  size_t non_mobile = 0;    // valid, not a duplicate, IsNonMobileType
  size_t zone_guessed = 0;  // zone from a prefix with several candidates
  size_t zone_unknown = 0;  // valid, no zone from column or number
  size_t state_known = 0;
  bool consent_column = false;
};

// What the reader saw that is not in the table: where the recipients come from,
// what was wrong with the CSV itself, and per-row facts the data rules need.
struct RecipientFacts {
  enum class Origin { kNone, kFile, kList };
  Origin origin = Origin::kNone;
  std::string file;                 // recipients.file as written
  std::string csv_display;          // the CSV path as the user sees it
  Position anchor;                  // recipients.file value (or recipients:) in the campaign file
  std::string country;              // numbers are read for this country ("US" by default)
  std::string suppression_display;  // suppression file as shown; "" without one
  // What was and was not read from the suppression file (set when it was read).
  bool suppression_read = false;
  SuppressionReport suppression;

  // The header row, when it makes the file unusable (no rows are read then).
  enum class HeaderProblem { kNone, kEmpty, kUnterminated, kNotUtf8, kNoPhoneColumn };
  HeaderProblem header_problem = HeaderProblem::kNone;
  std::vector<std::string> header_columns;  // the columns found (kNoPhoneColumn)

  // True when every row was read and classified (RecipientLoadMode::kFull and a
  // usable header): the row facts below and the table's rows are filled.
  bool rows_read = false;
  std::vector<CsvRowIssue> malformed_rows;  // skipped rows, in file order
  int consent_column = -1;                  // opted_in_at
  int timezone_column = -1;
  int state_column = -1;
  std::vector<uint8_t> number_type;  // per row: PhoneNumberType of a valid number
};

struct RecipientLoadResult {
  RecipientTable table;
  RecipientFacts facts;
  RecipientStats stats;
  std::vector<std::string> files_read;  // the recipients and suppression files opened
};

// Reads `recipients.file` (relative to campaign.dir) or `recipients.list`.
// A recipients or suppression file that cannot be read (missing, a directory,
// unreadable) is a Status error "campaign.yaml:line:col: error: ..." at the
// `file:` value (exit 2). So is one that, symbolic links resolved, lies outside
// the campaign file's directory tree and outside every `allow_outside` directory,
// one under /proc or /sys, and anything but a regular file (a campaign file is
// untrusted: it must not make smslint read the runner's secrets or block on a FIFO). A file without
// a header row or without a `phone` column is a HeaderProblem and an empty table. With neither file
// nor list, the table is empty (the loader reports it). Under kHeaderOnly the
// suppression file is opened, not read, where kFull would read it (a usable header,
// or an inline list): the same path errors.
absl::StatusOr<RecipientLoadResult> LoadRecipients(
    const Campaign& campaign, RecipientLoadMode mode,
    const std::vector<std::string>& allow_outside = {});

// Per column of `columns`: whether the loader interns it (every row's value kept),
// because a template's placeholder or the simulation reads it.
std::vector<bool> InternedColumns(const Campaign& campaign,
                                  const std::vector<std::string>& columns);

// Column `column` with every row's value id: the table's own when the column is
// interned, else `scratch`, filled now (a table built by hand, in tests).
const RecipientColumn& InternedColumn(const RecipientTable& table, size_t column,
                                      RecipientColumn& scratch);

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
