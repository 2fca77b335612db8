// RFC 4180 CSV reading for recipient lists: quoted commas, doubled quotes and
// quoted newlines; UTF-8 with or without BOM; CRLF, LF or CR line ends. Rows are
// stored straight into a RecipientTable's arena; a malformed row is skipped and
// reported with its line, and the rest of the file is still read.
#ifndef SMSLINT_CAMPAIGN_RECIPIENTS_CSV_H_
#define SMSLINT_CAMPAIGN_RECIPIENTS_CSV_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace smslint {

struct RecipientTable;

enum class CsvProblem : uint8_t {
  kWrongFieldCount,  // more or fewer fields than the header
  kInvalidUtf8,
  kNulByte,
  kRowTooLong,         // longer than the row limit: skipped to the next line end
  kUnterminatedQuote,  // a quote opened and never closed: the rest of the file is lost
};

std::string_view CsvProblemText(CsvProblem problem);

struct CsvRowIssue {
  uint32_t line = 0;  // 1-based line where the row starts
  CsvProblem problem = CsvProblem::kWrongFieldCount;
  uint32_t fields = 0;  // fields found (kWrongFieldCount)
};

// Rows longer than this are findings, not recipients: no real row is near it, and
// it bounds the work a single line can cause.
inline constexpr size_t kMaxCsvRowBytes = 1u << 20;

// A recipients header with more columns than this makes the file unusable (exit 2
// at the `file:` value): no real export is near it, and the table stores every
// field of every row.
inline constexpr size_t kMaxCsvColumns = 1000;

struct CsvHeader {
  std::vector<std::string> columns;  // trimmed names, in file order
  size_t data_offset = 0;            // byte offset of the first data row
  uint32_t data_line = 2;            // line number of the first data row
  bool found = false;                // false: the input has no header row
  bool complete = true;              // false: the header row did not end within the input
  bool valid_utf8 = true;
  char delimiter = ',';  // the field separator the rows are read with
};

// Reads the header row (skipping a UTF-8 BOM and blank lines), fields separated by
// `delimiter` (',' for recipients; the suppression reader also takes ';' and tab).
CsvHeader ParseCsvHeader(std::string_view bytes, char delimiter = ',');

// Reads every data row from header.data_offset on. Rows whose field count is the
// header's are appended to `table` (arena, offsets, source_line); the others are
// listed in `issues`. Blank lines are skipped.
// `consumed`, when set, is called now and then with the offset below which the
// input will not be read again (so a mapped file's pages can be released).
void ParseCsvRows(std::string_view bytes, const CsvHeader& header, RecipientTable& table,
                  std::vector<CsvRowIssue>& issues, size_t max_row_bytes = kMaxCsvRowBytes,
                  const std::function<void(size_t)>& consumed = nullptr);

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_RECIPIENTS_CSV_H_
