// Huge pages for the heap: the marks land on the memory malloc hands out, and the
// collapse of the first 2 MB keeps what was written there.
#include "util/huge_pages.h"

#include <doctest/doctest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

// Pages of [p, p + size) resident now (mincore); p page-aligned.
size_t ResidentPages(const void* p, size_t size) {
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  std::vector<unsigned char> resident((size + page - 1) / page);
  if (mincore(const_cast<void*>(p), size, resident.data()) != 0) return 0;
  size_t n = 0;
  for (unsigned char r : resident) n += r & 1;
  return n;
}

// Whether this kernel populates on request (Linux 5.14 and later).
bool KernelPopulates() {
  void* probe = mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (probe == MAP_FAILED) return false;
  const bool ok = madvise(probe, 4096, 23 /* MADV_POPULATE_WRITE */) == 0;
  munmap(probe, 4096);
  return ok;
}

TEST_CASE("huge pages: populated pages are resident, and what was written stays") {
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  // Past PageFaulter's threshold, with pages written before, between and after.
  const size_t size = PageFaulter::kMinBytes + 64 * page;
  for (bool on_thread : {false, true}) {
    CAPTURE(on_thread);
    void* mapped = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(mapped != MAP_FAILED);
    auto* bytes = static_cast<unsigned char*>(mapped);
    for (size_t i = 0; i < size; i += 97 * page)
      bytes[i + 5] = static_cast<unsigned char>(i / page);
    const size_t written = ResidentPages(bytes, size);
    CHECK(written < size / page / 2);
    // From an unaligned start to an unaligned end: every page the range touches.
    if (on_thread) {
      const PageFaulter faulter(bytes + 100, size - 200);
    } else {
      PopulatePages(bytes + 100, size - 200);
    }
    if (KernelPopulates()) {
      CHECK(ResidentPages(bytes, size) == size / page);
    } else {
      MESSAGE("the kernel does not populate on request: nothing is faulted in");
      CHECK(ResidentPages(bytes, size) == written);
    }
    bool kept = true;
    for (size_t i = 0; i < size; ++i)
      kept &= bytes[i] == (i % (97 * page) == 5 ? static_cast<unsigned char>(i / page) : 0);
    CHECK(kept);
    munmap(mapped, size);
  }
}

TEST_CASE("huge pages: a PageFaulter below its threshold leaves the memory alone") {
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  const size_t size = PageFaulter::kMinBytes / 2;
  void* mapped = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(mapped != MAP_FAILED);
  { const PageFaulter faulter(mapped, size); }
  CHECK(ResidentPages(mapped, size) < size / page / 2);
  munmap(mapped, size);
}

}  // namespace
}  // namespace smslint
