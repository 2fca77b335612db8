// Diagnostic: the one finding model shared by schema, content, data and traffic rules.
#ifndef SMSLINT_DIAG_DIAGNOSTIC_H_
#define SMSLINT_DIAG_DIAGNOSTIC_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smslint {

enum class Level { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view LevelName(Level level);  // "info", "warning", "error"
std::optional<Level> ParseLevel(std::string_view name);

// 1-based line and column (columns count Unicode code points); 0 means unknown.
struct Position {
  int line = 0;
  int column = 0;
  bool known() const { return line > 0; }
};

// A half-open region of a file. `file` is the path as the user gave it.
struct Span {
  std::string file;
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;
};

struct Diagnostic {
  std::string rule;  // stable id, "category/name"
  Level level = Level::kWarning;
  std::string message;
  Span span;
  std::string template_id;         // template the finding is about, if any
  std::string suggestion;          // "did you mean", a replacement, or a fix hint
  std::vector<std::string> notes;  // extra lines (aggregated, masked examples)
};

// Category of a rule id: "content/shaft" -> "content".
std::string_view RuleFamily(std::string_view rule_id);

// Orders diagnostics by file, line, column, rule so every output is stable.
void SortDiagnostics(std::vector<Diagnostic>& diagnostics);

// The highest level present, or nullopt when there is none.
std::optional<Level> WorstLevel(const std::vector<Diagnostic>& diagnostics);

}  // namespace smslint

#endif  // SMSLINT_DIAG_DIAGNOSTIC_H_
