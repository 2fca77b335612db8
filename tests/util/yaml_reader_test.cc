#include "util/yaml_reader.h"

#include <doctest/doctest.h>

#include <string>

#include "lint/config.h"
#include "lint/yaml_rule.h"

namespace smslint {
namespace {

std::string Message(const absl::Status& s) { return std::string(s.message()); }

TEST_CASE("YamlReader: unknown keys with did-you-mean at path:line:col") {
  YAML::Node map = YAML::Load("rules: {}\nselct: [a]\n");
  YamlReader reader("c.yaml");
  absl::Status s = reader.CheckKeys(map, {"rules", "select", "ignore"}, "config");
  CHECK(Message(s) == "c.yaml:2:1: error: unknown key 'selct' in config; did you mean 'select'?");
  CHECK(reader.CheckKeys(map, {"rules", "selct"}, "config").ok());
  CHECK(Message(reader.CheckKeys(YAML::Load("[1]"), {"a"}, "x")) ==
        "c.yaml:1:1: error: x must be a mapping");
}

TEST_CASE("YamlReader: typed values") {
  YamlReader reader("p.yml");
  YAML::Node doc = YAML::Load("n: 2.5\nbig: 99\nword: abc\nlist: [a, b]\none: a\nnested: [[a]]\n");
  CHECK(*reader.Number(doc["n"], "n", 0, 10) == 2.5);
  CHECK(Message(reader.Number(doc["big"], "big", 0, 10).status()) ==
        "p.yml:2:6: error: 'big' is 99, out of range [0, 10]");
  CHECK(Message(reader.Number(doc["word"], "word", 0, 10).status()) ==
        "p.yml:3:7: error: 'word' must be a number");
  CHECK(reader.Strings(doc["list"], "list", 5)->size() == 2);
  CHECK(reader.Strings(doc["one"], "one", 5)->size() == 1);
  CHECK(!reader.Strings(doc["list"], "list", 1).ok());
  CHECK(!reader.Strings(doc["nested"], "nested", 5).ok());
  CHECK(Message(reader.Required(doc, "missing").status()) ==
        "p.yml:1:1: error: missing required key 'missing'");
}

TEST_CASE("YamlError: yaml-cpp's exceptions become path:line:col errors") {
  try {
    YAML::Load("a: [1, 2\nb: 3\n");
    FAIL("expected a parse error");
  } catch (const YAML::Exception& e) {
    std::string m = Message(YamlError("x.yaml", e, "YAML syntax: "));
    CHECK(m.rfind("x.yaml:", 0) == 0);
    CHECK(m.find(": error: YAML syntax: ") != std::string::npos);
  }
}

TEST_CASE("config and rule packs word unknown keys the same way") {
  absl::StatusOr<Config> config = ParseConfig("c.yaml", "rule:\n  content/shaft: off\n");
  REQUIRE(!config.ok());
  CHECK(Message(config.status()) == "c.yaml:1:1: error: unknown key 'rule'; did you mean 'rules'?");
  absl::StatusOr<YamlRule> rule =
      ParseYamlRule("r.yml", "id: house/x\nextends: existence\nlevl: info\n");
  REQUIRE(!rule.ok());
  CHECK(Message(rule.status()).rfind("r.yml:3:1: error: unknown key 'levl' in ", 0) == 0);
  CHECK(Message(rule.status()).find("; did you mean 'level'?") != std::string::npos);
}

}  // namespace
}  // namespace smslint
