#include "lint/engine.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "doctest/doctest.h"
#include "lint/rule_pack.h"
#include "lint/test_context.h"
#include "lint/test_engine.h"
#include "lint/yaml_rule.h"
#include "text/words.h"
#include "util/embedded_data.h"

namespace smslint {
namespace {

YamlRule Parse(const std::string& text) {
  absl::StatusOr<YamlRule> rule = ParseYamlRule("rules/t.yml", text);
  REQUIRE_MESSAGE(rule.ok(), rule.status().message());
  return *rule;
}

std::string ParseError(const std::string& text) {
  absl::StatusOr<YamlRule> rule = ParseYamlRule("rules/t.yml", text);
  REQUIRE(!rule.ok());
  return std::string(rule.status().message());
}

std::vector<Finding> Run(const YamlRule& rule, std::string_view body, MessageContext context) {
  context.body = body;
  std::vector<Finding> findings;
  std::string masked = MaskPlaceholders(body);
  RunYamlRule(rule, context, masked, findings);
  return findings;
}

std::vector<Finding> Run(const YamlRule& rule, std::string_view body) {
  return Run(rule, body, ExampleContext(body));
}

constexpr char kHeader[] =
    "id: test/rule\nlevel: warning\nsummary: s\nwhy: w\nfix: f\nsource: src\n";

TEST_CASE("existence matches whole words with inflections, not longer words") {
  YamlRule rule = Parse(std::string(kHeader) +
                        "extends: existence\nmessage: \"'{match}'\"\ntokens: [loan, bet]\n");
  CHECK(Run(rule, "Apply for a loan").size() == 1);
  CHECK(Run(rule, "Two LOANS approved").size() == 1);
  CHECK(Run(rule, "we loaned it").size() == 1);
  CHECK(Run(rule, "betting tips").size() == 1);
  CHECK(Run(rule, "Your loaner car is ready").empty());
  CHECK(Run(rule, "the alphabet").empty());
  std::vector<Finding> f = Run(rule, "a loan");
  CHECK(f[0].begin == 2);
  CHECK(f[0].end == 6);
  CHECK(f[0].message == "'loan'");
}

TEST_CASE("existence exceptions and placeholders") {
  YamlRule rule =
      Parse(std::string(kHeader) +
            "extends: existence\nmessage: m\ntokens: [gun]\nexceptions: ['glue\\s+gun']\n");
  CHECK(Run(rule, "hot glue gun sale").empty());
  CHECK(Run(rule, "gun sale").size() == 1);
  CHECK(Run(rule, "Hi {{gun}}, welcome").empty());
}

TEST_CASE("substitution suggests the replacement") {
  YamlRule rule = Parse(std::string(kHeader) +
                        "extends: substitution\nmessage: \"use '{replacement}' not "
                        "'{match}'\"\nswap: {'txt': text}\n");
  std::vector<Finding> f = Run(rule, "pls txt me");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "use 'text' not 'txt'");
  CHECK(f[0].suggestion == "use 'text'");
}

TEST_CASE("occurrence: min and max") {
  YamlRule rule = Parse(std::string(kHeader) +
                        "extends: occurrence\nmessage: \"{count} links\"\npatterns: "
                        "['https://']\noptions: {min: 1, max: 2}\n");
  CHECK(Run(rule, "no link").size() == 1);
  CHECK(Run(rule, "https://a https://b").empty());
  std::vector<Finding> f = Run(rule, "https://a https://b https://c");
  REQUIRE(f.size() == 1);
  CHECK(f[0].begin == 20);
  REQUIRE(SetRuleOption(rule, "max", "5", "c.yml:1:1").ok());
  CHECK(Run(rule, "https://a https://b https://c").empty());
  CHECK(!SetRuleOption(rule, "maxx", "5", "c.yml:1:1").ok());
  CHECK(!SetRuleOption(rule, "max", "lots", "c.yml:1:1").ok());
}

TEST_CASE("capitalization: ratio, all-caps words, brand and allowed words") {
  YamlRule rule = Parse(std::string(kHeader) +
                        "extends: capitalization\nmessage: \"{count} {ratio}\"\nallow: [STOP]\n");
  CHECK(Run(rule, "BIG SALE TODAY ONLY").size() == 1);
  CHECK(Run(rule, "Acme Coffee: lattes 20% off. Reply STOP to opt out").empty());
  CHECK(Run(rule, "ACME COFFEE: lattes 20% off. Reply STOP to opt out").empty());  // brand
  CHECK(Run(rule, "Big SALE today, really BIG savings on ALL lattes").size() == 1);
}

TEST_CASE("repetition: the same word twice in a row") {
  YamlRule rule =
      Parse(std::string(kHeader) + "extends: repetition\nmessage: \"'{match}' x{count}\"\n");
  std::vector<Finding> f = Run(rule, "see the the menu");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "'the' x2");
  CHECK(Run(rule, "the menu, the menu").empty());
}

