#include "checks/data/recipient_findings.h"

namespace smslint {

std::string RowWhere(const RecipientFacts& facts, uint32_t line) {
  if (facts.origin == RecipientFacts::Origin::kList) return "line " + std::to_string(line);
  return facts.csv_display + ":" + std::to_string(line);
}

Diagnostic RecipientsFinding(const DataRuleInput& input, std::string rule, Level level,
                             std::string message, const Aggregate* aggregate) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.level = level;
  d.message = std::move(message);
  Position pos = input.facts.anchor;
  if (input.facts.origin == RecipientFacts::Origin::kList && aggregate != nullptr &&
      aggregate->first_line() > 0)
    pos = Position{static_cast<int>(aggregate->first_line()), pos.column};
  d.span = Span{input.campaign.path, pos.line, pos.column, pos.line, pos.column};
  if (aggregate != nullptr) {
    d.notes = aggregate->examples();
    if (aggregate->count() > aggregate->examples().size())
      d.notes.push_back("and " + std::to_string(aggregate->count() - aggregate->examples().size()) +
                        " more");
  }
  return d;
}

std::string_view CutUtf8(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace smslint
