#include "diag/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace smslint {

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kInfo:
      return "info";
    case Level::kWarning:
      return "warning";
    case Level::kError:
      return "error";
  }
  return "error";
}

std::optional<Level> ParseLevel(std::string_view name) {
  if (name == "info" || name == "note") return Level::kInfo;
  if (name == "warning") return Level::kWarning;
  if (name == "error") return Level::kError;
  return std::nullopt;
}

std::string_view RuleFamily(std::string_view rule_id) {
  size_t slash = rule_id.find('/');
  return slash == std::string_view::npos ? rule_id : rule_id.substr(0, slash);
}

void SortDiagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.span.file, a.span.line, a.span.column, a.rule) <
                            std::tie(b.span.file, b.span.line, b.span.column, b.rule);
                   });
}

std::optional<Level> WorstLevel(const std::vector<Diagnostic>& diagnostics) {
  std::optional<Level> worst;
  for (const Diagnostic& d : diagnostics) {
    if (!worst || d.level > *worst) worst = d.level;
  }
  return worst;
}

}  // namespace smslint
