#include "checks/segment_count_check.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace smslint {
namespace {

std::vector<Finding> Run(const SegmentCountCheck& check, const std::string& body,
                         BodyKind kind = BodyKind::kTemplate) {
  MessageContext context;
  context.body = body;
  context.kind = kind;
  std::vector<Finding> findings;
  check.Run(context, findings);
  return findings;
}

TEST_CASE("content/segment-count fires above max_segments") {
  SegmentCountCheck check;
  std::vector<Finding> findings = Run(check, std::string(460, 'a'));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "content/segment-count");
  CHECK(findings[0].level == Level::kWarning);
  CHECK(findings[0].begin == 0);
  CHECK(findings[0].end == 460);
  CHECK(findings[0].message ==
        "message is 4 segments (GSM-7, 460 septets), more than max_segments 3");
}

TEST_CASE("content/segment-count passes at max_segments") {
  SegmentCountCheck check;
  CHECK(Run(check, std::string(459, 'a')).empty());
  CHECK(Run(check, "").empty());
  CHECK(Run(check, "Acme Coffee: lattes are 20% off today. Reply STOP to opt out").empty());
}

TEST_CASE("content/segment-count names UCS-2 and the count with replacements") {
  SegmentCountCheck check;
  // 210 characters: 4 UCS-2 segments, 2 GSM-7 segments once the quote is plain.
  std::string body = std::string(100, 'a') + "\xE2\x80\x99" + std::string(109, 'b');
  std::vector<Finding> findings = Run(check, body);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message ==
        "message is 4 segments (UCS-2, 210 UTF-16 units), more than max_segments 3; 2 in "
        "GSM-7 with the characters that force UCS-2 replaced");
}

TEST_CASE("content/segment-count honours max_segments") {
  SegmentCountCheck one(1);
  CHECK(Run(one, std::string(160, 'a')).empty());
  CHECK(Run(one, std::string(161, 'a')).size() == 1);
  SegmentCountCheck five(5);
  CHECK(Run(five, std::string(765, 'a')).empty());
  CHECK(Run(five, std::string(766, 'a')).size() == 1);
}

TEST_CASE("content/segment-count renders placeholders with fallbacks or field names") {
  SegmentCountCheck one(1);
  // 150 + "there" = 155 septets: one segment.
  CHECK(Run(one, std::string(150, 'a') + "{{first_name|there}}").empty());
  // The fallback is long: 150 + 20 = 170 septets.
  CHECK(Run(one, std::string(150, 'a') + "{{first_name|" + std::string(20, 'b') + "}}").size() ==
        1);
  // No fallback: the field name stands in (150 + 10 = 160).
  CHECK(Run(one, std::string(150, 'a') + "{{first_name}}").empty());
  CHECK(Run(one, std::string(151, 'a') + "{{first_name}}").size() == 1);
  // A UCS-2 fallback makes the rendered message UCS-2: 75 units, 2 segments.
  std::vector<Finding> findings = Run(one, std::string(70, 'a') +
                                               "{{name|\xE2\x80\x9C"
                                               "pal\xE2\x80\x9D}}");
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message.find("UCS-2") != std::string::npos);
  // Outside templates braces are text.
  CHECK(Run(one, std::string(150, 'a') + "{{first_name}}", BodyKind::kText).size() == 1);
}

TEST_CASE("content/segment-count examples") {
  SegmentCountCheck check;
  for (const std::string& example : check.Info().fire_examples) {
    CHECK_MESSAGE(Run(check, example).size() == 1, example);
  }
  for (const std::string& example : check.Info().pass_examples) {
    CHECK_MESSAGE(Run(check, example).empty(), example);
  }
}

}  // namespace
}  // namespace smslint
