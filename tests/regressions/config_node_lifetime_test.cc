// Found by the sanitizer build: ParseConfig held `const YAML::Node& value =
// it->second`, a reference into the iterator's proxy object, which is destroyed at
// the end of that line; reading it was a stack-use-after-scope (AddressSanitizer
// reports it in `make test-sanitize`; the normal build only read stale stack).
#include <doctest/doctest.h>

#include "lint/config.h"

namespace smslint {
namespace {

TEST_CASE("regression: every rule setting of a config is read from a live node") {
  absl::StatusOr<Config> config = ParseConfig(
      "c.yaml",
      "rules:\n  content/a: warning\n  content/b: {level: info, max: 2}\n  content/c: off\n");
  REQUIRE_MESSAGE(config.ok(), config.status().message());
  REQUIRE(config->rules.size() == 3);
  CHECK(config->rules[0].level == Level::kWarning);
  CHECK(config->rules[1].level == Level::kInfo);
  REQUIRE(config->rules[1].options.size() == 1);
  CHECK(config->rules[1].options[0] == std::pair<std::string, std::string>{"max", "2"});
  CHECK(config->rules[2].off);
  absl::StatusOr<Config> bad = ParseConfig("c.yaml", "rules:\n  content/a: [1, 2]\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(std::string(bad.status().message()).rfind("c.yaml:2:14: error:", 0) == 0);
}

}  // namespace
}  // namespace smslint
