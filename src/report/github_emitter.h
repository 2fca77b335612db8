// GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` line per
// finding, shown as annotations on the pull request diff.
#ifndef SMSLINT_REPORT_GITHUB_EMITTER_H_
#define SMSLINT_REPORT_GITHUB_EMITTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/file_result.h"

namespace smslint {

// Escaping of a workflow command's message: % CR LF.
std::string EscapeGithubData(std::string_view text);
// Escaping of a property value (file, title): also ':' and ','.
std::string EscapeGithubProperty(std::string_view text);

std::string EmitGithub(const std::vector<FileResult>& results, const ReportOptions& options);

}  // namespace smslint

#endif  // SMSLINT_REPORT_GITHUB_EMITTER_H_
