#include "report/junit_emitter.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "tests/report/synthetic_results.h"

namespace smslint {
namespace {

std::string Emit(Level fail_on, bool fail_never = false) {
  ReportOptions options;
  options.fail_on = fail_on;
  options.fail_never = fail_never;
  return EmitJunit({testing::SyntheticPromo(), testing::SyntheticClean()}, options);
}

int Count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// Parses with python3's XML parser and checks the structure the CI servers read.
bool PythonParses(const std::string& xml, int suites, int failures) {
  std::string path = testing::TempPath("junit.xml");
  testing::WriteTextFile(path, xml);
  std::string command =
      "python3 -c 'import sys,xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); "
      "assert r.tag==\"testsuites\"; s=r.findall(\"testsuite\"); "
      "assert len(s)==int(sys.argv[2]), len(s); "
      "f=sum(len(c.findall(\"failure\")) for t in s for c in t.findall(\"testcase\")); "
      "assert f==int(sys.argv[3]), f; "
      "assert all(len(t.findall(\"testcase\"))==int(t.get(\"tests\")) for t in s)' '" +
      path + "' " + std::to_string(suites) + " " + std::to_string(failures);
  bool ok = std::system(command.c_str()) == 0;
  std::remove(path.c_str());
  return ok;
}

TEST_CASE("junit: matches the golden output") {
  CHECK(testing::MatchesGolden("synthetic.junit.xml", Emit(Level::kError)));
}

TEST_CASE("junit: well-formed XML, one suite per file, failures follow --fail-on") {
  // error: content (missing-opt-out), traffic (throughput, quiet-hours).
  CHECK(PythonParses(Emit(Level::kError), 2, 2));
  // warning adds schema (unknown-key) and data (duplicate); content already fails.
  CHECK(PythonParses(Emit(Level::kWarning), 2, 4));
  CHECK(PythonParses(Emit(Level::kInfo), 2, 4));
  CHECK(PythonParses(Emit(Level::kInfo, /*fail_never=*/true), 2, 0));
}

TEST_CASE("junit: a failure carries every finding at or above the threshold") {
  std::string xml = Emit(Level::kInfo);
  // content: missing-opt-out, excessive-caps (info), spam-phrase in one failure.
  CHECK(Count(xml, "[content/") == 3 + 1);  // three lines plus the failure message
  CHECK(xml.find("[content/excessive-caps]") != std::string::npos);
  std::string at_error = Emit(Level::kError);
  // Below the threshold: in system-out, not in a failure.
  CHECK(at_error.find("<system-out>campaigns/promo, &quot;spring&quot;.yaml:8:18: info: "
                      "all-caps word") != std::string::npos);
}

TEST_CASE("junit: skipped families and escaping") {
  std::string xml = Emit(Level::kError);
  // No lint rule ran on either file; the clean file ran only content and schema rules.
  CHECK(Count(xml, "<skipped message=") == 1 + 3);
  CHECK(xml.find("\x01") == std::string::npos);
  CHECK(xml.find("&lt;b&gt;") != std::string::npos);
  CHECK(EscapeXml("a&b<c>\"d'\x01\xff\n") ==
        "a&amp;b&lt;c&gt;&quot;d&apos;\xEF\xBF\xBD\xEF\xBF\xBD&#10;");
  CHECK(EscapeXml("café") == "café");
}

}  // namespace
}  // namespace smslint
