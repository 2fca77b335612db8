// A finding in the recipients CSV (span.file is the CSV) used to be printed with
// the campaign file's line of the same number under it, as if the CSV row were
// that YAML line. Only findings in the campaign file get a source excerpt.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "report/text_emitter.h"

namespace smslint {
namespace {

TEST_CASE("regression: a CSV finding shows no campaign source line") {
  FileResult r;
  r.path = "campaign.yaml";
  r.source = "version: 1\nsecond campaign line\nthird\n";
  Diagnostic csv;
  csv.rule = "data/malformed-row";
  csv.level = Level::kError;
  csv.span = Span{"recipients.csv", 2, 1, 2, 1};
  csv.message = "1 row of recipients.csv is malformed";
  Diagnostic yaml = csv;
  yaml.span = Span{"campaign.yaml", 2, 1, 2, 7};
  r.diagnostics = {csv};
  std::string text = EmitText({r}, ReportOptions{}, true);
  CHECK(text.find("recipients.csv:2:1: error:") != std::string::npos);
  CHECK(text.find("second campaign line") == std::string::npos);
  // A finding in the campaign file keeps its excerpt.
  r.diagnostics = {yaml};
  CHECK(EmitText({r}, ReportOptions{}, true).find("2 | second campaign line") != std::string::npos);
}

}  // namespace
}  // namespace smslint
