// `make test` runs the test cases through ctest, which registers each one by its
// name (doctest_discover_tests) and reads a ';' in a name as a list separator: such a
// name became two ctest entries that matched no test case and passed with nothing
// run. Eighteen test cases went unrun that way, one of them failing, until this test.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace smslint {
namespace {

// The names this binary's test cases are registered under, as doctest lists them.
std::vector<std::string> ListedTestCases() {
  std::vector<std::string> names;
  std::error_code error;
  const std::string self = std::filesystem::read_symlink("/proc/self/exe", error).string();
  if (error || self.find('\'') != std::string::npos) return names;
  FILE* pipe = popen(("'" + self + "' --list-test-cases --no-version 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return names;
  std::string line;
  char buffer[4096];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
    line += buffer;
    if (line.empty() || line.back() != '\n') continue;
    line.pop_back();
    if (!line.empty() && line.rfind("[doctest]", 0) != 0 && line.rfind("=====", 0) != 0) {
      names.push_back(line);
    }
    line.clear();
  }
  pclose(pipe);
  return names;
}

TEST_CASE("test names: ctest can run every test case by its name, none has a semicolon") {
  const std::vector<std::string> names = ListedTestCases();
  CHECK(names.size() > 400);
  for (const std::string& name : names) {
    CAPTURE(name);
    CHECK(name.find(';') == std::string::npos);
  }
}

}  // namespace
}  // namespace smslint
