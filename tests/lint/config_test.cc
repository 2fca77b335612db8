#include "lint/config.h"

#include <filesystem>
#include <fstream>

#include "doctest/doctest.h"

namespace smslint {
namespace {

Diagnostic D(const std::string& rule, Level level) {
  Diagnostic d;
  d.rule = rule;
  d.level = level;
  return d;
}

TEST_CASE("rule globs") {
  CHECK(RuleGlobMatch("content/*", "content/shaft"));
  CHECK(RuleGlobMatch("*", "traffic/balance"));
  CHECK(RuleGlobMatch("content/s?aft", "content/shaft"));
  CHECK(!RuleGlobMatch("content/*", "traffic/balance"));
  CHECK(!RuleGlobMatch("content/shaft", "content/shafts"));
}

TEST_CASE("parse: off, level, options, select, ignore") {
  absl::StatusOr<Config> config = ParseConfig(
      ".smslint.yaml",
      "rules:\n  content/spam-phrase: off\n  content/excessive-caps: {level: error, "
      "max_caps_ratio: 0.6}\n"
      "  traffic/*: info\nselect: [content/*, traffic/*]\nignore: content/stock-trading\n");
  REQUIRE_MESSAGE(config.ok(), config.status().message());
  REQUIRE(config->rules.size() == 3);
  CHECK(config->rules[0].off);
  CHECK(config->rules[1].level == Level::kError);
  CHECK(config->rules[1].options[0].first == "max_caps_ratio");
  CHECK(config->rules[1].where == ".smslint.yaml:3:3");
  CHECK(config->select.size() == 2);
  CHECK(config->ignore == std::vector<std::string>{"content/stock-trading"});
}

TEST_CASE("parse errors name path:line:col") {
  absl::StatusOr<Config> c = ParseConfig("x.yaml", "rule:\n  a: off\n");
  REQUIRE(!c.ok());
  CHECK(c.status().message() == "x.yaml:1:1: error: unknown key 'rule'; did you mean 'rules'?");
  c = ParseConfig("x.yaml", "rules:\n  content/shaft: loud\n");
  REQUIRE(!c.ok());
  CHECK(std::string(c.status().message()).rfind("x.yaml:2:18: error: unknown level 'loud'", 0) ==
        0);
  CHECK(!ParseConfig("x.yaml", "rules: [a").ok());
}

TEST_CASE("ApplyConfig filters and re-levels every family") {
  absl::StatusOr<Config> config =
      ParseConfig("c",
                  "rules:\n  content/*: warning\n  content/shaft: error\n  schema/unknown-key: "
                  "off\n  traffic/balance: info\n");
  REQUIRE(config.ok());
  std::vector<Diagnostic> ds = {
      D("content/shaft", Level::kError), D("content/missing-brand", Level::kError),
      D("schema/unknown-key", Level::kWarning), D("traffic/balance", Level::kWarning),
      D("data/duplicate-recipient", Level::kWarning)};
  ApplyConfig(*config, {}, {"data/*"}, ds);
  REQUIRE(ds.size() == 3);
  CHECK(ds[0].level == Level::kError);
  CHECK(ds[1].level == Level::kWarning);
  CHECK(ds[2].rule == "traffic/balance");
  CHECK(ds[2].level == Level::kInfo);
  ApplyConfig(Config{}, {"content/*"}, {}, ds);
  CHECK(ds.size() == 2);
}

TEST_CASE("LoadConfigFor finds .smslint.yaml next to the campaign or in a parent") {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / "smslint_config_test";
  fs::remove_all(root);
  fs::create_directories(root / "a" / "b");
  std::ofstream(root / ".smslint.yaml") << "rules:\n  content/shaft: off\n";
  absl::StatusOr<Config> found = LoadConfigFor((root / "a" / "b" / "c.yaml").string(), "");
  REQUIRE(found.ok());
  CHECK(found->rules.size() == 1);
  std::ofstream(root / "a" / "b" / ".smslint.yaml") << "select: [content/*]\n";
  found = LoadConfigFor((root / "a" / "b" / "c.yaml").string(), "");
  REQUIRE(found.ok());
  CHECK(found->rules.empty());
  CHECK(found->select.size() == 1);
  absl::StatusOr<Config> explicit_config = LoadConfigFor("", (root / ".smslint.yaml").string());
  REQUIRE(explicit_config.ok());
  CHECK(explicit_config->rules.size() == 1);
  CHECK(!LoadConfigFor("", (root / "missing.yaml").string()).ok());
  fs::remove_all(root);
}

}  // namespace
}  // namespace smslint