TEST_CASE("conditional: if without unless") {
  YamlRule rule =
      Parse(std::string(kHeader) +
            "extends: conditional\nmessage: m\nif: ['\\bfree\\b']\nunless: ['terms apply']\n");
  CHECK(Run(rule, "free coffee").size() == 1);
  CHECK(Run(rule, "free coffee, terms apply").empty());
  CHECK(Run(rule, "coffee").empty());
}

TEST_CASE("when and levels select by context") {
  YamlRule rule = Parse(
      std::string(kHeader) +
      "extends: existence\nmessage: m\ntokens: [forex]\n"
      "when: {use_case: [marketing, mixed]}\nlevels: {country: {CA: error}, route: {p2p: off}}\n");
  MessageContext c = ExampleContext("");
  std::vector<Finding> us = Run(rule, "forex tips", c);
  REQUIRE(us.size() == 1);
  CHECK(us[0].level == Level::kWarning);
  c.country = "CA";
  CHECK(Run(rule, "forex tips", c)[0].level == Level::kError);
  c.route = Route::kP2P;
  CHECK(Run(rule, "forex tips", c).empty());
  c = ExampleContext("");
  c.use_case = UseCase::kTwoFactor;
  CHECK(Run(rule, "forex tips", c).empty());
  c.use_case.reset();
  CHECK(Run(rule, "forex tips", c).empty());
}

TEST_CASE("decoding errors name path:line:col") {
  std::string base = std::string(kHeader) + "extends: existence\nmessage: m\n";
  CHECK(ParseError(base + "tokns: [a]\n") ==
        "rules/t.yml:9:1: error: unknown key 'tokns' in a existence rule; did you mean 'tokens'?");
  CHECK(ParseError(base + "patterns: ['ok', '(unclosed']\n")
            .rfind("rules/t.yml:9:18: error: bad pattern '(unclosed'", 0) == 0);
  CHECK(ParseError(base + "tokens: {a: b}\n") ==
        "rules/t.yml:9:9: error: 'tokens' must be a list of strings");
  // Patterns are first only parsed; one too large to compile is still named, before
  // any error found after it.
  CHECK(ParseError(base + "patterns: ['ok', '\\pL{1000}']\n") ==
        "rules/t.yml:9:18: error: bad pattern '\\pL{1000}': pattern too large - compile failed");
  CHECK(ParseError(base + "patterns: ['\\pL{1000}']\nexceptions: ['(unclosed']\n") ==
        "rules/t.yml:9:12: error: bad pattern '\\pL{1000}': pattern too large - compile failed");
  CHECK(ParseError(base + "patterns: ['ok']\nexceptions: ['(unclosed']\n")
            .rfind("rules/t.yml:10:14: error: bad pattern '(unclosed'", 0) == 0);
  CHECK(ParseError(std::string(kHeader) + "extends: existance\nmessage: m\ntokens: [a]\n") ==
        "rules/t.yml:7:10: error: unknown rule type 'existance'; did you mean 'existence'?");
  CHECK(ParseError(base + "tokens: [a]\nlevels: {country: {CA: loud}}\n")
            .rfind("rules/t.yml:10:24: error: unknown level 'loud'", 0) == 0);
  CHECK(ParseError(base + "tokens: [a]\noptions: {max_caps: 1}\n")
            .rfind("rules/t.yml:10:11: error: unknown option 'max_caps'", 0) == 0);
  CHECK(ParseError("id: [").rfind("rules/t.yml:1:", 0) == 0);
  CHECK(ParseError(std::string("id: bad id\nextends: existence\nlevel: warning\nmessage: "
                               "m\nsummary: s\nwhy: w\nfix: f\nsource: s\ntokens: [a]\n")) ==
        "rules/t.yml:1:5: error: rule id 'bad id' must look like category/name");
}

