#include "checks/data/malformed_row_rule.h"

#include "checks/data/recipient_findings.h"

namespace smslint {

const RuleInfo* MalformedRowRule::Info() const {
  static const RuleInfo info{
      .id = "data/malformed-row",
      .level = Level::kError,
      .summary = "a row of the recipients CSV cannot be read",
      .why =
          "A row with more or fewer fields than the header (usually an unquoted comma), "
          "invalid UTF-8, a NUL byte, a quote that never closes or a row over 1 MiB is "
          "skipped: its recipient is not sent to. The rest of the file is still read.",
      .fix =
          "Quote fields that hold commas, quotes or line breaks (RFC 4180); save the file as "
          "UTF-8.",
      .source = "RFC 4180",
      .fire_examples = {"header phone,first_name and row +13125550177,Smith, John"},
      .pass_examples = {"header phone,first_name and row +13125550177,\"Smith, John\""},
      .options = {},
      .origin = "builtin",
  };
  return &info;
}

void MalformedRowRule::Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const {
  const RecipientFacts& facts = input.facts;
  const std::vector<CsvRowIssue>& issues = facts.malformed_rows;
  if (issues.empty()) return;
  const size_t columns = input.table.columns.size();
  Aggregate aggregate;
  bool unterminated = false;
  for (const CsvRowIssue& issue : issues) {
    unterminated |= issue.problem == CsvProblem::kUnterminatedQuote;
    aggregate.Add(issue.line, [&] {
      std::string text =
          RowWhere(facts, issue.line) + ": " + std::string(CsvProblemText(issue.problem));
      if (issue.problem == CsvProblem::kWrongFieldCount)
        text += " (" + std::to_string(issue.fields) + ", the header has " +
                std::to_string(columns) + ")";
      return text;
    });
  }
  // Unlike the other recipient findings, this one points into the CSV itself.
  Diagnostic d;
  d.rule = Info()->id;
  d.level = Level::kError;
  d.message = Plural(issues.size(), "row", "rows") + " of " + facts.csv_display +
              (issues.size() == 1 ? " is" : " are") + " malformed and will not be sent to" +
              (unterminated ? "; a quote that never closes hides the rest of the file" : "");
  d.span = Span{facts.csv_display, static_cast<int>(aggregate.first_line()), 1,
                static_cast<int>(aggregate.first_line()), 1};
  d.notes = aggregate.examples();
  if (aggregate.count() > aggregate.examples().size())
    d.notes.push_back("and " + std::to_string(aggregate.count() - aggregate.examples().size()) +
                      " more");
  d.suggestion = "quote fields that contain commas, quotes or line breaks; save as UTF-8";
  out.push_back(std::move(d));
}

}  // namespace smslint
