// Opt-out, help and opt-in keywords by language (rules/data/opt-out-keywords.yml),
// read once from the embedded data. One source for every rule that needs them.
#ifndef SMSLINT_TEXT_KEYWORDS_H_
#define SMSLINT_TEXT_KEYWORDS_H_

#include <string>
#include <vector>

namespace smslint {

struct LanguageKeywords {
  std::string language;              // "en", "es", "fr"
  std::vector<std::string> opt_out;  // STOP, BAJA, ARRÊT ...
  std::vector<std::string> help;     // HELP, AYUDA, AIDE
  std::vector<std::string> opt_in;   // START, UNSTOP
  std::vector<std::string> verbs;    // reply, responde, répondez ...
  std::vector<std::string> actions;  // "opt out", "cancelar", "vous désabonner" ...
};

// Every language of the data file, in file order (English first).
const std::vector<LanguageKeywords>& KeywordLanguages();

// Every keyword of one kind across languages, upper case as written.
std::vector<std::string> AllOptOutKeywords();
std::vector<std::string> AllKeywords();  // opt-out, help and opt-in

// An RE2 alternation of `words` (escaped; spaces and hyphens match any run of
// spaces or a hyphen), without anchors or flags.
std::string KeywordAlternation(const std::vector<std::string>& words);

}  // namespace smslint

#endif  // SMSLINT_TEXT_KEYWORDS_H_
