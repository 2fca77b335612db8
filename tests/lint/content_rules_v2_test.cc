// Content rules v2: levels by context (use case, one-time code in the body, per
// group), proximity ('near'), matching on normalised text with spans on the
// original, and the brand matcher.
#include <algorithm>
#include <string>
#include <vector>

#include "checks/brand_match.h"
#include "doctest/doctest.h"
#include "lint/engine.h"
#include "lint/test_context.h"
#include "lint/test_engine.h"
#include "lint/yaml_rule.h"

namespace smslint {
namespace {

std::optional<Level> LevelOf(const std::vector<Finding>& findings, std::string_view rule) {
  std::optional<Level> worst;
  for (const Finding& f : findings) {
    if (f.rule == rule && (!worst || f.level < *worst)) worst = f.level;
  }
  return worst;
}

std::vector<Finding> Lint(std::string_view body, std::optional<UseCase> use_case) {
  static const RuleEngine* engine = [] {
    absl::StatusOr<RuleEngine> e = LoadTestEngine({}, nullptr);
    REQUIRE(e.ok());
    return new RuleEngine(std::move(*e));
  }();
  MessageContext c = ExampleContext(body);
  c.use_case = use_case;
  return engine->CheckMessage(c);
}

TEST_CASE("v2: a lure next to a one-time code is info for two_factor and security_alert") {
  std::string code =
      "Acme Coffee: 482913 is your code. Use it to verify your account within 5 minutes.";
  CHECK(LevelOf(Lint(code, UseCase::kTwoFactor), "content/phishing-language") == Level::kInfo);
  CHECK(LevelOf(Lint(code, UseCase::kSecurityAlert), "content/phishing-language") == Level::kInfo);
  CHECK(LevelOf(Lint(code, UseCase::kMarketing), "content/phishing-language") == Level::kError);
  // Without a code the lure stays an error, even for two_factor.
  CHECK(LevelOf(
            Lint("Acme Coffee: verify your account now at acme-login.example", UseCase::kTwoFactor),
            "content/phishing-language") == Level::kError);
}

TEST_CASE("v2: SHAFT and gambling words are at most a warning in public-interest use cases") {
  std::string gun =
      "Acme Coffee: campus is in lockdown, a person with a gun was seen near the library.";
  CHECK(LevelOf(Lint(gun, UseCase::kPublicService), "content/shaft") == Level::kWarning);
  CHECK(LevelOf(Lint(gun, UseCase::kK12Education), "content/shaft") == Level::kWarning);
  CHECK(LevelOf(Lint(gun, UseCase::kMarketing), "content/shaft") == Level::kError);
  std::string casino = "Acme Coffee: the casino bus leaves city hall at 9am.";
  CHECK(LevelOf(Lint(casino, UseCase::kPolitical), "content/prohibited-use-case") ==
        Level::kWarning);
  CHECK(LevelOf(Lint(casino, UseCase::kAccountNotification), "content/prohibited-use-case") ==
        Level::kWarning);
  CHECK(LevelOf(Lint(casino, UseCase::kMarketing), "content/prohibited-use-case") == Level::kError);
  // Other groups of the rule keep their level there.
  CHECK(LevelOf(Lint("Acme Coffee: get a payday loan today", UseCase::kPolitical),
                "content/prohibited-use-case") == Level::kError);
}

TEST_CASE("v2: innocent senses do not fire") {
  for (const char* body : {"Acme Coffee: your cash advance limit has been updated.",
                           "Acme Coffee: the cash advance APR on your card is unchanged.",
                           "Acme Coffee: the housing lottery opens Monday.",
                           "Acme Coffee: casino night for the food bank is Friday.",
                           "Acme Coffee: your nicotine patch refill is ready.",
                           "Acme Coffee: wine-braised short ribs tonight.",
                           "Acme Coffee: we're betting you'll love it.",
                           "Acme Coffee: hit the jackpot with our produce deals.",
                           "Acme Coffee: I agree, buy the wifi ipad."}) {
    std::vector<Finding> f = Lint(body, UseCase::kMarketing);
    INFO(body);
    CHECK_FALSE(LevelOf(f, "content/shaft").has_value());
    CHECK_FALSE(LevelOf(f, "content/prohibited-use-case").has_value());
  }
}

TEST_CASE("v2: look-alike spellings fire with the span on the original text") {
  std::string body = "Acme Coffee: Y0ur acc0unt has been susp3nded.";
  std::vector<Finding> findings = Lint(body, UseCase::kMarketing);
  auto it = std::find_if(findings.begin(), findings.end(),
                         [](const Finding& f) { return f.rule == "content/phishing-language"; });
  REQUIRE(it != findings.end());
  CHECK(body.substr(it->begin, it->end - it->begin) == "Y0ur acc0unt has been susp3nded");
  std::string styled =
      "Acme Coffee: \xF0\x9D\x97\xAC\xF0\x9D\x97\xBC\xF0\x9D\x98\x82\xF0\x9D\x97\xBF "
      "account has been suspended";
  findings = Lint(styled, UseCase::kMarketing);
  it = std::find_if(findings.begin(), findings.end(),
                    [](const Finding& f) { return f.rule == "content/phishing-language"; });
  REQUIRE(it != findings.end());
  CHECK(it->begin == std::string("Acme Coffee: ").size());
  CHECK(it->end == styled.size());
}

TEST_CASE("v2: 'near' matches words within N words, in order unless either_order") {
  absl::StatusOr<YamlRule> rule = ParseYamlRule("x.yml", R"(id: content/x
extends: existence
level: error
message: "{match}"
summary: s
why: w
fix: f
source: s
near:
  - {first: [settle, consolidate], then: [debt], within: 3}
examples: {fire: ["settle your card debt"], pass: ["debt: settle it"]}
)");
  REQUIRE(rule.ok());
  auto fires = [&](std::string_view body) {
    std::vector<Finding> f;
    MessageContext c = ExampleContext(body);
    RunYamlRule(*rule, c, body, f);
    return !f.empty();
  };
  CHECK(fires("settle your credit card debt today"));
  CHECK(fires("Consolidating debts is easy"));
  CHECK_FALSE(fires("settle in, and then we talk about the debt"));  // 6 words apart
  CHECK_FALSE(fires("debt? consolidate"));                           // wrong order
  CHECK_FALSE(fires("settle. Your debt"));                           // another sentence
  absl::StatusOr<YamlRule> bad = ParseYamlRule("y.yml", R"(id: content/y
extends: existence
level: error
message: m
summary: s
why: w
fix: f
source: s
near: [{first: [a], then: [b], within: 40}]
)");
  REQUIRE_FALSE(bad.ok());
  CHECK(std::string(bad.status().message()).find("y.yml:9:") == 0);
  CHECK(std::string(bad.status().message()).find("'within'") != std::string::npos);
}

TEST_CASE("v2: brand matching normalises the ways a brand is written") {
  CHECK(NamesBrand("Macy’s: sale today", "Macy's", {}));
  CHECK(NamesBrand("MACYS: sale today", "Macy's", {}));
  CHECK(NamesBrand("Home Depot: sale today", "The Home Depot", {}));
  CHECK(NamesBrand("The Home Depot: sale today", "Home Depot", {}));
  CHECK(NamesBrand("Ben and Jerry's: pints 2 for $8", "Ben & Jerry's", {}));
  CHECK(NamesBrand("Ben & Jerry’s: pints 2 for $8", "Ben and Jerry's", {}));
  CHECK(NamesBrand("Lumen Labs: new kits", "Lumen Labs, Inc.", {}));
  CHECK(NamesBrand("lumen   labs: new kits", "Lumen Labs LLC", {}));
  CHECK(NamesBrand("AcmeCoffee: 20% off", "Acme Coffee", {}));
  CHECK(
      NamesBrand("Northfield CU: your code is 1234", "Northfield Credit Union", {"Northfield CU"}));
  CHECK_FALSE(NamesBrand("Northfield CU: your code is 1234", "Northfield Credit Union", {}));
  CHECK_FALSE(NamesBrand("Get 20% off at macys.com/sale", "Macy's", {}));
}

}  // namespace
}  // namespace smslint
