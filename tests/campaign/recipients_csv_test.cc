#include "campaign/recipients_csv.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "doctest/doctest.h"

namespace smslint {
namespace {

struct Parsed {
  CsvHeader header;
  CsvRows table;
  std::vector<CsvRowIssue> issues;
};

Parsed ParseAll(std::string_view bytes, size_t max_row = kMaxCsvRowBytes) {
  Parsed p;
  p.header = ParseCsvHeader(bytes);
  ParseCsvRows(bytes, p.header, p.table, p.issues, max_row);
  return p;
}

TEST_CASE("csv: header, LF rows, quoted commas, doubled quotes, quoted newlines") {
  Parsed p = ParseAll(
      "phone,first_name,note\n"
      "+12125550142,Ann,plain\n"
      "+12125550143,\"Smith, John\",\"she said \"\"hi\"\"\"\n"
      "+12125550144,Bo,\"two\nlines\"\n"
      "+12125550145,Cy,last");
  REQUIRE(p.header.found);
  CHECK(p.header.columns == std::vector<std::string>{"phone", "first_name", "note"});
  REQUIRE(p.table.lines.size() == 4);
  CHECK(p.issues.empty());
  CHECK(p.table.Field(0, 1) == "Ann");
  CHECK(p.table.Field(1, 1) == "Smith, John");
  CHECK(p.table.Field(1, 2) == "she said \"hi\"");
  CHECK(p.table.Field(2, 2) == "two\nlines");
  CHECK(p.table.lines == std::vector<uint32_t>{2, 3, 4, 6});
  CHECK(p.table.Field(3, 2) == "last");
}

TEST_CASE("csv: BOM and CRLF") {
  Parsed p = ParseAll("\xEF\xBB\xBFphone,name\r\n+12125550142,Ann\r\n\r\n+12125550143,Bo\r\n");
  CHECK(p.header.columns == std::vector<std::string>{"phone", "name"});
  REQUIRE(p.table.lines.size() == 2);
  CHECK(p.table.Field(0, 1) == "Ann");
  CHECK(p.table.Field(1, 1) == "Bo");
  CHECK(p.table.lines == std::vector<uint32_t>{2, 4});
}

TEST_CASE("csv: malformed rows are listed with their lines and skipped") {
  std::string bytes =
      "phone,name\n"
      "+12125550142,Smith, John\n"                  // line 2: three fields
      "+12125550143\n"                              // line 3: one field
      "+12125550144,\xC3\x28\n"                     // line 4: invalid UTF-8
      "+12125550146,Good\n";                        // line 5
  bytes += std::string("+12125550145,A\0B\n", 17);  // line 6: NUL byte
  bytes += "+12125550147,\"never closed\nmore\n";   // line 7: unterminated
  Parsed p = ParseAll(bytes);
  REQUIRE(p.table.lines.size() == 1);
  CHECK(p.table.lines[0] == 5);
  CHECK(p.table.Field(0, 1) == "Good");
  REQUIRE(p.issues.size() == 5);
  CHECK(p.issues[0].line == 2);
  CHECK(p.issues[0].problem == CsvProblem::kWrongFieldCount);
  CHECK(p.issues[0].fields == 3);
  CHECK(p.issues[1].line == 3);
  CHECK(p.issues[2].problem == CsvProblem::kInvalidUtf8);
  CHECK(p.issues[2].line == 4);
  CHECK(p.issues[3].problem == CsvProblem::kNulByte);
  CHECK(p.issues[3].line == 6);
  CHECK(p.issues[4].problem == CsvProblem::kUnterminatedQuote);
  CHECK(p.issues[4].line == 7);
}

TEST_CASE("csv: an over-long row is skipped and reading resumes on the next line") {
  std::string bytes = "phone,name\n+12125550142," + std::string(5000, 'x') + "\n+12125550143,Bo\n";
  Parsed p = ParseAll(bytes, 1000);
  REQUIRE(p.issues.size() == 1);
  CHECK(p.issues[0].problem == CsvProblem::kRowTooLong);
  CHECK(p.issues[0].line == 2);
  REQUIRE(p.table.lines.size() == 1);
  CHECK(p.table.lines[0] == 3);
  CHECK(p.table.Field(0, 1) == "Bo");
}

// Reads `bytes` in blocks of `block` bytes the way the recipients reader does: the
// unconsumed rest, then the next block; a row limit per Read of `max_rows`.
Parsed ParseInBlocks(std::string_view bytes, size_t block, size_t max_row, size_t max_rows) {
  Parsed p;
  p.header = ParseCsvHeader(bytes);
  p.table.columns = p.header.columns.size();
  CsvRowReader reader(p.header, max_row);
  CsvRows chunk;
  chunk.columns = p.table.columns;
  size_t begin = std::min(p.header.data_offset, bytes.size());
  size_t end = begin;
  while (true) {
    const bool final = end >= bytes.size();
    begin += reader.Read(bytes.substr(begin, end - begin), final, chunk, p.issues, max_rows);
    const bool full = chunk.size() >= max_rows;
    for (size_t r = 0; r < chunk.size(); ++r) {  // the loader's next stage takes the chunk
      for (size_t c = 0; c < chunk.columns; ++c) {
        p.table.AddField(chunk.Field(r, c));
      }
      p.table.lines.push_back(chunk.lines[r]);
    }
    chunk.Clear();
    if (full) continue;
    if (final) break;
    end = std::min(bytes.size(), end + block);
  }
  return p;
}

void CheckSame(const Parsed& whole, const Parsed& blocks) {
  REQUIRE(blocks.table.lines == whole.table.lines);
  REQUIRE(blocks.table.columns == whole.table.columns);
  for (size_t r = 0; r < whole.table.size(); ++r) {
    for (size_t c = 0; c < whole.table.columns; ++c)
      CHECK(blocks.table.Field(r, c) == whole.table.Field(r, c));
  }
  REQUIRE(blocks.issues.size() == whole.issues.size());
  for (size_t i = 0; i < whole.issues.size(); ++i) {
    CHECK(blocks.issues[i].line == whole.issues[i].line);
    CHECK(blocks.issues[i].problem == whole.issues[i].problem);
    CHECK(blocks.issues[i].fields == whole.issues[i].fields);
  }
}

TEST_CASE("csv: read in blocks, the rows and issues are those of the whole input") {
  std::string bytes =
      "phone,name,note\r\n"
      "+12125550142,Ann,plain\r\n"
      "\r\n"
      "+12125550143,\"Smith, John\",\"she said \"\"hi\"\"\"\n"
      "+12125550144,Bo,\"two\nlines\"\r"
      "+12125550145,Cy\n"  // two fields
      "+12125550146,\"" +
      std::string(300, 'q') +
      "\nstill quoted\",x\n"  // too long, quoted
      "+12125550147," +
      std::string(300, 'u') +
      ",y\n"  // too long, unquoted
      "+12125550148,\xC3\x28,z\n"
      "+12125550149,Di,\"last\"";
  bytes += "\n+12125550150,Ed,\"never closed\nmore";
  for (size_t max_rows : {size_t{1}, size_t{2}, SIZE_MAX}) {
    const Parsed whole = ParseAll(bytes, 200);
    for (size_t block = 1; block <= bytes.size(); ++block) {
      CAPTURE(block);
      CAPTURE(max_rows);
      Parsed blocks = ParseInBlocks(bytes, block, 200, max_rows);
      CheckSame(whole, blocks);
    }
  }
}

TEST_CASE("csv: empty input and header-only input") {
  CHECK_FALSE(ParseCsvHeader("").found);
  CHECK_FALSE(ParseCsvHeader("\n\r\n").found);
  Parsed p = ParseAll("phone");
  CHECK(p.header.found);
  CHECK(p.header.complete);
  CHECK(p.table.lines.empty());
  CHECK_FALSE(ParseCsvHeader("\"phone,name").complete);
}

// A header row over the row limit, of many short columns (their ends noted past the
// text copied when the scan stops), or with a quote never closed after them: not
// complete, and no column list.
TEST_CASE("csv: a header row cut short has no columns") {
  std::string wide = "phone";
  while (wide.size() <= kMaxCsvRowBytes) wide += ",a";
  for (const std::string& bytes :
       {wide + "\n+12125550142\n", wide, std::string("phone,a,b,\"c\nd")}) {
    CAPTURE(bytes.size());
    const CsvHeader header = ParseCsvHeader(bytes);
    CHECK(header.found);
    CHECK_FALSE(header.complete);
    CHECK(header.columns.empty());
  }
}

}  // namespace
}  // namespace smslint
