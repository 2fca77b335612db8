// JSON output: one document with a `version` field; stable field names.
#ifndef SMSLINT_REPORT_JSON_EMITTER_H_
#define SMSLINT_REPORT_JSON_EMITTER_H_

#include <string>
#include <vector>

#include "nlohmann/json.hpp"
#include "report/file_result.h"

namespace smslint {

// 2: simulation.recommendation is an object (kind, plan, current, predicted,
// remaining, causes, simulations, text), no longer a string.
inline constexpr int kJsonFormatVersion = 2;

std::string EmitJson(const std::vector<FileResult>& results, const ReportOptions& options);

nlohmann::ordered_json DiagnosticToJson(const Diagnostic& d);
nlohmann::ordered_json SimResultToJson(const SimResult& sim);

// A rule's descriptor, as `rules --format json` and `explain --format json` print it.
nlohmann::ordered_json RuleInfoToJson(const RuleInfo& rule);

}  // namespace smslint

#endif  // SMSLINT_REPORT_JSON_EMITTER_H_
