// The suppression list: numbers that opted out and must never be texted.
//
// A list that cannot be read suppresses nothing, so the reader says what it could
// not read (SuppressionReport) instead of skipping it: the data rule
// data/unreadable-suppression turns that into a finding.
#ifndef SMSLINT_CAMPAIGN_SUPPRESSION_H_
#define SMSLINT_CAMPAIGN_SUPPRESSION_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "campaign/phone_numbers.h"

namespace smslint {

// Why one entry (a line, or a CSV row) gave no number.
enum class SuppressionEntryProblem : uint8_t {
  kNotANumber,  // the text is not a valid phone number
  kWrongFieldCount,
  kInvalidUtf8,
  kNulByte,
  kTooLong,
  kUnterminatedQuote,  // the rest of the file is lost
};
std::string_view SuppressionEntryProblemText(SuppressionEntryProblem problem);

struct SuppressionEntryIssue {
  uint32_t line = 0;  // 1-based, in the file
  SuppressionEntryProblem problem = SuppressionEntryProblem::kNotANumber;
};

// Why the file as a whole gave no usable layout.
enum class SuppressionFileProblem : uint8_t {
  kNone,
  kEmpty,             // no entries (blank lines and '#' comments only)
  kNoPhoneColumn,     // a delimited header without a phone column, no number in line 1
  kHeaderUnreadable,  // the first line never ends, or is not UTF-8
};

struct SuppressionReport {
  enum class Encoding : uint8_t { kUtf8, kUtf8Bom, kUtf16Le, kUtf16Be };
  Encoding encoding = Encoding::kUtf8;
  char delimiter = 0;     // ',', ';' or '\t' for a CSV; 0 for one number a line
  int phone_column = -1;  // 0-based column of a CSV
  size_t entries = 0;     // non-blank entries read
  size_t numbers = 0;     // entries that are valid numbers
  SuppressionFileProblem file_problem = SuppressionFileProblem::kNone;
  std::vector<SuppressionEntryIssue> issues;  // entries that gave no number, in file order
};

struct SuppressionList {
  absl::flat_hash_set<uint64_t> numbers;  // E.164 digits of every valid entry
  SuppressionReport report;
};

// Reads a suppression file: one number a line ('#' comments and blank lines
// skipped; a first line without digits is a title), or a CSV with a header row.
//  - Encoding: UTF-8 with or without BOM; UTF-16 LE or BE with a BOM (Excel's
//    "Unicode text") is decoded to UTF-8 first.
//  - Delimiter: ',', ';' or tab, whichever the first line holds most of.
//  - Phone column: the header names are compared ignoring case, spaces, '_', '-'
//    and '.': phone, phone number, mobile, msisdn, number, cell, tel, ... A header
//    without one whose first line holds a valid number is read without a header,
//    from that column.
SuppressionList ParseSuppressionList(std::string_view bytes,
                                     const PhoneNumberClassifier& classifier);

// The text of UTF-16 `bytes` (no BOM) as UTF-8; unpaired surrogates become U+FFFD.
std::string Utf16ToUtf8(std::string_view bytes, bool big_endian);

// True for a header name that means "the phone number" (see ParseSuppressionList).
bool IsPhoneColumnName(std::string_view name);

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_SUPPRESSION_H_
