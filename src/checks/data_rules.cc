#include "checks/data_rules.h"

#include "diag/rule_catalog.h"

namespace smslint {
namespace {

RuleInfo Rule(std::string id, Level level, std::string summary, std::string why, std::string fix,
              std::string source, std::vector<std::string> fire, std::vector<std::string> pass) {
  RuleInfo info;
  info.id = std::move(id);
  info.level = level;
  info.summary = std::move(summary);
  info.why = std::move(why);
  info.fix = std::move(fix);
  info.source = std::move(source);
  info.fire_examples = std::move(fire);
  info.pass_examples = std::move(pass);
  info.origin = "builtin";
  return info;
}

}  // namespace

void AddDataRules(RuleCatalog& catalog) {
  catalog.Add(Rule(
      "data/invalid-number", Level::kError,
      "a recipient or sender is not a valid phone number",
      "Numbers are read with libphonenumber, national formats in the campaign's country. A "
      "number the library rejects cannot be delivered: every attempt is a failed, billed send "
      "that carriers count against the sender's reputation.",
      "Fix or remove the number; write numbers in E.164: +, the country code, then the number.",
      "ITU-T E.164; libphonenumber metadata",
      {"a recipients.csv row with phone 555-0177 (seven digits, no area code)",
       "a row with phone +1 312 555 017 (one digit short)",
       "a sender +1 099 555 0100 (area codes never start with 0)"},
      {"phone (312) 555-0177 with country US", "phone +44 7911 123456",
       "sender +14155550100"}));
  catalog.Add(Rule(
      "data/duplicate-recipient", Level::kWarning,
      "the same number appears twice (after normalising to E.164)",
      "A number written in national form in one row and in E.164 in another is one phone. "
      "Texting it twice annoys the recipient, "
      "doubles the cost and raises complaint rates; only the first row is sent to.",
      "Remove the repeated rows.", "",
      {"rows (312) 555-0177 and +1 312 555 0177 in one file"},
      {"rows +13125550177 and +13125550178"}));
  catalog.Add(Rule(
      "data/suppressed-recipient", Level::kError,
      "a recipient is on the suppression (opt-out) list",
      "Someone who replied STOP has revoked consent; texting them again violates the CTIA "
      "principles and the TCPA and is a common cause of complaints and blocked numbers.",
      "Remove every suppressed number from the recipients before sending.",
      "CTIA Messaging Principles and Best Practices 5.1.3; TCPA, 47 U.S.C. 227",
      {"recipients row (312) 555-0177 with suppression file line +13125550177"},
      {"recipients row +13125550177 with a suppression file that does not list it"}));
  catalog.Add(Rule(
      "data/missing-consent", Level::kError,
      "a recipient has no opt-in record (or the file has no consent column)",
      "Marketing texts need the recipient's prior express consent. Where the file has an "
      "opted_in_at column, a row without a valid ISO 8601 date has no proof of consent "
      "(error, one finding with the count); where no such column exists, one warning says "
      "consent cannot be checked at all.",
      "Record when each recipient opted in (opted_in_at: 2024-03-01 or "
      "2024-03-01T09:30:00Z), or remove recipients without consent.",
      "CTIA Messaging Principles and Best Practices 5.1.2",
      {"a recipients.csv with an opted_in_at column and a row whose opted_in_at is empty",
       "opted_in_at 'yesterday'", "a recipients.csv without an opted_in_at column (warning)"},
      {"opted_in_at 2024-03-01", "opted_in_at 2024-03-01T09:30:00-05:00"}));
  catalog.Add(Rule(
      "data/non-mobile-number", Level::kWarning,
      "libphonenumber says the number is fixed line, toll free, premium rate or similar",
      "Reported only where the library is sure the number is not a mobile: fixed line, toll "
      "free, premium rate, shared cost, pager, UAN, voicemail. 'Fixed line or mobile' (all "
      "North American numbers), VoIP and personal numbers may take texts and are not reported.",
      "Text mobile numbers only, or confirm the number is text-enabled.",
      "libphonenumber number types",
      {"phone +1 800 555 0199 (toll free)", "phone +44 20 7946 0958 (fixed line)"},
      {"phone +1 312 555 0177 (fixed line or mobile)", "phone +44 7911 123456 (mobile)"}));
  catalog.Add(Rule(
      "data/malformed-row", Level::kError,
      "a row of the recipients CSV cannot be read",
      "A row with more or fewer fields than the header (usually an unquoted comma), invalid "
      "UTF-8, a NUL byte, a quote that never closes or a row over 1 MiB is skipped: its "
      "recipient is not sent to. The rest of the file is still read.",
      "Quote fields that hold commas, quotes or line breaks (RFC 4180); save the file as UTF-8.",
      "RFC 4180",
      {"header phone,first_name and row +13125550177,Smith, John"},
      {"header phone,first_name and row +13125550177,\"Smith, John\""}));
  catalog.Add(Rule(
      "content/empty-placeholder", Level::kWarning,
      "some recipients leave a placeholder empty and it has no fallback",
      "\"Hi {{first_name}}, ...\" becomes \"Hi , ...\" for recipients without a first name: "
      "it reads as a mail merge gone wrong. The finding counts the recipients and shows one "
      "rendered example (numbers masked).",
      "Add a fallback ({{first_name|there}}) or fill the column.", "",
      {"template 'Hi {{first_name}}' and a recipients row with an empty first_name"},
      {"template 'Hi {{first_name|there}}' and a row with an empty first_name",
       "template 'Hi {{first_name}}' and every row has a first_name"}));
}

}  // namespace smslint
