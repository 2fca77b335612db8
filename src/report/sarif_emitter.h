// SARIF 2.1.0 emitter: one run covering every file, accepted by GitHub code scanning.
#ifndef SMSLINT_REPORT_SARIF_EMITTER_H_
#define SMSLINT_REPORT_SARIF_EMITTER_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/file_result.h"

namespace smslint {

// The project page; SARIF `informationUri` and the base of every rule's `helpUri`.
inline constexpr char kSmslintHomepage[] = "https://github.com/smslint/smslint";

// Stable help address of a rule: the homepage's rule reference anchor,
// "<homepage>/blob/main/README.md#rule-<category>-<name>" ("content/missing-brand"
// -> "#rule-content-missing-brand"). `smslint explain RULE` prints the same text offline.
std::string RuleHelpUri(std::string_view rule_id);

// A fingerprint that survives edits that move a finding to another line: a hash of
// the rule id, file, template id and the message with its digits removed.
std::string FindingFingerprint(std::string_view rule_id, std::string_view file,
                               std::string_view template_id, std::string_view message);

std::string EmitSarif(const std::vector<FileResult>& results, const ReportOptions& options);

}  // namespace smslint

#endif  // SMSLINT_REPORT_SARIF_EMITTER_H_