TEST_CASE("--rules directories load, report errors by real path, and replace by id") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "smslint_engine_test_rules";
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    std::ofstream(dir / "house.yml")
        << "id: house/no-lol\nextends: existence\nlevel: info\nmessage: m\n"
           "summary: s\nwhy: w\nfix: f\nsource: s\ntokens: [lol]\n"
           "examples: {fire: [lol], pass: [hello]}\n";
  }
  absl::StatusOr<RuleEngine> engine = LoadTestEngine({dir.string()}, nullptr);
  REQUIRE_MESSAGE(engine.ok(), engine.status().message());
  std::vector<std::string> ids = engine->RuleIds();
  CHECK(std::find(ids.begin(), ids.end(), "house/no-lol") != ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "content/shaft") != ids.end());
  CHECK(RuleIdsOf(engine->CheckMessage(ExampleContext("lol"))).size() >= 1);
  { std::ofstream(dir / "broken.yml") << "id: house/x\nextends: existence\nlevle: info\n"; }
  absl::StatusOr<RuleEngine> broken = LoadTestEngine({dir.string()}, nullptr);
  REQUIRE(!broken.ok());
  CHECK(std::string(broken.status().message())
            .find((dir / "broken.yml").string() + ":3:1: error: unknown key 'levle'") == 0);
  CHECK(!LoadTestEngine({(dir / "missing").string()}, nullptr).ok());
  fs::remove_all(dir);
}

TEST_CASE("config options and off reach the engine") {
  Config config;
  config.rules.push_back(
      {"content/excessive-caps", false, std::nullopt, {{"max_caps_words", "10"}}, "c:1:1"});
  config.rules.push_back({"content/spam-phrase", true, std::nullopt, {}, "c:2:1"});
  absl::StatusOr<RuleEngine> engine = LoadTestEngine({}, &config);
  REQUIRE(engine.ok());
  std::vector<std::string> ids = RuleIdsOf(engine->CheckMessage(
      ExampleContext("Acme Coffee: BIG SALE TODAY, act now. Reply STOP to opt out")));
  CHECK(std::find(ids.begin(), ids.end(), "content/excessive-caps") == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "content/spam-phrase") == ids.end());
  Config bad;
  bad.rules.push_back(
      {"content/excessive-caps", false, std::nullopt, {{"max_caps_word", "10"}}, "c.yaml:3:5"});
  absl::StatusOr<RuleEngine> failed = LoadTestEngine({}, &bad);
  REQUIRE(!failed.ok());
  CHECK(std::string(failed.status().message())
            .rfind("c.yaml:3:5: error: rule content/excessive-caps has no option 'max_caps_word'; "
                   "did you mean 'max_caps_words'?",
                   0) == 0);
}

TEST_CASE("the embedded pack loads and skips data folders") {
  absl::StatusOr<std::vector<YamlRule>> rules = LoadEmbeddedRulePack();
  REQUIRE_MESSAGE(rules.ok(), rules.status().message());
  for (const YamlRule& r : *rules) CHECK(r.info.origin.rfind("rules/ctia/", 0) == 0);
}

// The embedded files' first decode skips the YAML budget and the parse of each
// pattern alone; this is where each embedded file still passes both.
TEST_CASE("every embedded rule file passes the checks a user's rule file gets") {
  size_t files = 0;
  for (const EmbeddedFile& file : EmbeddedRuleFiles()) {
    ++files;
    absl::StatusOr<YamlRule> user = ParseYamlRule(file.path, file.content);
    REQUIRE_MESSAGE(user.ok(), user.status().message());
    absl::StatusOr<YamlRule> embedded =
        ParseYamlRule(file.path, file.content, RuleFileOrigin::kEmbedded);
    REQUIRE(embedded.ok());
    CHECK(user->info.id == embedded->info.id);
    CHECK(user->groups.size() == embedded->groups.size());
  }
  CHECK(files >= 7);
}

