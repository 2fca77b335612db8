#include "campaign/recipients_csv.h"

#include <string>

#include "campaign/recipients.h"
#include "doctest/doctest.h"

namespace smslint {
namespace {

struct Parsed {
  CsvHeader header;
  RecipientTable table;
  std::vector<CsvRowIssue> issues;
};

Parsed ParseAll(std::string_view bytes, size_t max_row = kMaxCsvRowBytes) {
  Parsed p;
  p.header = ParseCsvHeader(bytes);
  p.table.columns = p.header.columns;
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
  REQUIRE(p.table.size() == 0);  // e164 not filled by the CSV layer
  REQUIRE(p.table.source_line.size() == 4);
  CHECK(p.issues.empty());
  CHECK(p.table.Field(0, 1) == "Ann");
  CHECK(p.table.Field(1, 1) == "Smith, John");
  CHECK(p.table.Field(1, 2) == "she said \"hi\"");
  CHECK(p.table.Field(2, 2) == "two\nlines");
  CHECK(p.table.source_line == std::vector<uint32_t>{2, 3, 4, 6});
  CHECK(p.table.Field(3, 2) == "last");
}

TEST_CASE("csv: BOM and CRLF") {
  Parsed p = ParseAll("\xEF\xBB\xBFphone,name\r\n+12125550142,Ann\r\n\r\n+12125550143,Bo\r\n");
  CHECK(p.header.columns == std::vector<std::string>{"phone", "name"});
  REQUIRE(p.table.source_line.size() == 2);
  CHECK(p.table.Field(0, 1) == "Ann");
  CHECK(p.table.Field(1, 1) == "Bo");
  CHECK(p.table.source_line == std::vector<uint32_t>{2, 4});
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
  REQUIRE(p.table.source_line.size() == 1);
  CHECK(p.table.source_line[0] == 5);
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
  REQUIRE(p.table.source_line.size() == 1);
  CHECK(p.table.source_line[0] == 3);
  CHECK(p.table.Field(0, 1) == "Bo");
}

TEST_CASE("csv: empty input and header-only input") {
  CHECK_FALSE(ParseCsvHeader("").found);
  CHECK_FALSE(ParseCsvHeader("\n\r\n").found);
  Parsed p = ParseAll("phone");
  CHECK(p.header.found);
  CHECK(p.header.complete);
  CHECK(p.table.source_line.empty());
  CHECK_FALSE(ParseCsvHeader("\"phone,name").complete);
}

}  // namespace
}  // namespace smslint
