#include "checks/data/invalid_number_rule.h"

#include "campaign/phone_numbers.h"
#include "campaign/sender_numbers.h"
#include "checks/data/recipient_findings.h"
#include "diag/pii.h"

namespace smslint {

const RuleInfo* InvalidNumberRule::Info() const {
  static const RuleInfo info{
      .id = "data/invalid-number",
      .level = Level::kError,
      .summary = "a recipient or sender is not a valid phone number",
      .why =
          "Numbers are read with libphonenumber, national formats in the campaign's "
          "country. A number the library rejects cannot be delivered: every attempt is a "
          "failed, billed send that carriers count against the sender's reputation.",
      .fix =
          "Fix or remove the number; write numbers in E.164: +, the country code, then the "
          "number.",
      .source = "ITU-T E.164; libphonenumber metadata",
      .fire_examples = {"a recipients.csv row with phone 555-0177 (seven digits, no area code)",
                        "a row with phone +1 312 555 017 (one digit short)",
                        "a sender +1 099 555 0100 (area codes never start with 0)"},
      .pass_examples = {"phone (312) 555-0177 with country US", "phone +44 7911 123456",
                        "sender +14155550100", "sender 24273 (a short code)"},
      .options = {},
      .origin = "builtin",
  };
  return &info;
}

void InvalidNumberRule::Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const {
  const RecipientTable& table = input.table;
  const RecipientFacts& facts = input.facts;
  if (facts.rows_read) {
    Aggregate invalid;
    for (size_t r = 0; r < table.size(); ++r) {
      if (!(table.flags[r] & kRecipientInvalid)) continue;
      const uint32_t line = table.source_line[r];
      invalid.Add(line, [&] {
        std::string_view written = table.Field(r, table.phone_column);
        std::string detail = written.empty()
                                 ? std::string("(empty)")
                                 : "'" + ShowRecipientNumber(written, 0, input.show_pii) + "'";
        // Such a field is never handed to libphonenumber (quadratic in its length).
        if (LongerThanAnyNumber(written))
          detail += " (" + std::to_string(written.size()) + " bytes: longer than any phone number)";
        return RowWhere(facts, line) + ": " + detail;
      });
    }
    if (invalid.count() > 0) {
      out.push_back(RecipientsFinding(
          input, Info()->id, Level::kError,
          Plural(invalid.count(), "recipient is not a valid phone number",
                 "recipients are not valid phone numbers") +
              " for " + facts.country + " (libphonenumber); they will not be sent to",
          &invalid));
      out.back().suggestion =
          "fix the digits, or write numbers in E.164: + country code, then the number";
    }
  }

  // Sender numbers belong to the business and are shown unmasked.
  const Campaign& campaign = input.campaign;
  std::string country = campaign.campaign.country.present && !campaign.campaign.country->empty()
                            ? campaign.campaign.country.value
                            : "US";
  PhoneNumberClassifier classifier(country, PhoneNumberClassifier::Volume::kFew);
  for (const Sender& sender : campaign.senders) {
    // Values the loader rejected (not E.164) are already findings.
    if (!sender.number.present) continue;
    // A short code is not a phone number (data/sender-route-mismatch judges its route).
    if (IsShortCodeSyntax(sender.number.value)) continue;
    NumberInfo info = classifier.ClassifyWithLibrary(sender.number.value);
    if (info.valid) continue;
    Diagnostic d;
    d.rule = Info()->id;
    d.level = Level::kError;
    d.message = "sender " + sender.number.value +
                " is not a valid phone number (libphonenumber): no carrier will route it";
    Position pos = sender.number.pos;
    d.span = Span{campaign.path, pos.line, pos.column, pos.line, pos.column};
    d.suggestion = "use the E.164 form (+ country code, then the number) of a number you own";
    out.push_back(std::move(d));
  }
}

}  // namespace smslint
