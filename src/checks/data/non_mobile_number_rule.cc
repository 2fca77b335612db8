#include "checks/data/non_mobile_number_rule.h"

#include "campaign/phone_numbers.h"
#include "checks/data/recipient_findings.h"
#include "diag/pii.h"

namespace smslint {

const RuleInfo* NonMobileNumberRule::Info() const {
  static const RuleInfo info{
      .id = "data/non-mobile-number",
      .level = Level::kWarning,
      .summary =
          "libphonenumber says the number is fixed line, toll free, premium rate or "
          "similar",
      .why =
          "Reported only where the library is sure the number is not a mobile: fixed line, "
          "toll free, premium rate, shared cost, pager, UAN, voicemail. 'Fixed line or "
          "mobile' (all North American numbers), VoIP and personal numbers may take texts "
          "and are not reported.",
      .fix = "Text mobile numbers only, or confirm the number is text-enabled.",
      .source = "libphonenumber number types",
      .fire_examples = {"phone +1 800 555 0199 (toll free)", "phone +44 20 7946 0958 (fixed line)"},
      .pass_examples = {"phone +1 312 555 0177 (fixed line or mobile)",
                        "phone +44 7911 123456 (mobile)"},
      .options = {},
      .origin = "builtin",
  };
  return &info;
}

void NonMobileNumberRule::Run(const DataRuleInput& input, std::vector<Diagnostic>& out) const {
  const RecipientTable& table = input.table;
  const RecipientFacts& facts = input.facts;
  if (!facts.rows_read) return;
  Aggregate non_mobile;
  size_t type_counts[16] = {};
  for (size_t r = 0; r < table.size() && r < facts.number_type.size(); ++r) {
    const uint8_t flags = table.flags[r];
    if (flags & (kRecipientInvalid | kRecipientDuplicate)) continue;
    const auto type = static_cast<PhoneNumberType>(facts.number_type[r]);
    if (!IsNonMobileType(type)) continue;
    ++type_counts[facts.number_type[r] & 15];
    const uint32_t line = table.source_line[r];
    const uint64_t e164 = table.e164[r];
    non_mobile.Add(line, [&] {
      return RowWhere(facts, line) + ": " +
             ShowRecipientNumber(E164Text(e164), e164, input.show_pii) + " (" +
             std::string(NumberTypeName(type)) + ")";
    });
  }
  if (non_mobile.count() == 0) return;
  std::string breakdown;
  for (int t = 0; t < 16; ++t) {
    if (type_counts[t] == 0) continue;
    if (!breakdown.empty()) breakdown += ", ";
    breakdown += std::to_string(type_counts[t]) + " " +
                 std::string(NumberTypeName(static_cast<PhoneNumberType>(t)));
  }
  out.push_back(RecipientsFinding(input, Info()->id, Level::kWarning,
                                  Plural(non_mobile.count(), "recipient is not a mobile number",
                                         "recipients are not mobile numbers") +
                                      " (libphonenumber: " + breakdown +
                                      "); texts to them are lost",
                                  &non_mobile));
  out.back().suggestion = "text mobile numbers only";
}

}  // namespace smslint
