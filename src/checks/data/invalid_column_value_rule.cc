#include "checks/data/invalid_column_value_rule.h"

#include "campaign/schema_rules.h"
#include "checks/data/recipient_findings.h"

namespace smslint {
namespace {

// One finding for the rows flagged `flag`, quoting their value in `column`.
void ReportValues(const DataRuleInput& input, uint8_t flag, int column, std::string message_one,
                  std::string message_many, std::string rest, std::string suggestion,
                  std::vector<Diagnostic>& out) {
  const RecipientTable& table = input.table;
  if (column < 0) return;
  Aggregate bad;
  for (size_t r = 0; r < table.size(); ++r) {
    if (!(table.flags[r] & flag)) continue;
    const uint32_t line = table.source_line[r];
    bad.Add(line, [&] {
      return RowWhere(input.facts, line) + ": '" +
             std::string(CutUtf8(table.Field(r, static_cast<size_t>(column)), 40)) + "'";
    });
  }
  if (bad.count() == 0) return;
  out.push_back(RecipientsFinding(input, kInvalidValue, Level::kError,
                                  Plural(bad.count(), message_one, message_many) + rest, &bad));
  out.back().suggestion = std::move(suggestion);
}

}  // namespace

const RuleInfo* InvalidColumnValueRule::Info() const { return nullptr; }

void InvalidColumnValueRule::Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const {
  if (!input.facts.rows_read) return;
  ReportValues(input, kRecipientBadTimezone, input.facts.timezone_column, "timezone value is",
               "timezone values are", " not an IANA time zone; the zone is taken from the number",
               "use IANA names such as America/Chicago", out);
  ReportValues(input, kRecipientBadState, input.facts.state_column, "state value is",
               "state values are",
               " not a two-letter US state or Canadian province code; the state is taken from "
               "the number",
               "use codes such as NY, FL, ON", out);
}

}  // namespace smslint
