#include "checks/opt_out_language.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "text/keywords.h"

namespace smslint {
namespace {

std::vector<std::string> Collect(std::vector<std::string> LanguageKeywords::*field) {
  std::vector<std::string> out;
  for (const LanguageKeywords& k : KeywordLanguages()) {
    const std::vector<std::string>& list = k.*field;
    out.insert(out.end(), list.begin(), list.end());
  }
  return out;
}

}  // namespace

std::optional<std::pair<size_t, size_t>> FindOptOutInstruction(std::string_view body) {
  // "Reply STOP", "txt stop", "Text the word END", "Responde BAJA", "Envoyez ARRÊT": a
  // verb of sending followed by a keyword, in any case.
  static const RE2* kVerbThenKeyword = new RE2(absl::StrCat(
      "(?i)(?:^|[^\\pL\\pN])(?:", KeywordAlternation(Collect(&LanguageKeywords::verbs)),
      ")(?:\\s+(?:with|back|con|avec))?(?:\\s+(?:the\\s+word|la\\s+palabra|le\\s+mot))?"
      "\\s*[:\"'\\x{201C}\\x{2018}\\x{00AB}]?\\s*(?:",
      KeywordAlternation(Collect(&LanguageKeywords::opt_out)), ")(?:\\b|$|[^\\pL])"));
  // "STOP to end", "STOP2END", "stop=end", "BAJA para cancelar", "ARRET pour vous
  // désabonner": a keyword followed by what it does. The keyword is upper case (or
  // "stop") so "end to end" is not one.
  static const RE2* kKeywordThenAction = new RE2(
      absl::StrCat("(?:^|[^\\pL])(?:", KeywordAlternation(Collect(&LanguageKeywords::opt_out)),
                   "|[Ss]top)\\s*(?:2|to|TO|=|:|-|>|=>|para|PARA|pour|POUR)\\s*(?i:",
                   KeywordAlternation(Collect(&LanguageKeywords::actions)), ")(?:\\b|$|[^\\pL])"));
  re2::StringPiece input(body.data(), body.size());
  std::optional<std::pair<size_t, size_t>> best;
  for (const RE2* re : {kVerbThenKeyword, kKeywordThenAction}) {
    re2::StringPiece m;
    if (re->Match(input, 0, body.size(), RE2::UNANCHORED, &m, 1)) {
      size_t begin = static_cast<size_t>(m.data() - body.data());
      if (!best || begin < best->first) best = std::make_pair(begin, begin + m.size());
    }
  }
  return best;
}

}  // namespace smslint
