// The module order of src/ (README, "Layout"): a module includes only modules below it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace smslint {
namespace {

// Bottom to top.
const std::map<std::string, int> kRank = {
    {"util", 0}, {"diag", 1}, {"text", 2},   {"campaign", 3}, {"lint", 4}, {"checks", 5},
    {"sim", 6},  {"fix", 7},  {"report", 8}, {"pipeline", 9}, {"cli", 10},
};

TEST_CASE("src/: no module includes a module above it") {
  namespace fs = std::filesystem;
  const fs::path src = fs::path(SMSLINT_SOURCE_DIR) / "src";
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    if (!entry.is_regular_file()) continue;
    const fs::path rel = fs::relative(entry.path(), src);
    if (rel.begin() == rel.end() || std::next(rel.begin()) == rel.end()) continue;  // main.cc
    const std::string module = rel.begin()->string();
    REQUIRE_MESSAGE(kRank.count(module) == 1, "src/" << module << "/ is not in the module order");
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.rfind("#include \"", 0) != 0) continue;
      const std::string target = line.substr(10, line.find('/', 10) - 10);
      auto it = kRank.find(target);
      if (it == kRank.end()) continue;  // absl/, re2/, phonenumbers/, ...
      CHECK_MESSAGE(it->second <= kRank.at(module), "src/" << rel.string() << ":" << number << ": "
                                                           << module << " includes " << target);
    }
  }
  CHECK(files > 50);
}

}  // namespace
}  // namespace smslint
