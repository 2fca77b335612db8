// RFC 4180 CSV reading for recipient lists: quoted commas, doubled quotes and
// quoted newlines; UTF-8 with or without BOM; CRLF, LF or CR line ends. Rows are
// read a block at a time into a CsvRows buffer; a malformed row is skipped and
// reported with its line, and the rest of the file is still read.
#ifndef SMSLINT_CAMPAIGN_RECIPIENTS_CSV_H_
#define SMSLINT_CAMPAIGN_RECIPIENTS_CSV_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace smslint {

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
// `delimiter` (',' for recipients; the suppression reader also takes ';' and tab). A
// row over `max_row_bytes` is not complete (the fuzz target passes a small limit).
CsvHeader ParseCsvHeader(std::string_view bytes, char delimiter = ',',
                         size_t max_row_bytes = kMaxCsvRowBytes);

// Field text of parsed rows: each field is followed by one separator byte (the
// delimiter or line end it had in the file, so an unquoted row is copied whole), and
// row r, column c is text[offsets[i] .. offsets[i + 1] - 1) for i = r * columns + c.
struct CsvRows {
  size_t columns = 0;
  std::string text;
  std::vector<uint32_t> offsets{0};
  std::vector<uint32_t> lines;  // per row: the 1-based line where it starts
  size_t size() const { return lines.size(); }
  std::string_view Field(size_t row, size_t column) const {
    const size_t i = row * columns + column;
    return std::string_view(text).substr(offsets[i], offsets[i + 1] - offsets[i] - 1);
  }
  // Appends a field (its separator with it) to the row being built.
  void AddField(std::string_view field);
  void Clear();  // no rows; capacity kept
};

// The bytes that end an unquoted field: the delimiter and line ends.
struct CsvStopBytes {
  explicit CsvStopBytes(char delimiter);
  char delimiter;
  std::array<bool, 256> stop;
};

// Reads the data rows of a CSV a block at a time, so a file of any size is parsed in
// bounded memory. Each Read takes the input from where the previous one stopped
// (the unconsumed rest, then more bytes): a row cut by the end of a block is read
// again whole with the next one. The rows and issues are the same whatever the
// blocks (tests/campaign/recipients_csv_test.cc splits a file at every byte).
class CsvRowReader {
 public:
  explicit CsvRowReader(const CsvHeader& header, size_t max_row_bytes = kMaxCsvRowBytes);
  // Parses the rows that end within `bytes`; `final`: no input follows. Rows whose
  // field count is the header's are appended to `rows`, the others listed in
  // `issues`; blank lines are skipped. Stops once `rows` holds `max_rows` rows.
  // Returns the bytes consumed.
  size_t Read(std::string_view bytes, bool final, CsvRows& rows, std::vector<CsvRowIssue>& issues,
              size_t max_rows = SIZE_MAX);

 private:
  enum class Skip { kNone, kToQuote, kToNewline };  // inside a row found too long
  CsvStopBytes stops_;
  size_t columns_;
  size_t max_row_bytes_;
  uint32_t line_;
  Skip skip_ = Skip::kNone;
};

// Reads every data row from header.data_offset on, in one block.
void ParseCsvRows(std::string_view bytes, const CsvHeader& header, CsvRows& rows,
                  std::vector<CsvRowIssue>& issues, size_t max_row_bytes = kMaxCsvRowBytes);

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_RECIPIENTS_CSV_H_
