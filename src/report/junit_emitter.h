// JUnit XML: one testsuite per campaign file, one testcase per rule family, a failure
// carrying every finding at or above --fail-on. CI servers (GitLab, Jenkins) show it
// as a test report.
#ifndef SMSLINT_REPORT_JUNIT_EMITTER_H_
#define SMSLINT_REPORT_JUNIT_EMITTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/file_result.h"

namespace smslint {

// Escapes text for XML 1.0 content and attributes: markup characters become entities;
// characters XML cannot carry at all (most C0 controls, invalid UTF-8) become U+FFFD.
std::string EscapeXml(std::string_view text);

std::string EmitJunit(const std::vector<FileResult>& results, const ReportOptions& options);

}  // namespace smslint

#endif  // SMSLINT_REPORT_JUNIT_EMITTER_H_
