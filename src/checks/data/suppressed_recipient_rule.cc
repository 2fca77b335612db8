#include "checks/data/suppressed_recipient_rule.h"

#include "campaign/phone_numbers.h"
#include "checks/data/recipient_findings.h"
#include "diag/pii.h"

namespace smslint {

const RuleInfo* SuppressedRecipientRule::Info() const {
  static const RuleInfo info{
      .id = "data/suppressed-recipient",
      .level = Level::kError,
      .summary = "a recipient is on the suppression (opt-out) list",
      .why =
          "Someone who replied STOP has revoked consent; texting them again violates the "
          "CTIA principles and the TCPA and is a common cause of complaints and blocked "
          "numbers.",
      .fix = "Remove every suppressed number from the recipients before sending.",
      .source = "CTIA Messaging Principles and Best Practices 5.1.3; TCPA, 47 U.S.C. 227",
      .fire_examples = {"recipients row (312) 555-0177 with suppression file line +13125550177"},
      .pass_examples = {"recipients row +13125550177 with a suppression file that does not "
                        "list it"},
      .options = {},
      .origin = "builtin",
  };
  return &info;
}

void SuppressedRecipientRule::Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const {
  const RecipientTable& table = input.table;
  if (!input.facts.rows_read) return;
  Aggregate suppressed;
  for (size_t r = 0; r < table.size(); ++r) {
    if (!(table.flags[r] & kRecipientSuppressed)) continue;
    const uint32_t line = table.source_line[r];
    const uint64_t e164 = table.e164[r];
    suppressed.Add(line, [&] {
      return RowWhere(input.facts, line) + ": " +
             ShowRecipientNumber(E164Text(e164), e164, input.show_pii);
    });
  }
  if (suppressed.count() == 0) return;
  out.push_back(RecipientsFinding(
      input, Info()->id, Level::kError,
      Plural(suppressed.count(), "recipient is", "recipients are") + " on the suppression list " +
          input.facts.suppression_display + ": they opted out and must not be texted",
      &suppressed));
  out.back().suggestion = "remove suppressed numbers from the recipients file";
}

}  // namespace smslint
