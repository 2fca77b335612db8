#include "util/files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "doctest/doctest.h"

namespace smslint {
namespace {

namespace fs = std::filesystem;

struct ScratchDir {
  std::string path;
  ScratchDir() {
    char dir_template[] = "/tmp/smslint-files-XXXXXX";
    path = mkdtemp(dir_template);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string Write(const std::string& name, const std::string& bytes = "version: 1\n") const {
    std::string file = path + "/" + name;
    fs::create_directories(fs::path(file).parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }
};

TEST_CASE("files: IsWithin compares whole path components") {
  CHECK(IsWithin("/a/b", "/a/b"));
  CHECK(IsWithin("/a/b/c.csv", "/a/b"));
  CHECK(IsWithin("/a/b/c.csv", "/"));
  CHECK_FALSE(IsWithin("/a/bc/d.csv", "/a/b"));
  CHECK_FALSE(IsWithin("/a", "/a/b"));
  CHECK_FALSE(IsWithin("/etc/passwd", "/tmp/x"));
}

TEST_CASE("files: ResolvedPath resolves symbolic links and .. before the check") {
  ScratchDir dir;
  ScratchDir other;
  std::string target = other.Write("list.csv", "phone\n");
  fs::create_symlink(target, dir.path + "/link.csv");
  fs::path root = ResolvedPath(dir.path);
  CHECK_FALSE(IsWithin(ResolvedPath(dir.path + "/link.csv"), root));
  CHECK_FALSE(IsWithin(ResolvedPath(dir.path + "/sub/../../x.csv"), root));
  CHECK(IsWithin(ResolvedPath(dir.path + "/sub/../x.csv"), root));
  CHECK(IsWithin(ResolvedPath(dir.path + "/does/not/exist.csv"), root));
}

TEST_CASE("files: ExpandInputs does not follow links out of a directory") {
  ScratchDir outside;
  std::string secret = outside.Write("secret.yaml");
  outside.Write("sub/deep.yaml");
  ScratchDir dir;
  std::string a = dir.Write("a.yaml");
  std::string b = dir.Write("nested/b.yml");
  fs::create_symlink(secret, dir.path + "/out.yaml");
  fs::create_symlink(a, dir.path + "/in.yaml");
  fs::create_symlink(outside.path + "/sub", dir.path + "/linked");
  fs::create_symlink(dir.path, dir.path + "/nested/loop");  // a cycle
  absl::StatusOr<std::vector<std::string>> files = ExpandInputs({dir.path});
  REQUIRE(files.ok());
  CHECK(*files == std::vector<std::string>{a, dir.path + "/in.yaml", b});
  // A file named on the command line is used as given, even a link.
  files = ExpandInputs({dir.path + "/out.yaml"});
  REQUIRE(files.ok());
  CHECK(*files == std::vector<std::string>{dir.path + "/out.yaml"});
}

TEST_CASE("files: WriteFileAtomically creates files with the mode less the umask") {
  ScratchDir dir;
  auto mode_of = [](const std::string& path) {
    struct stat st;
    REQUIRE(stat(path.c_str(), &st) == 0);
    return st.st_mode & 0777;
  };
  mode_t saved = umask(022);
  REQUIRE(WriteFileAtomically(dir.path + "/a.txt", "a\n").ok());
  CHECK(mode_of(dir.path + "/a.txt") == 0644);
  REQUIRE(WriteFileAtomically(dir.path + "/p.txt", "p\n", 0600).ok());
  CHECK(mode_of(dir.path + "/p.txt") == 0600);
  umask(027);
  REQUIRE(WriteFileAtomically(dir.path + "/b.txt", "b\n").ok());
  CHECK(mode_of(dir.path + "/b.txt") == 0640);
  umask(saved);
}

}  // namespace
}  // namespace smslint
