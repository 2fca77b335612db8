#include "report/github_emitter.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "tests/report/synthetic_results.h"

namespace smslint {
namespace {

TEST_CASE("github: matches the golden output") {
  RuleCatalog catalog = testing::SyntheticCatalog();
  ReportOptions options;
  options.catalog = &catalog;
  std::string out = EmitGithub({testing::SyntheticPromo(), testing::SyntheticClean()}, options);
  CHECK(testing::MatchesGolden("synthetic.github", out));
}

TEST_CASE("github: escaping of data and properties") {
  CHECK(EscapeGithubData("50% off\r\nnext: a,b") == "50%25 off%0D%0Anext: a,b");
  CHECK(EscapeGithubProperty("50% off\r\nnext: a,b") == "50%25 off%0D%0Anext%3A a%2Cb");
}

TEST_CASE("github: one command per finding, with level, position and title") {
  std::string out = EmitGithub({testing::SyntheticPromo()}, ReportOptions{});
  std::vector<std::string> lines = absl::StrSplit(out, '\n', absl::SkipEmpty());
  REQUIRE(lines.size() == 7);
  CHECK(lines[0] ==
        "::warning file=campaigns/promo%2C \"spring\".yaml,line=5,col=3,endLine=5,endColumn=9,"
        "title=smslint (schema/unknown-key)::unknown key 'colour' in campaign%0Adid you mean "
        "'country'?");
  CHECK(lines[1].starts_with("::error file="));
  CHECK(lines[2].starts_with("::notice file="));
  // The message's own newline and control character stay on one command line.
  CHECK(lines[3].find("<b>: 1,000 recipients%0Asecond line") != std::string::npos);
  CHECK(lines[4].starts_with("::warning file=campaigns/recipients.csv,line=7,"));
  // Unknown position: no line property at all.
  CHECK(lines[6] ==
        "::error file=campaigns/promo%2C \"spring\".yaml,"
        "title=smslint (traffic/quiet-hours)::2,100 messages land after 21:00 "
        "recipient time");
}

TEST_CASE("github: stdin has no file property, a clean run prints nothing") {
  FileResult r = testing::SyntheticClean();
  CHECK(EmitGithub({r}, ReportOptions{}).empty());
  r.path = "-";
  r.diagnostics.push_back(
      testing::Finding("content/spam-phrase", Level::kWarning, "m", {"-", 1, 2, 1, 2}));
  CHECK(EmitGithub({r}, ReportOptions{}) ==
        "::warning line=1,col=2,endLine=1,title=smslint (content/spam-phrase)::m\n");
}

}  // namespace
}  // namespace smslint
