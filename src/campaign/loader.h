// The campaign loader: YAML text -> typed Campaign, with every schema problem of the
// file reported as a finding at its line:col (not only the first).
#ifndef SMSLINT_CAMPAIGN_LOADER_H_
#define SMSLINT_CAMPAIGN_LOADER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "campaign/campaign.h"
#include "diag/diagnostic.h"
#include "util/time_text.h"  // ParseRate, ParseDuration: the loader's value syntax

namespace smslint {

struct LoadResult {
  Campaign campaign;
  std::vector<Diagnostic> diagnostics;  // schema/* findings
};

// Errors that make the file unusable (YAML syntax, invalid UTF-8, NUL bytes, an
// empty file) are a Status whose message is "path:line:col: error: ...".
// `path` is used for messages and to resolve relative paths ("-" = stdin: the
// current directory).
absl::StatusOr<LoadResult> LoadCampaign(const std::string& path, std::string contents);

// Reads the file (bounded, "-" for stdin) and loads it.
absl::StatusOr<LoadResult> LoadCampaignFile(const std::string& path);

// Maps the byte range [begin, end) of a scalar's decoded text to a span in the
// campaign file, so carets point inside a template body.
Span TextSpan(const Campaign& campaign, const Located<TextValue>& value, size_t begin, size_t end);

// True for "+" and 7 to 15 digits, the first not 0.
bool IsE164Syntax(std::string_view number);

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_LOADER_H_
