#include "checks/data/missing_consent_rule.h"

#include "checks/data/recipient_findings.h"
#include "diag/pii.h"

namespace smslint {

const RuleInfo* MissingConsentRule::Info() const {
  static const RuleInfo info{
      .id = "data/missing-consent",
      .level = Level::kError,
      .summary = "a recipient has no opt-in record (or the file has no consent column)",
      .why =
          "Marketing texts need the recipient's prior express consent. Where the file has "
          "an opted_in_at column, a row without a valid ISO 8601 date has no proof of "
          "consent (error, one finding with the count); where no such column exists, one "
          "warning says consent cannot be checked at all.",
      .fix =
          "Record when each recipient opted in (opted_in_at: 2024-03-01 or "
          "2024-03-01T09:30:00Z), or remove recipients without consent.",
      .source = "CTIA Messaging Principles and Best Practices 5.1.2",
      .fire_examples = {"a recipients.csv with an opted_in_at column and a row whose "
                        "opted_in_at is empty",
                        "opted_in_at 'yesterday'",
                        "a recipients.csv without an opted_in_at column (warning)"},
      .pass_examples = {"opted_in_at 2024-03-01", "opted_in_at 2024-03-01T09:30:00-05:00"},
      .options = {},
      .origin = "builtin",
  };
  return &info;
}

void MissingConsentRule::Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const {
  const RecipientTable& table = input.table;
  const RecipientFacts& facts = input.facts;
  if (!facts.rows_read) return;
  if (facts.consent_column < 0) {
    Diagnostic d = RecipientsFinding(
        input, Info()->id, Level::kWarning,
        facts.origin == RecipientFacts::Origin::kList
            ? "inline recipients carry no consent record: nothing shows they opted in"
            : "the recipients file has no opted_in_at column: nothing shows the recipients "
              "opted in",
        nullptr);
    d.suggestion = "add an opted_in_at column with each recipient's opt-in date (ISO 8601)";
    out.push_back(std::move(d));
    return;
  }
  Aggregate no_consent;
  for (size_t r = 0; r < table.size(); ++r) {
    const uint8_t flags = table.flags[r];
    // Rows never sent to (invalid, repeated) are other rules' findings.
    if (!(flags & kRecipientNoConsent) || (flags & (kRecipientInvalid | kRecipientDuplicate)))
      continue;
    const uint32_t line = table.source_line[r];
    no_consent.Add(line, [&] {
      std::string value(CutUtf8(table.Field(r, facts.consent_column), 40));
      return RowWhere(facts, line) + ": " +
             ShowRecipientNumber(table.Field(r, table.phone_column), table.e164[r],
                                 input.show_pii) +
             (value.empty() ? " has no opted_in_at"
                            : " opted_in_at '" + value + "' is not an ISO 8601 date");
    });
  }
  if (no_consent.count() == 0) return;
  out.push_back(RecipientsFinding(
      input, Info()->id, Level::kError,
      Plural(no_consent.count(), "recipient has", "recipients have") +
          " no valid opted_in_at date (ISO 8601, e.g. 2024-03-01 or 2024-03-01T09:30:00Z)",
      &no_consent));
  out.back().suggestion = "record when each recipient opted in, or remove those without consent";
}

}  // namespace smslint
