// Huge pages for the heap: the marks land on the memory malloc hands out, and the
// collapse of the first 2 MB keeps what was written there.
#include "util/huge_pages.h"

#include <doctest/doctest.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "util/threads.h"

namespace smslint {
namespace {

// The VmFlags line of the mapping that holds `p`, from /proc/self/smaps ("" when
// none does).
std::string VmFlagsOf(const void* p) {
  const auto address = reinterpret_cast<uintptr_t>(p);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    const size_t dash = line.find('-');
    const size_t space = line.find(' ');
    if (dash != std::string::npos && space != std::string::npos && dash < space &&
        line.find(':') > space) {
      uintptr_t begin = 0, end = 0;
      std::istringstream(line.substr(0, dash)) >> std::hex >> begin;
      std::istringstream(line.substr(dash + 1, space - dash - 1)) >> std::hex >> end;
      inside = begin <= address && address < end;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return "";
}

bool Marked(const std::string& flags) { return flags.find(" hg") != std::string::npos; }

TEST_CASE("huge pages: a region is marked, and what was written in its first 2 MB stays") {
  constexpr size_t kHuge = size_t{2} << 20;
  // 2 MB aligned: map one huge page more and start at the first boundary.
  void* mapped =
      mmap(nullptr, 3 * kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(mapped != MAP_FAILED);
  auto* region = reinterpret_cast<unsigned char*>(
      (reinterpret_cast<uintptr_t>(mapped) + kHuge - 1) & ~(uintptr_t{kHuge} - 1));
  for (size_t i = 0; i < kHuge; i += 4096) region[i] = static_cast<unsigned char>(i / 4096 + 1);
  CHECK(!Marked(VmFlagsOf(region)));
  AdviseHugePages(region, 2 * kHuge);
  CHECK(Marked(VmFlagsOf(region)));
  bool kept = true;
  for (size_t i = 0; i < kHuge; i += 4096)
    kept &= region[i] == static_cast<unsigned char>(i / 4096 + 1);
  CHECK(kept);
  munmap(mapped, 3 * kHuge);
}

TEST_CASE("huge pages: a thread from StartThread has its malloc arena marked") {
  std::string flags;
  StartThread([&flags] {
    void* p = std::malloc(64);
    flags = VmFlagsOf(p);
    std::free(p);
  }).join();
  if (!ThreadArenasMarkable()) {
    // A sanitizer's malloc (or not glibc): the thread starts and nothing is marked.
    MESSAGE("not glibc's malloc: the arena is left as it is");
    return;
  }
  CHECK(Marked(flags));
}

}  // namespace
}  // namespace smslint
