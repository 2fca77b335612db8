// One entry point for every output format.
#ifndef SMSLINT_REPORT_EMIT_H_
#define SMSLINT_REPORT_EMIT_H_

#include <string>
#include <vector>

#include "report/file_result.h"

namespace smslint {

// `format` is one of text, json, sarif, github, junit (validated by the CLI).
std::string EmitReport(const std::string& format, const std::vector<FileResult>& results,
                       const ReportOptions& options, bool quiet);

}  // namespace smslint

#endif  // SMSLINT_REPORT_EMIT_H_
