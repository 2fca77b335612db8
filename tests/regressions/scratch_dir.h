// A scratch directory for tests that run the binary on files they write, removed at
// the end of the test (permissions restored first, so a test may chmod inside it).
#ifndef SMSLINT_TESTS_REGRESSIONS_SCRATCH_DIR_H_
#define SMSLINT_TESTS_REGRESSIONS_SCRATCH_DIR_H_

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace smslint::testing {

struct TempDir {
  std::string path;
  TempDir() {
    char dir_template[] = "/tmp/smslint-test-XXXXXX";  // mkdtemp's pattern
    path = mkdtemp(dir_template);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // Writes `bytes` to `name` (subdirectories created); returns the file's path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    std::string file = path + "/" + name;
    std::filesystem::create_directories(std::filesystem::path(file).parent_path());
    std::ofstream out(file, std::ios::binary);
    out << bytes;
    return file;
  }
};

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace smslint::testing

#endif  // SMSLINT_TESTS_REGRESSIONS_SCRATCH_DIR_H_
