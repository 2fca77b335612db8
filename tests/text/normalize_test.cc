#include "text/normalize.h"

#include "doctest/doctest.h"

namespace smslint {
namespace {

std::string Norm(std::string_view s, bool one_as_l = false) {
  return NormalizeForMatching(s, one_as_l).text;
}

TEST_CASE("normalisation: look-alike digits inside words") {
  CHECK(Norm("Y0ur acc0unt is susp3nded") == "Your account is suspended");
  CHECK(Norm("fr33 pr1ze") == "free prize");
  CHECK(Norm("l0g1n") == "login");
  CHECK(Norm("paypa1", true) == "paypal");
  // Numbers, times, prices and codes stay as written.
  CHECK(Norm("4pm 150p 2FA 1st 482913 $45") == "4pm 150p 2FA 1st 482913 $45");
  CHECK_FALSE(NormalizeForMatching("See you at 4pm, code 482913").changed);
}

TEST_CASE("normalisation: dotted acronyms and styled letters") {
  CHECK(Norm("Update your K.Y.C now") == "Update your KYC now");
  CHECK(Norm("e.g. Mr.Smith") == "eg. Mr.Smith");
  CHECK(Norm("\xF0\x9D\x97\xAC\xF0\x9D\x97\xBC\xF0\x9D\x98\x82\xF0\x9D\x97\xBF") == "Your");
  CHECK(Norm("\xEF\xBC\xB7\xEF\xBD\x89\xEF\xBD\x8E") == "Win");  // fullwidth
  CHECK(Norm("ver\xE2\x80\x8Bify") == "verify");                 // zero-width space
}

TEST_CASE("normalisation: text left as written maps each byte to itself") {
  for (const char* input :
       {"", "Acme Coffee: lattes 20% off at https://acme.com/x. Reply STOP to opt out",
        "ab2 a1 1ab x2y9 4pm", "a.", ".b", "ab.c", "U.2"}) {
    CAPTURE(input);
    for (bool one_as_l : {false, true}) {
      NormalizedText n = NormalizeForMatching(input, one_as_l);
      CHECK_FALSE(n.changed);
      CHECK(n.text == input);
      REQUIRE(n.begin.size() == n.text.size());
      REQUIRE(n.end.size() == n.text.size());
      for (size_t i = 0; i < n.text.size(); ++i) {
        CHECK(n.begin[i] == i);
        CHECK(n.end[i] == i + 1);
      }
    }
  }
  // One look-alike digit, one dotted letter or one byte outside ASCII is enough.
  CHECK(Norm("ab1") == "abi");
  CHECK(Norm("ab1", true) == "abl");
  CHECK(Norm("see U.S. now") == "see US. now");
  CHECK(Norm("a.b") == "ab");
  CHECK(Norm("e.g") == "eg");
  CHECK(NormalizeForMatching("ab0").changed);
  CHECK(Norm("caf\xC3\xA9 ver\xE2\x80\x8Bify") == "caf\xC3\xA9 verify");
}

TEST_CASE("normalisation: spans map back to the original bytes") {
  std::string input = "Hi \xEF\xBC\xB7\xEF\xBD\x89\xEF\xBD\x8E now";  // "Hi Ｗｉｎ now"
  NormalizedText n = NormalizeForMatching(input);
  REQUIRE(n.text == "Hi Win now");
  auto [b, e] = n.Original(3, 6);
  CHECK(b == 3);
  CHECK(e == 12);
  CHECK(input.substr(e) == " now");
}

}  // namespace
}  // namespace smslint
