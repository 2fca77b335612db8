// --output onto a device: WriteFileAtomically used to rename its temporary file
// over the target, which replaced /dev/full (or /dev/null) itself with a regular
// file when run as root. A device is now written in place, and a failed write is
// an error.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "util/files.h"

namespace smslint {
namespace {

namespace fs = std::filesystem;

TEST_CASE("regression: --output onto a full device fails and leaves the device in place") {
  // A private copy of /dev/full (char 1:7), so the test never touches the real one.
  char dir_template[] = "/tmp/smslint-devfull-XXXXXX";
  std::string dir = mkdtemp(dir_template);
  std::string device = dir + "/full";
  if (mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0) {
    MESSAGE("skipped: cannot create a device node here (needs CAP_MKNOD)");
    fs::remove_all(dir);
    return;
  }
  absl::Status status = WriteFileAtomically(device, "some report\n");
  CHECK_FALSE(status.ok());
  struct stat st;
  REQUIRE(stat(device.c_str(), &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
  size_t entries = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    (void)e;
    ++entries;
  }
  CHECK(entries == 1);  // no temporary file left behind
  fs::remove_all(dir);
}

TEST_CASE("regression: --output onto /dev/null succeeds without replacing it") {
  REQUIRE(WriteFileAtomically("/dev/null", "discarded\n").ok());
  struct stat st;
  REQUIRE(stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
}

}  // namespace
}  // namespace smslint
