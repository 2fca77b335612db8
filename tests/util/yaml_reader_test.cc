#include "util/yaml_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
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

// The densest alias-free constructs: yaml-cpp's node events per byte.
std::string Dense(std::string_view open, std::string_view unit, std::string_view close,
                  size_t bytes) {
  std::string s(open);
  while (s.size() + unit.size() + close.size() <= bytes) s += unit;
  s += close;
  return s;
}

TEST_CASE("YamlWithinBudgetUnread: the densest alias-free files at the limit pass the full pass") {
  const YamlBudget budget = YamlBudgetFor(0);
  // The largest file YamlWithinBudgetUnread takes, found from it.
  size_t limit = 0;
  for (size_t step = size_t{1} << 26; step > 0; step /= 2) {
    const std::string blank(limit + step, ' ');
    if (YamlWithinBudgetUnread(blank, YamlBudgetFor(blank.size()), false)) limit += step;
  }
  REQUIRE(limit > 100000);
  struct Shape {
    std::string_view open, unit, close;
  };
  // A flow map of empty entries (2 nodes per byte), single-pair maps in a flow
  // sequence (1.5), empty entries, block entries, keys, nested sequences, escapes
  // that grow in the value.
  for (const Shape& shape : std::vector<Shape>{{"{", ",", "}"},
                                               {"[", ":,", "]"},
                                               {"[", ",", "]"},
                                               {"", "-\n", ""},
                                               {"", "? \n", ""},
                                               {"", "a:\n", ""},
                                               {"", "- - \n", ""},
                                               {"[", "[:],", "]"},
                                               {"x: \"", "\\L", "\"\n"}}) {
    CAPTURE(shape.unit);
    const std::string at_limit = Dense(shape.open, shape.unit, shape.close, limit);
    CHECK(YamlWithinBudgetUnread(at_limit, YamlBudgetFor(at_limit.size()), false));
    // A comment takes it past the limit, so the pass runs; the nodes are the same.
    const std::string past = absl::StrCat(at_limit, "\n#", std::string(limit, 'c'));
    REQUIRE(!YamlWithinBudgetUnread(past, YamlBudgetFor(past.size()), false));
    const absl::Status pass =
        CheckYamlBudget("d.yaml", past, YamlBudgetFor(at_limit.size()), false);
    CHECK_MESSAGE(pass.ok(), Message(pass));
  }
  // An alias, a second document or a larger file keeps the pass.
  CHECK(!YamlWithinBudgetUnread("a: &x 1\nb: *x\n", budget, false));
  CHECK(!YamlWithinBudgetUnread("a: 1\n", budget, true));
  CHECK(!YamlWithinBudgetUnread(std::string(limit + 1, ' '), YamlBudgetFor(limit + 1), false));
  // The pass it replaces finds nothing more: syntax errors come from the load.
  CHECK(Message(ParseConfig("c.yaml", "rules: [a\n").status()).find(": error: YAML syntax: ") !=
        std::string::npos);
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
