#include "checks/data/duplicate_recipient_rule.h"

#include "campaign/phone_numbers.h"
#include "checks/data/recipient_findings.h"
#include "diag/pii.h"

namespace smslint {

const RuleInfo* DuplicateRecipientRule::Info() const {
  static const RuleInfo info{
      .id = "data/duplicate-recipient",
      .level = Level::kWarning,
      .summary = "the same number appears twice (after normalising to E.164)",
      .why =
          "A number written in national form in one row and in E.164 in another is one "
          "phone. Texting it twice annoys the recipient, doubles the cost and raises "
          "complaint rates; only the first row is sent to.",
      .fix = "Remove the repeated rows.",
      .source = "",
      .fire_examples = {"rows (312) 555-0177 and +1 312 555 0177 in one file"},
      .pass_examples = {"rows +13125550177 and +13125550178"},
      .options = {},
      .origin = "builtin",
  };
  return &info;
}

void DuplicateRecipientRule::Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const {
  const RecipientTable& table = input.table;
  if (!input.facts.rows_read) return;
  Aggregate duplicate;
  for (size_t r = 0; r < table.size(); ++r) {
    if (!(table.flags[r] & kRecipientDuplicate)) continue;
    const uint32_t line = table.source_line[r];
    const uint64_t e164 = table.e164[r];
    duplicate.Add(line, [&] {
      // Only the examples need the first row, so it is searched for, not stored.
      size_t first = 0;
      while (first < r && table.e164[first] != e164) ++first;
      return RowWhere(input.facts, line) + " repeats line " +
             std::to_string(table.source_line[first]) + ": " +
             ShowRecipientNumber(E164Text(e164), e164, input.show_pii);
    });
  }
  if (duplicate.count() == 0) return;
  out.push_back(RecipientsFinding(input, Info()->id, Level::kWarning,
                                  Plural(duplicate.count(), "row repeats", "rows repeat") +
                                      " an earlier recipient (same number after normalising to "
                                      "E.164); only the first row is sent to",
                                  &duplicate));
  out.back().suggestion = "remove the repeated rows";
}

}  // namespace smslint
