// libFuzzer target: the rule-pack file parser (ParseYamlRule, SetRuleOption). Built with
// -DSMSLINT_FUZZ=ON (clang); run through `make fuzz`. Crashing inputs go to
// tests/fuzz/regressions/rule_pack/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "tests/fuzz/entry_points.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string broken =
      smslint::fuzz::RunRulePack(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!broken.empty()) {
    std::fprintf(stderr, "invariant broken: %s\n", broken.c_str());
    __builtin_trap();
  }
  return 0;
}
