#include "checks/ucs2_character_check.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace smslint {
namespace {

std::vector<Finding> Run(const std::string& body, BodyKind kind = BodyKind::kTemplate) {
  MessageContext context;
  context.body = body;
  context.kind = kind;
  std::vector<Finding> findings;
  Ucs2CharacterCheck().Run(context, findings);
  return findings;
}

TEST_CASE("content/ucs2-character fires on each occurrence at its byte offset") {
  std::string body = "We\xE2\x80\x99re open \xE2\x80\x93 late\xE2\x80\xA6 We\xE2\x80\x99ll see";
  std::vector<Finding> findings = Run(body);
  REQUIRE(findings.size() == 4);
  CHECK(findings[0].rule == "content/ucs2-character");
  CHECK(findings[0].level == Level::kWarning);
  CHECK(findings[0].begin == 2);
  CHECK(findings[0].end == 5);
  CHECK(findings[0].message ==
        "U+2019 RIGHT SINGLE QUOTATION MARK forces UCS-2 encoding (70 characters per "
        "segment instead of 160); use ' instead");
  CHECK(findings[0].suggestion == "'");
  CHECK(findings[1].suggestion == "-");
  CHECK(findings[2].suggestion == "...");
  CHECK(findings[3].begin == body.find("\xE2\x80\x99", 5));
}

TEST_CASE("content/ucs2-character without a replacement, invisible and invalid characters") {
  std::vector<Finding> emoji = Run("Party \xF0\x9F\x8E\x89");
  REQUIRE(emoji.size() == 1);
  CHECK(emoji[0].message.find("U+1F389 PARTY POPPER") == 0);
  CHECK(emoji[0].message.find("GSM-7 has no replacement") != std::string::npos);
  CHECK(emoji[0].suggestion.empty());
  std::vector<Finding> zero_width = Run("Hi\xE2\x80\x8B there");
  REQUIRE(zero_width.size() == 1);
  CHECK(zero_width[0].message.find("remove it") != std::string::npos);
  std::vector<Finding> nbsp = Run("Hi\xC2\xA0there");
  REQUIRE(nbsp.size() == 1);
  CHECK(nbsp[0].suggestion == " ");
  std::vector<Finding> invalid = Run("Hi \xFF");
  REQUIRE(invalid.size() == 1);
  CHECK(invalid[0].begin == 3);
  CHECK(invalid[0].end == 4);
  CHECK(invalid[0].message.find("U+FFFD invalid UTF-8 byte") == 0);
}

TEST_CASE("content/ucs2-character passes GSM-7 text, accents GSM-7 has, and placeholders") {
  CHECK(Run("Acme: we're open late tonight. Reply STOP to opt out").empty());
  CHECK(Run("Caf\xC3\xA9 cr\xC3\xA8me \xC3\xA0 5\xE2\x82\xAC, \xC2\xA3"
            "3 {[~]}")
            .empty());
  CHECK(Run("").empty());
  // Inside {{...}} the text is a field name or a fallback, not sent as written.
  CHECK(Run("Hi {{first_name|\xE2\x80\x9C"
            "friend\xE2\x80\x9D}}, see you")
            .empty());
  // The same characters outside a placeholder fire.
  CHECK(Run("Hi {{first_name}} \xE2\x80\x9C"
            "friend\xE2\x80\x9D")
            .size() == 2);
  // In plain text (smslint text) braces are text.
  CHECK(Run("Hi {{\xE2\x80\x9C}}", BodyKind::kText).size() == 1);
}

TEST_CASE("content/ucs2-character accented letters GSM-7 lacks") {
  std::vector<Finding> findings = Run("Ol\xC3\xA1 Fran\xC3\xA7ois");
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].suggestion == "a");
  CHECK(findings[1].suggestion == "\xC3\x87");
}

TEST_CASE("content/ucs2-character examples") {
  Ucs2CharacterCheck check;
  for (const std::string& example : check.Info().fire_examples) {
    CHECK_MESSAGE(!Run(example).empty(), example);
  }
  for (const std::string& example : check.Info().pass_examples) {
    CHECK_MESSAGE(Run(example).empty(), example);
  }
}

}  // namespace
}  // namespace smslint
