#include "text/keywords.h"

#include <algorithm>

#include "doctest/doctest.h"
#include "re2/re2.h"

namespace smslint {
namespace {

bool Has(const std::vector<std::string>& list, const std::string& word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

TEST_CASE("keywords: the embedded data file holds English, Spanish and French") {
  const std::vector<LanguageKeywords>& languages = KeywordLanguages();
  REQUIRE(languages.size() >= 3);
  CHECK(languages[0].language == "en");
  std::vector<std::string> opt_out = AllOptOutKeywords();
  for (const char* k : {"STOP", "END", "CANCEL", "UNSUBSCRIBE", "QUIT", "STOPALL", "REVOKE",
                        "OPTOUT", "BAJA", "ALTO", "ARRET", "ARRÊT"}) {
    INFO(k);
    CHECK(Has(opt_out, k));
  }
  std::vector<std::string> all = AllKeywords();
  for (const char* k : {"HELP", "INFO", "AYUDA", "AIDE", "START"}) CHECK(Has(all, k));
  for (const LanguageKeywords& k : languages) {
    INFO(k.language);
    CHECK_FALSE(k.verbs.empty());
    CHECK_FALSE(k.actions.empty());
  }
}

TEST_CASE("keywords: the alternation matches each keyword, longest first") {
  RE2 re("^(?:" + KeywordAlternation({"STOP", "STOPALL", "OPT OUT", "ARRÊT"}) + ")");
  REQUIRE(re.ok());
  std::string m;
  CHECK(RE2::PartialMatch("STOPALL", "(" + re.pattern() + ")", &m));
  CHECK(m == "STOPALL");
  CHECK(RE2::PartialMatch("OPT-OUT", re));
  CHECK(RE2::PartialMatch("OPTOUT", re));
  CHECK(RE2::PartialMatch("ARRÊT", re));
}

}  // namespace
}  // namespace smslint
