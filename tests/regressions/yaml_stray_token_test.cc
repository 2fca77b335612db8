// Found by the campaign_loader fuzzer: a stray ',' at the top level of a campaign
// file made YAML::LoadAll (yaml-cpp 0.7) loop for ever, yielding empty documents
// at the same mark until memory ran out. It is now an error at its line:col.
#include <doctest/doctest.h>

#include <string>

#include "campaign/loader.h"
#include "tests/regressions/run_bounded.h"

namespace smslint {
namespace {

// 0: an error at the expected place; 1: loaded; 2: an error elsewhere.
int LoadExpectingError(const std::string& yaml, const std::string& where) {
  absl::StatusOr<LoadResult> result = LoadCampaign("stray.yaml", yaml);
  if (result.ok()) return 1;
  std::string message(result.status().message());
  return message.rfind(where, 0) == 0 && message.find(": error: ") != std::string::npos ? 0 : 2;
}

TEST_CASE("regression: a top-level ',' is an error, not an endless loop") {
  CHECK(RunBounded([] { return LoadExpectingError(",", "stray.yaml:1:1:"); }, 10) == 0);
  CHECK(RunBounded([] { return LoadExpectingError("version: 1\n---\n,\n", "stray.yaml:3:1:"); },
                   10) == 0);
  CHECK(RunBounded([] { return LoadExpectingError("[a],\n---\n", "stray.yaml:1:4:"); }, 10) == 0);
  // One document and trailing junk: read as that document; it ends, whatever it says.
  CHECK(RunBounded([] { return LoadExpectingError("[a],", "stray.yaml:"); }, 10) >= 0);
}

TEST_CASE("regression: several well-formed documents still load") {
  CHECK(RunBounded(
            [] { return LoadExpectingError("version: 1\n---\nversion: 1\n", "") == 1 ? 0 : 1; },
            10) == 0);
}

}  // namespace
}  // namespace smslint
