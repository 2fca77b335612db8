// libFuzzer target: the whole `check` pipeline (Session::AnalyzeInputs and every
// emitter) on a campaign + recipients CSV + suppression CSV triple, with the PII
// invariant (tests/fuzz/check_pipeline.h). Built with -DSMSLINT_FUZZ=ON (clang);
// run through `make fuzz`. Crashing inputs go to tests/fuzz/regressions/check_pipeline/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "tests/fuzz/check_pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string broken =
      smslint::fuzz::RunCheckPipeline(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!broken.empty()) {
    std::fprintf(stderr, "invariant broken: %s\n", broken.c_str());
    __builtin_trap();
  }
  return 0;
}
