// Text output: `path:line:col: level: message [rule-id]`, the source line with a
// caret under the span, and a summary line.
#ifndef SMSLINT_REPORT_TEXT_EMITTER_H_
#define SMSLINT_REPORT_TEXT_EMITTER_H_

#include <string>
#include <vector>

#include "report/file_result.h"

namespace smslint {

std::string EmitText(const std::vector<FileResult>& results, const ReportOptions& options,
                     bool quiet);

// One finding in text form, with `source_line` (the line d.span.line of the file it
// is in; empty when there is none to quote) under it with a caret.
std::string FormatDiagnosticText(const Diagnostic& d, std::string_view source_line, bool color);

// "2 errors, 1 warning in 1 file" (or "no findings in 3 files").
std::string SummaryLine(const std::vector<FileResult>& results);

}  // namespace smslint

#endif  // SMSLINT_REPORT_TEXT_EMITTER_H_