// The embedded pack's groups compile when first searched, behind one RE2::Set scan
// per rule; a user's file compiles them at once and has the same set. Every rule's
// examples, each run through both and through a rule without its set, give the same
// findings.
TEST_CASE("groups compiled on first use and the group set find what compiled groups find") {
  std::vector<std::string> texts;
  std::vector<std::pair<YamlRule, YamlRule>> rules;
  for (const EmbeddedFile& file : EmbeddedRuleFiles()) {
    absl::StatusOr<YamlRule> user = ParseYamlRule(file.path, file.content);
    absl::StatusOr<YamlRule> lazy =
        ParseYamlRule(file.path, file.content, RuleFileOrigin::kEmbedded);
    REQUIRE(user.ok());
    REQUIRE(lazy.ok());
    CHECK((user->group_set == nullptr) == (lazy->group_set == nullptr));
    for (const std::string& t : user->info.fire_examples) texts.push_back(t);
    for (const std::string& t : user->info.pass_examples) texts.push_back(t);
    rules.emplace_back(std::move(*user), std::move(*lazy));
  }
  size_t with_set = 0;
  size_t found = 0;
  for (const auto& [user, lazy] : rules) {
    YamlRule no_set = user;
    if (no_set.group_set != nullptr) ++with_set;
    no_set.group_set = nullptr;
    for (const std::string& text : texts) {
      auto run = [&](const YamlRule& rule) {
        std::vector<Finding> findings;
        RunYamlRule(rule, ExampleContext(text), MaskPlaceholders(text), findings);
        std::vector<std::tuple<size_t, size_t, std::string>> out;
        for (const Finding& f : findings) out.emplace_back(f.begin, f.end, f.message);
        return out;
      };
      const auto expected = run(no_set);
      found += expected.size();
      CHECK_MESSAGE(run(user) == expected, user.info.id, ": ", text);
      CHECK_MESSAGE(run(lazy) == expected, lazy.info.id, ": ", text);
    }
  }
  CHECK(with_set >= 3);
  CHECK(found > 50);
}

TEST_CASE("only a user's rule file has each pattern parsed alone") {
  // Joined as "(?:a)|(?:b)" this compiles, though alone it is no pattern.
  const std::string text =
      std::string(kHeader) + "extends: existence\nmessage: m\npatterns: ['a)|(?:b']\n";
  absl::StatusOr<YamlRule> user = ParseYamlRule("rules/t.yml", text);
  REQUIRE_FALSE(user.ok());
  CHECK(std::string(user.status().message()).find("bad pattern 'a)|(?:b'") != std::string::npos);
  CHECK(ParseYamlRule("rules/t.yml", text, RuleFileOrigin::kEmbedded).ok());
}

}  // namespace
}  // namespace smslint

namespace smslint {
namespace {

TEST_CASE("C++ check options: max_segments takes effect, bad values are errors at the setting") {
  const std::string long_body(480, 'a');  // 4 GSM-7 segments
  auto segment_findings = [&](const Config* config) {
    absl::StatusOr<RuleEngine> engine = LoadTestEngine({}, config);
    REQUIRE_MESSAGE(engine.ok(), engine.status().message());
    std::vector<std::string> ids = RuleIdsOf(engine->CheckMessage(ExampleContext(long_body)));
    return std::count(ids.begin(), ids.end(), "content/segment-count");
  };
  CHECK(segment_findings(nullptr) == 1);
  Config roomy;
  roomy.rules.push_back(
      {"content/segment-count", false, std::nullopt, {{"max_segments", "10"}}, "c:1:1"});
  CHECK(segment_findings(&roomy) == 0);
  Config tight;
  tight.rules.push_back({"content/*", false, std::nullopt, {{"max_segments", "1"}}, "c:1:1"});
  CHECK(segment_findings(&tight) == 1);
  CHECK(RuleIdsOf(LoadTestEngine({}, &tight)->CheckMessage(ExampleContext(std::string(200, 'a'))))
            .size() >= 1);

  for (const char* bad : {"banana", "0", "11", "2.5"}) {
    Config config;
    config.rules.push_back(
        {"content/segment-count", false, std::nullopt, {{"max_segments", bad}}, "c.yaml:4:3"});
    absl::StatusOr<RuleEngine> failed = LoadTestEngine({}, &config);
    REQUIRE(!failed.ok());
    CHECK(std::string(failed.status().message())
              .rfind("c.yaml:4:3: error: option 'max_segments' of content/segment-count must be a "
                     "whole number from 1 to 10",
                     0) == 0);
  }
  Config typo;
  typo.rules.push_back(
      {"content/segment-count", false, std::nullopt, {{"max_segment", "4"}}, "c.yaml:2:3"});
  absl::StatusOr<RuleEngine> failed = LoadTestEngine({}, &typo);
  REQUIRE(!failed.ok());
  CHECK(std::string(failed.status().message())
            .rfind("c.yaml:2:3: error: rule content/segment-count has no option 'max_segment'; did "
                   "you mean 'max_segments'?",
                   0) == 0);
  Config none;
  none.rules.push_back(
      {"content/insecure-link", false, std::nullopt, {{"strict", "1"}}, "c.yaml:2:3"});
  CHECK(!LoadTestEngine({}, &none).ok());
}

}  // namespace
}  // namespace smslint
