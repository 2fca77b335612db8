#include "util/huge_pages.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

// The sanitizers bring their own malloc, whose blocks have no glibc chunk header to
// read (GCC says so with __SANITIZE_*__, clang with __has_feature).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SMSLINT_SANITIZER_MALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define SMSLINT_SANITIZER_MALLOC 1
#endif
#endif
#if defined(__GLIBC__) && !defined(SMSLINT_SANITIZER_MALLOC)
#define SMSLINT_GLIBC_ARENAS 1
#endif

namespace smslint {

bool ThreadArenasMarkable() {
#if defined(SMSLINT_GLIBC_ARENAS)
  return true;
#else
  return false;
#endif
}

void AdviseHugePages(void* begin, size_t size) {
#if defined(__linux__)
  constexpr size_t kHugePage = size_t{2} << 20;
  madvise(begin, size, MADV_HUGEPAGE);
  constexpr int kCollapse = 25;  // MADV_COLLAPSE, not in every libc's headers
  if (size >= kHugePage) madvise(begin, kHugePage, kCollapse);
#else
  (void)begin;
  (void)size;
#endif
}

void PopulatePages(void* begin, size_t size) {
#if defined(__linux__)
  if (size == 0) return;
  constexpr int kPopulateWrite = 23;  // MADV_POPULATE_WRITE (Linux 5.14), not in every libc
  // Every page the range touches: the call writes nothing, so a page shared with
  // other objects is left as it is.
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  const uintptr_t from = reinterpret_cast<uintptr_t>(begin) & ~(page - 1);
  const uintptr_t to = (reinterpret_cast<uintptr_t>(begin) + size + page - 1) & ~(page - 1);
  madvise(reinterpret_cast<void*>(from), to - from, kPopulateWrite);
#else
  (void)begin;
  (void)size;
#endif
}

PageFaulter::PageFaulter(void* begin, size_t size) {
  if (size < kMinBytes) return;
  thread_ = std::thread([begin, size] {
    constexpr size_t kPiece = size_t{2} << 20;
    for (size_t at = 0; at < size; at += kPiece)
      PopulatePages(static_cast<char*>(begin) + at, std::min(kPiece, size - at));
  });
}

PageFaulter::~PageFaulter() {
  if (thread_.joinable()) thread_.join();
}

void PreferHugePagesForThisThread() {
#if defined(SMSLINT_GLIBC_ARENAS)
  // glibc's own arena_for_chunk: a chunk's size word, just before it, has bit 2 set
  // when the chunk is not the main arena's; its arena's heap then starts at the chunk
  // rounded down to HEAP_MAX_SIZE (2 x DEFAULT_MMAP_THRESHOLD_MAX, 64 MB on 64-bit).
  // The whole heap is read-write from the start (main.cc's M_TOP_PAD), so the mark
  // covers every page it will use. A wrong guess only marks memory for huge pages.
  thread_local bool marked = false;
  if (marked) return;
  marked = true;
  void* probe = std::malloc(1);
  if (probe == nullptr) return;
  size_t size_word;
  // The header is malloc's, before the block GCC sees allocated: reading it is the point.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
  std::memcpy(&size_word, static_cast<char*>(probe) - sizeof(size_word), sizeof(size_word));
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  constexpr size_t kNonMainArena = 4;
  constexpr uintptr_t kHeapMaxSize = 2 * 4 * 1024 * 1024 * sizeof(long);
  if ((size_word & kNonMainArena) != 0) {
    AdviseHugePages(
        reinterpret_cast<void*>(reinterpret_cast<uintptr_t>(probe) & ~(kHeapMaxSize - 1)),
        kHeapMaxSize);
  }
  std::free(probe);
#endif
}

}  // namespace smslint
