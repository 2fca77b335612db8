#include "checks/opt_in_confirmation_check.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "checks/brand_match.h"
#include "checks/opt_out_language.h"
#include "re2/re2.h"
#include "text/words.h"

namespace smslint {
namespace {

bool Matches(const RE2& re, std::string_view body) {
  return RE2::PartialMatch(re2::StringPiece(body.data(), body.size()), re);
}

}  // namespace

const RuleInfo& OptInConfirmationCheck::Info() const {
  static const RuleInfo* info = new RuleInfo{
      .id = "content/incomplete-opt-in-confirmation",
      .level = Level::kError,
      .summary = "The opt-in confirmation lacks the program name, rates, frequency, HELP or STOP",
      .why =
          "The first message after opt-in is the one carriers audit: CTIA requires it "
          "to name the program or brand, say \"Msg & data rates may apply\", give the "
          "message frequency, and tell how to get help (HELP) and how to stop (STOP). "
          "Campaign vetting rejects confirmations that miss any of them.",
      .fix =
          "Write it like: \"Acme Coffee Alerts: you're in! Up to 4 msgs/mo. Msg & data "
          "rates may apply. Reply HELP for help, STOP to cancel.\"",
      .source = "CTIA Messaging Principles and Best Practices (2023), 5.1.2.1 opt-in confirmation",
      .fire_examples = {"Acme Coffee: thanks for joining! Reply STOP to cancel.",
                        "You're in! Up to 4 msgs/mo. Msg&data rates may apply. Reply HELP for "
                        "help, STOP to cancel."},
      .pass_examples =
          {"Acme Coffee Alerts: you're in! Up to 4 msgs/mo. Msg&data rates may apply. Reply HELP "
           "for help, STOP to cancel.",
           "Acme Coffee: recurring order updates. Message and data rates may apply. Text HELP for "
           "info. Text STOP to end.",
           "Acme Coffee: 1 msg per order. Msg & Data Rates May Apply. HELP for help, STOP2END"},
      .options = {},
      .origin = "builtin",
  };
  return *info;
}

void OptInConfirmationCheck::Run(const MessageContext& context,
                                 std::vector<Finding>& findings) const {
  if (context.kind != BodyKind::kOptInConfirmation) return;
  static const RE2* kRates = new RE2(
      "(?i)\\b(?:msg|msgs|message|messages|sms|txt|text)\\s*(?:&|and|\\+|/)\\s*data\\s+rates?\\b"
      "|\\bstandard\\s+(?:msg|message|text|messaging)(?:\\s+and\\s+data)?\\s+rates\\b|\\bdata\\s+"
      "rates\\s+may\\s+apply");
  static const RE2* kFrequency = new RE2(
      "(?i)\\b(?:up\\s+to\\s+)?(?:\\d+|one|two|three|four|five|six|seven|ten)\\s*"
      "(?:msgs?|messages?|texts?|alerts?|sms)\\s*(?:/|per|a|an|each|every)\\s*"
      "(?:mo|mos|month|wk|week|day|order|appointment|appt|request|visit|transaction|login|purchase|"
      "booking|year|yr)\\b"
      "|\\brecurring\\b|\\bfrequency\\s+var(?:ies|y)\\b|\\bmsg\\s+freq");
  static const RE2* kHelp = new RE2("\\bHELP\\b|(?i:\\b(?:reply|text|txt|send)\\s+help\\b)");
  std::string body = MaskPlaceholders(context.body);
  std::vector<std::string> missing;
  if (!context.brand.empty() && !NamesBrand(body, context.brand, context.brand_aliases)) {
    missing.push_back(absl::StrCat("the program or brand name (", context.brand, ")"));
  }
  if (!Matches(*kRates, body)) missing.push_back("\"Msg & data rates may apply\"");
  if (!Matches(*kFrequency, body))
    missing.push_back("the message frequency (e.g. \"Up to 4 msgs/mo\")");
  if (!Matches(*kHelp, body)) missing.push_back("HELP instructions");
  if (!FindOptOutInstruction(body))
    missing.push_back("STOP instructions (e.g. \"Reply STOP to cancel\")");
  if (missing.empty()) return;
  Finding f;
  f.rule = Info().id;
  f.level = Info().level;
  f.message = absl::StrCat("the opt-in confirmation lacks ", absl::StrJoin(missing, ", "));
  f.begin = 0;
  f.end = 0;
  f.suggestion =
      "e.g. \"Acme Coffee Alerts: you're in! Up to 4 msgs/mo. Msg & data rates may apply. "
      "Reply HELP for help, STOP to cancel.\"";
  if (!context.brand.empty()) {
    f.suggestion = absl::StrCat("e.g. \"", context.brand,
                                ": you're in! Up to 4 msgs/mo. Msg & data rates may apply. "
                                "Reply HELP for help, STOP to cancel.\"");
  }
  findings.push_back(std::move(f));
}

}  // namespace smslint
