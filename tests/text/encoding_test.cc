#include "text/encoding.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "text/gsm7_tables.h"

namespace smslint {
namespace {

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out.append(s);
  return out;
}

// Lines without their '\n' (a last empty line is dropped).
std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(SMSLINT_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing " << relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One row of a golden file written by tests/oracle/regenerate_segments_golden.sh.
struct OracleRow {
  int line = 0;
  std::string encoding;
  int segments = 0;
  int units = 0;
};

std::vector<OracleRow> ReadOracle(const std::string& relative) {
  std::vector<OracleRow> rows;
  for (const std::string& line : SplitLines(ReadSourceFile(relative))) {
    OracleRow row;
    char encoding[8] = {};
    REQUIRE(std::sscanf(line.c_str(), "%d\t%7s\t%d\t%d", &row.line, encoding, &row.segments,
                        &row.units) == 4);
    row.encoding = encoding;
    rows.push_back(row);
  }
  return rows;
}

void CheckAgainstOracle(const std::vector<std::string>& messages,
                        const std::vector<OracleRow>& oracle) {
  REQUIRE(messages.size() == oracle.size());
  int mismatches = 0;
  for (size_t i = 0; i < messages.size(); ++i) {
    SegmentCount count = CountSegments(messages[i]);
    bool same = EncodingName(count.encoding) == oracle[i].encoding &&
                count.segments == oracle[i].segments && count.units == oracle[i].units;
    if (!same && ++mismatches <= 10) {
      FAIL_CHECK("message " << oracle[i].line << ": smslint " << EncodingName(count.encoding) << " "
                            << count.segments << " segments " << count.units << " units; oracle "
                            << oracle[i].encoding << " " << oracle[i].segments << " segments "
                            << oracle[i].units << " units: " << messages[i].substr(0, 80));
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("empty message has no segments") {
  SegmentCount count = CountSegments("");
  CHECK(count.encoding == Encoding::kGsm7);
  CHECK(count.segments == 0);
  CHECK(count.units == 0);
  CHECK(count.characters == 0);
}

TEST_CASE("GSM-7 part limits: 160 alone, 153 per part when split") {
  CHECK(CountSegments(Repeat("a", 160)).segments == 1);
  CHECK(CountSegments(Repeat("a", 161)).segments == 2);
  CHECK(CountSegments(Repeat("a", 306)).segments == 2);
  CHECK(CountSegments(Repeat("a", 307)).segments == 3);
  CHECK(CountSegments(Repeat("a", 459)).segments == 3);
  CHECK(CountSegments(Repeat("a", 460)).segments == 4);
  SegmentCount count = CountSegments(Repeat("a", 161));
  CHECK(count.encoding == Encoding::kGsm7);
  CHECK(count.units == 161);
  CHECK(count.characters == 161);
}

TEST_CASE("extension characters cost two septets") {
  SegmentCount count = CountSegments("{€}");
  CHECK(count.encoding == Encoding::kGsm7);
  CHECK(count.units == 6);
  CHECK(count.characters == 3);
  CHECK(CountSegments(Repeat("€", 80)).segments == 1);
  CHECK(CountSegments(Repeat("€", 81)).segments == 2);
  CHECK(CountSegments(Repeat("a", 159) + "^").segments == 2);
}

TEST_CASE("an extension character never straddles two parts") {
  // 152 septets + '{' (2) = 154 > 153: the '{' opens the second part.
  // Parts: 152 | 2 + 152 = 154 > 153, so a third part.
  std::string text = Repeat("a", 152) + "{" + Repeat("a", 152);
  SegmentCount count = CountSegments(text);
  CHECK(count.units == 306);  // 306 septets would fit 2 parts if split anywhere
  CHECK(count.segments == 3);
  // The same septets with the escape pair inside a part: 2 parts.
  CHECK(CountSegments(Repeat("a", 151) + "{" + Repeat("a", 153)).segments == 2);
}

TEST_CASE("UCS-2 part limits: 70 alone, 67 per part when split") {
  CHECK(CountSegments(Repeat("á", 70)).segments == 1);
  CHECK(CountSegments(Repeat("á", 71)).segments == 2);
  CHECK(CountSegments(Repeat("á", 134)).segments == 2);
  CHECK(CountSegments(Repeat("á", 135)).segments == 3);
  SegmentCount count = CountSegments("Hello ‘world’");
  CHECK(count.encoding == Encoding::kUcs2);
  CHECK(count.units == 13);
  CHECK(count.characters == 13);
  // In UCS-2 an extension character is one UTF-16 unit like any other.
  CHECK(CountSegments(Repeat("{", 69) + "á").units == 70);
  CHECK(CountSegments(Repeat("{", 69) + "á").segments == 1);
}

TEST_CASE("surrogate pairs count two units and are never split") {
  SegmentCount count = CountSegments(Repeat("😀", 35));
  CHECK(count.units == 70);
  CHECK(count.characters == 35);
  CHECK(count.segments == 1);
  CHECK(CountSegments(Repeat("😀", 36)).segments == 2);
  // 66 units + a pair: the pair would end at unit 68 > 67, so it opens part 2;
  // then 2 + 66 = 68 > 67 again: 3 parts for 134 units.
  std::string text = Repeat("á", 66) + "😀" + Repeat("á", 66);
  CHECK(CountSegments(text).units == 134);
  CHECK(CountSegments(text).segments == 3);
  CHECK(CountSegments(Repeat("á", 65) + "😀" + Repeat("á", 67)).segments == 2);
}

TEST_CASE("grapheme clusters stay in one part") {
  // Thumbs up + skin tone (4 units) after 65 units would end at 69 > 67: it opens
  // part 2 whole, which then holds 4 + 64 = 68 units, so 133 units need 3 parts.
  std::string text = Repeat("á", 65) + "👍🏽" + Repeat("b", 64);
  CHECK(CountSegments(text).units == 133);
  CHECK(CountSegments(text).segments == 3);
  CHECK(CountSegments(Repeat("á", 63) + "👍🏽" + Repeat("b", 64)).segments == 2);
}

TEST_CASE("invalid UTF-8: each bad sequence is one U+FFFD and forces UCS-2") {
  SegmentCount count = CountSegments(
      "ab\xff"
      "c");
  CHECK(count.encoding == Encoding::kUcs2);
  CHECK(count.characters == 4);
  CHECK(count.units == 4);
  // A truncated three-byte sequence is a single replacement character.
  CHECK(CountSegments("a\xe2\x80").characters == 2);
  // An overlong encoding of '/' is two bad bytes.
  CHECK(CountSegments("\xc0\xaf").characters == 2);
  SegmentAnalysis analysis = AnalyzeSegments("ok\xff");
  REQUIRE(analysis.ucs2_characters.size() == 1);
  CHECK(analysis.ucs2_characters[0].code_point == 0xFFFD);
  CHECK(analysis.ucs2_characters[0].byte_offset == 2);
  CHECK_FALSE(analysis.ucs2_characters[0].has_replacement);
}

TEST_CASE("GSM 03.38 tables") {
  for (char32_t c : {U'@', U'£', U'$', U'¥', U'è', U'é', U'ù',  U'ì',  U'ò', U'Ç', U'Ø', U'ø',
                     U'Å', U'å', U'Δ', U'_', U'Φ', U'Γ', U'Λ',  U'Ω',  U'Π', U'Ψ', U'Σ', U'Θ',
                     U'Ξ', U'Æ', U'æ', U'ß', U'É', U'¤', U'¡',  U'Ä',  U'Ö', U'Ñ', U'Ü', U'§',
                     U'¿', U'ä', U'ö', U'ñ', U'ü', U'à', U'\n', U'\r', U' ', U'z'}) {
    CHECK_MESSAGE(Gsm7Septets(c) == 1, FormatCodePoint(c));
  }
  for (char32_t c : {U'\f', U'^', U'{', U'}', U'\\', U'[', U'~', U']', U'|', U'€'}) {
    CHECK_MESSAGE(Gsm7Septets(c) == 2, FormatCodePoint(c));
  }
  for (char32_t c : {U'\t', U'`', U'\0', char32_t{0x1B}, char32_t{0x7F}, U'á', U'ç', U'α', U'’',
                     U'…', char32_t{0xA0}, U'😀'}) {
    CHECK_MESSAGE(Gsm7Septets(c) == 0, FormatCodePoint(c));
  }
  for (int b = 0; b < 256; ++b) {
    if (b < 0x80) CHECK(kAsciiGsm7Septets[b] == Gsm7Septets(static_cast<char32_t>(b)));
    if (b >= 0x80) CHECK(kAsciiGsm7Septets[b] == 0);
  }
}

TEST_CASE("replacements are GSM-7 themselves") {
  for (char32_t c = 0; c < 0x10000; ++c) {
    std::optional<std::string_view> r = Gsm7Replacement(c);
    if (!r) continue;
    CHECK_MESSAGE(Gsm7Septets(c) == 0, FormatCodePoint(c) << " is GSM-7 already");
    CHECK_MESSAGE(CountSegments(*r).encoding == Encoding::kGsm7, FormatCodePoint(c));
  }
  CHECK(Gsm7Replacement(0x2019) == "'");
  CHECK(Gsm7Replacement(0x201C) == "\"");
  CHECK(Gsm7Replacement(0x2026) == "...");
  CHECK(Gsm7Replacement(0x2013) == "-");
  CHECK(Gsm7Replacement(0x00A0) == " ");
  CHECK(Gsm7Replacement(0x200B) == "");
  CHECK(Gsm7Replacement(U'á') == "a");
  CHECK(Gsm7Replacement(U'ç') == "Ç");
  CHECK_FALSE(Gsm7Replacement(U'😀').has_value());
}

TEST_CASE("AnalyzeSegments lists the characters that force UCS-2") {
  SegmentAnalysis analysis = AnalyzeSegments("It’s “done”… ok 😀");
  CHECK(analysis.count.encoding == Encoding::kUcs2);
  REQUIRE(analysis.ucs2_characters.size() == 5);
  const Ucs2Character& apostrophe = analysis.ucs2_characters[0];
  CHECK(apostrophe.code_point == 0x2019);
  CHECK(apostrophe.byte_offset == 2);
  CHECK(apostrophe.byte_length == 3);
  CHECK(apostrophe.column == 3);
  CHECK(apostrophe.replacement == "'");
  CHECK(analysis.ucs2_characters[3].replacement == "...");
  CHECK(analysis.ucs2_characters[4].code_point == 0x1F600);
  CHECK(analysis.ucs2_characters[4].column == 17);
  CHECK_FALSE(analysis.ucs2_characters[4].has_replacement);
  CHECK(AnalyzeSegments("Café crème à 5€").ucs2_characters.empty());
}

TEST_CASE("ApplyGsm7Replacements") {
  CHECK(ApplyGsm7Replacements("It’s “done”…\u200b ok") == "It's \"done\"... ok");
  CHECK(ApplyGsm7Replacements("Olá 😀") == "Ola 😀");
  CHECK(CountSegments(ApplyGsm7Replacements("Don’t – go")).encoding == Encoding::kGsm7);
}

TEST_CASE("names and code points") {
  CHECK(FormatCodePoint(0x2019) == "U+2019");
  CHECK(FormatCodePoint(0x1F600) == "U+1F600");
  CHECK(UnicodeName(0x2019) == "RIGHT SINGLE QUOTATION MARK");
  CHECK(UnicodeName(0x92) == "<control-0092>");
}

// The differential test: every message of the SMS Spam Collection (a copy under
// tests/fixtures) and every hand-made edge case must get the encoding, segment
// count and units that Twilio's sms-segments-calculator gives.
TEST_CASE("matches sms-segments-calculator on the SMS Spam Collection") {
  std::vector<std::string> messages;
  for (const std::string& line :
       SplitLines(ReadSourceFile("tests/fixtures/corpora/SMSSpamCollection"))) {
    size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    messages.push_back(line.substr(tab + 1));
  }
  CHECK(messages.size() == 5574);
  CheckAgainstOracle(messages, ReadOracle("tests/golden/segments_oracle.tsv"));
}

TEST_CASE("matches sms-segments-calculator on the edge cases") {
  nlohmann::json cases = nlohmann::json::parse(ReadSourceFile("tests/oracle/segment_cases.json"));
  std::vector<std::string> messages = cases.get<std::vector<std::string>>();
  CheckAgainstOracle(messages, ReadOracle("tests/golden/segments_oracle_cases.tsv"));
}

}  // namespace
}  // namespace smslint
