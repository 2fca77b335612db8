#include "checks/opt_out_keyword_misuse_check.h"

#include <cctype>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "text/keywords.h"
#include "text/words.h"
#include "util/strings.h"

namespace smslint {
namespace {

bool IsIn(const std::vector<std::string>& list, std::string_view word) {
  for (const std::string& w : list) {
    if (absl::EqualsIgnoreCase(AsAbsl(w), AsAbsl(word))) return true;
  }
  return false;
}

// The words that say "stop the messages": an opt-out action ("to opt out", "to
// unsubscribe", "para cancelar") or a stop verb with the messages as its object
// ("to stop texts", "to cancel alerts", or nothing after it: "Reply STOP to cancel").
// `rest` starts at the action word.
bool MeansOptOut(std::string_view rest) {
  auto starts_with_word = [&](std::string_view phrase) {
    if (rest.size() < phrase.size() ||
        !absl::EqualsIgnoreCase(AsAbsl(rest.substr(0, phrase.size())), AsAbsl(phrase)))
      return false;
    return rest.size() == phrase.size() ||
           !std::isalpha(static_cast<unsigned char>(rest[phrase.size()]));
  };
  for (const LanguageKeywords& k : KeywordLanguages()) {
    for (const std::string& a : k.actions) {
      if (a != "cancel" && a != "end" && a != "stop" && a != "quit" && starts_with_word(a))
        return true;
    }
  }
  static const RE2* kStopMessages = new RE2(
      "(?i)^(?:cancel|end|stop|quit)(?:\\s+(?:all\\s+|these\\s+|our\\s+|the\\s+|future\\s+|"
      "further\\s+|"
      "marketing\\s+|promotional\\s+|receiving\\s+)*(?:msgs?|messages?|texts?|txts?|alerts?|sms|"
      "notifications?|reminders?|updates?|receiving|subscription|program|offers?|promos?|"
      "marketing|service|participation)\\b|\\s*(?:$|[.,;!)]|or\\b|and\\b|\\w+\\s+(?:for|to)\\s+"
      "help))");
  return RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), *kStopMessages);
}

}  // namespace

const RuleInfo& OptOutKeywordMisuseCheck::Info() const {
  static const RuleInfo* info = new RuleInfo{
      .id = "content/opt-out-keyword-misuse",
      .level = Level::kWarning,
      .summary = "A reply instruction uses an opt-out keyword for something else",
      .why =
          "Since the FCC's 2024 revocation rule, a reply of STOP, END, CANCEL, QUIT, "
          "UNSUBSCRIBE, REVOKE or OPT OUT revokes consent, and carriers and providers act "
          "on the keyword itself. \"Reply CANCEL to reschedule\" opts the recipient out of "
          "every message; \"Reply NO to cancel\" invites the reply CANCEL.",
      .fix =
          "Use a keyword that is not an opt-out word for the action (\"Reply R to "
          "reschedule\", \"Reply C to call off your visit\"), and keep STOP for opting out.",
      .source =
          "FCC 24-24 (2024), 47 CFR 64.1200(a)(10): revocation by reasonable means, "
          "including the words stop, quit, end, revoke, opt out, cancel, unsubscribe",
      .fire_examples = {"Acme Dental: your visit is Tue 3pm. Reply CANCEL to reschedule",
                        "Acme Dental: your visit is Tue 3pm. Reply NO to cancel",
                        "Acme Dental: reply STOP to confirm your visit"},
      .pass_examples = {"Acme Dental: your visit is Tue 3pm. Reply R to reschedule. Reply STOP "
                        "to opt out",
                        "Acme Coffee: lattes 20% off. Reply STOP to cancel",
                        "Acme Coffee: lattes 20% off. Text END to cancel messages",
                        "Acme Coffee: lattes 20% off. Reply CANCEL to stop receiving texts",
                        "Acme Coffee: lattes 20% off. Reply STOP to end, HELP for help",
                        "Acme Coffee: lattes 20% off. Responde BAJA para cancelar"},
      .options = {},
      .origin = "builtin",
  };
  return *info;
}

void OptOutKeywordMisuseCheck::Run(const MessageContext& context,
                                   std::vector<Finding>& findings) const {
  // "Reply WORD to ACTION": the word and the action, with what follows the action.
  static const RE2* kInstruction = new RE2(
      "(?i)\\b(?:reply|respond|text|txt|send)\\s+(?:with\\s+)?[\"'\\x{201C}]?([A-Za-z0-9-]+)"
      "[\"'\\x{201D}]?\\s+(?:to|2)\\s+([A-Za-z-]+)");
  std::string body = MaskPlaceholders(context.body);
  const std::vector<std::string> opt_out = AllOptOutKeywords();
  re2::StringPiece input(body);
  re2::StringPiece whole, word, action;
  size_t pos = 0;
  while (pos < body.size() &&
         kInstruction->Match(input, pos, body.size(), RE2::UNANCHORED, &whole, 1)) {
    re2::StringPiece m = whole;
    RE2::PartialMatch(m, *kInstruction, &word, &action);
    size_t begin = static_cast<size_t>(whole.data() - body.data());
    size_t end = begin + whole.size();
    pos = end;
    std::string_view w(word.data(), word.size());
    std::string_view a(action.data(), action.size());
    std::string_view rest(action.data(), body.size() - (action.data() - body.data()));
    bool keyword = IsIn(opt_out, w);
    bool opt_out_action = MeansOptOut(rest);
    std::string message;
    if (keyword && !opt_out_action) {
      message = absl::StrCat("the opt-out keyword ", absl::AsciiStrToUpper(AsAbsl(w)),
                             " is used to ", std::string(a),
                             ": a recipient who replies it is opted out of every message");
    } else if (!keyword && IsIn(opt_out, a)) {
      message = absl::StrCat("\"to ", std::string(a), "\" invites the reply ",
                             absl::AsciiStrToUpper(AsAbsl(a)),
                             ", an opt-out keyword: the recipient would be opted out");
    } else {
      continue;
    }
    Finding f;
    f.rule = Info().id;
    f.level = Info().level;
    f.message = std::move(message);
    f.begin = begin;
    f.end = end;
    f.suggestion = "use a keyword that is not an opt-out word (e.g. \"Reply R to reschedule\")";
    findings.push_back(std::move(f));
  }
}

}  // namespace smslint
