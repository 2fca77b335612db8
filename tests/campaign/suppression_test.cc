#include "campaign/suppression.h"

#include <string>

#include "doctest/doctest.h"

namespace smslint {
namespace {

using namespace std::string_literals;

constexpr uint64_t kAnn = 12125550142ull;
constexpr uint64_t kBo = 12125550143ull;

SuppressionList Read(const std::string& bytes) {
  static const PhoneNumberClassifier* classifier = new PhoneNumberClassifier("US");
  return ParseSuppressionList(bytes, *classifier);
}

// `text` (ASCII) as UTF-16 with a BOM.
std::string Utf16(const std::string& text, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (char c : text) {
    if (big_endian) out.push_back('\0');
    out.push_back(c);
    if (!big_endian) out.push_back('\0');
  }
  return out;
}

TEST_CASE("suppression reader: one number a line, comments, a title, line ends") {
  SuppressionList list = Read("# opted out\n+1 212 555 0142\n\n212-555-0143\n");
  CHECK(list.numbers.contains(kAnn));
  CHECK(list.numbers.contains(kBo));
  CHECK(list.report.entries == 2);
  CHECK(list.report.issues.empty());
  CHECK(list.report.file_problem == SuppressionFileProblem::kNone);
  for (const char* text :
       {"Opt-outs\r\n+12125550142\r\n2125550143\r\n", "phone\r+12125550142\r2125550143\r",
        "Phone Number\n+12125550142\n(212) 555-0143\n"}) {
    CAPTURE(text);
    SuppressionList titled = Read(text);
    CHECK(titled.numbers.size() == 2);
    CHECK(titled.report.issues.empty());
  }
}

TEST_CASE("suppression reader: delimiter and phone column from the header") {
  struct Case {
    std::string text;
    char delimiter;
    int column;
  };
  for (const Case& c : std::vector<Case>{
           {"phone,when\n+12125550142,2024-05-01\n2125550143,2024-05-02\n", ',', 0},
           {"Name;Phone Number;Date\nAnn;+1 212 555 0142;1.5.2024\nBo;212 555 0143;2.5.2024\n", ';',
            1},
           {"id\tMSISDN\n1\t12125550142\n2\t12125550143\n", '\t', 1},
           {"\xEF\xBB\xBF\"Mobile_Number\",Name\r\n\"+12125550142\",Ann\r\n2125550143,Bo\r\n", ',',
            0},
           {"Number,PHONE\n1,+12125550142\n2,+12125550143\n", ',', 1},  // phone beats number
           {"+12125550142;Ann\n+12125550143;Bo\n", ';', 0},             // no header
       }) {
    CAPTURE(c.text);
    SuppressionList list = Read(c.text);
    CHECK(list.report.delimiter == c.delimiter);
    CHECK(list.report.phone_column == c.column);
    CHECK(list.numbers.contains(kAnn));
    CHECK(list.numbers.contains(kBo));
    CHECK(list.report.entries == 2);
    CHECK(list.report.issues.empty());
  }
}

TEST_CASE("suppression reader: UTF-16 from Excel, LE and BE, with a BOM") {
  for (bool big_endian : {false, true}) {
    SuppressionList list =
        Read(Utf16("Phone Number\tName\r\n+12125550142\tAnn\r\n2125550143\tBo\r\n", big_endian));
    CHECK(list.report.encoding == (big_endian ? SuppressionReport::Encoding::kUtf16Be
                                              : SuppressionReport::Encoding::kUtf16Le));
    CHECK(list.numbers.size() == 2);
    CHECK(list.report.issues.empty());
  }
  CHECK(Utf16ToUtf8("\x41\x00\xE9\x00\x3D\xD8\x00\xDE"s, false) == "A\xC3\xA9\xF0\x9F\x98\x80");
  CHECK(Utf16ToUtf8("\x00\xD8\x41\x00"s, false) ==
        "\xEF\xBF\xBD"
        "A");  // unpaired surrogate
}

TEST_CASE("suppression reader: what cannot be read is reported, with its line") {
  SuppressionList partial = Read("phone\n+12125550142\nn/a\n555\n\n2125550143\n");
  CHECK(partial.numbers.size() == 2);
  CHECK(partial.report.entries == 4);
  REQUIRE(partial.report.issues.size() == 2);
  CHECK(partial.report.issues[0].line == 3);
  CHECK(partial.report.issues[1].line == 4);
  CHECK(partial.report.issues[0].problem == SuppressionEntryProblem::kNotANumber);

  SuppressionList quote =
      Read("phone,name\n+12125550142,Ann\n+12125550143,\"Bo\n+12125550144,Cy\n");
  CHECK(quote.numbers.size() == 1);
  REQUIRE(quote.report.issues.size() == 1);
  CHECK(quote.report.issues[0].line == 3);
  CHECK(quote.report.issues[0].problem == SuppressionEntryProblem::kUnterminatedQuote);

  SuppressionList rows = Read("# export\nphone;name\n+12125550142;Ann\nA\0B;x\n+12125550143\n"s);
  CHECK(rows.numbers.size() == 1);
  REQUIRE(rows.report.issues.size() == 2);
  CHECK(rows.report.issues[0].line == 4);
  CHECK(rows.report.issues[0].problem == SuppressionEntryProblem::kNulByte);
  CHECK(rows.report.issues[1].line == 5);
  CHECK(rows.report.issues[1].problem == SuppressionEntryProblem::kWrongFieldCount);

  SuppressionList junk = Read("hello\nworld\n\xff\xfe\xfd\n" + std::string(5000, '1') + "\n");
  CHECK(junk.numbers.empty());
  CHECK(junk.report.entries == 3);
  REQUIRE(junk.report.issues.size() == 3);
  CHECK(junk.report.issues[1].problem == SuppressionEntryProblem::kInvalidUtf8);
  CHECK(junk.report.issues[2].problem == SuppressionEntryProblem::kTooLong);
}

TEST_CASE("suppression reader: files that give no layout") {
  for (const char* text : {"", "\n\n", "# nobody yet\n", "\xEF\xBB\xBF", "phone\n", "\xFF\xFE"}) {
    CAPTURE(text);
    CHECK(Read(text).report.file_problem == SuppressionFileProblem::kEmpty);
  }
  CHECK(Read("name,email\nAnn,ann@example.com\n").report.file_problem ==
        SuppressionFileProblem::kNoPhoneColumn);
  CHECK(Read("phone,\"name\n+12125550142,Ann\n").report.file_problem ==
        SuppressionFileProblem::kHeaderUnreadable);
  CHECK(Read("phone,n\xe9\n+12125550142,Ann\n").report.file_problem ==
        SuppressionFileProblem::kHeaderUnreadable);
}

TEST_CASE("IsPhoneColumnName") {
  for (const char* name : {"phone", "Phone Number", "phone_number", "MOBILE-NUMBER", "msisdn",
                           "Number", "Cell Phone", "tel.", "E.164"})
    CHECK_MESSAGE(IsPhoneColumnName(name), name);
  for (const char* name : {"name", "email", "phones", "", "date"})
    CHECK_MESSAGE(!IsPhoneColumnName(name), name);
}

}  // namespace
}  // namespace smslint
