// The HTML report (`--report out.html`): one self-contained file a marketer can open
// or attach to a ticket. No network: inline CSS and inline SVG only. A verdict first
// (will the campaign go through, what to fix first), then per file the simulated
// traffic per sender against each threshold and the findings grouped by template with
// the offending text highlighted.
#ifndef SMSLINT_REPORT_HTML_REPORT_H_
#define SMSLINT_REPORT_HTML_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/file_result.h"

namespace smslint {

// Escapes & < > " ' for HTML text and attribute values.
std::string EscapeHtml(std::string_view text);

std::string EmitHtmlReport(const std::vector<FileResult>& results, const ReportOptions& options);

}  // namespace smslint

#endif  // SMSLINT_REPORT_HTML_REPORT_H_
