// Heap memory in 2 MB pages (transparent huge pages, the kernel's "madvise" mode).
// On a virtual machine a page fault costs about 10 us (measured here: 64 MB touched
// 4 KB at a time, 11 us a fault), so the heap's pages are best taken 2 MB at a time.
#ifndef SMSLINT_UTIL_HUGE_PAGES_H_
#define SMSLINT_UTIL_HUGE_PAGES_H_

#include <cstddef>
#include <thread>

namespace smslint {

// Marks [begin, begin + size) (2 MB aligned) for huge pages, and makes its first
// 2 MB one huge page now: the pages malloc has already written there (its own
// headers) would otherwise keep that stretch in 4 KB pages, and a heap that grows
// less than 2 MB past them would fault page by page. The collapse is Linux 6.1's
// MADV_COLLAPSE; elsewhere only the mark holds. Errors are ignored: the memory works
// the same either way.
void AdviseHugePages(void* begin, size_t size);

// The malloc arena of the calling thread, marked as above. A thread's first malloc
// gives it an arena of its own (unless the process keeps one arena, as `check` does),
// a 64 MB mapping faulted in 4 KB at a time otherwise: the helper threads of a `lint`
// of 1,000 templates (the rule pack's patterns, libphonenumber's metadata, the
// checks' patterns) took some 1,400 faults. No-op where the arena is the main one,
// and where ThreadArenasMarkable() is false.
void PreferHugePagesForThisThread();

// Whether malloc is glibc's, so that a thread's arena can be found from a block:
// false under the sanitizers (their malloc has no glibc chunk header) and off glibc.
bool ThreadArenasMarkable();

// Faults in the pages of [begin, begin + size) now, writable, without writing
// them (Linux's MADV_POPULATE_WRITE; elsewhere, or on an older kernel,
// nothing is done). Memory that is about to be written is faulted in here by a thread
// that has time for it, rather than page by page by the thread that writes.
void PopulatePages(void* begin, size_t size);

// Faults in the pages of [begin, begin + size) on another thread, 2 MB at a time
// from the start (PopulatePages), while the caller writes the same memory from the
// start: a large array's first writes cost a page fault per page (on a virtual
// machine up to 1.8 ms a megabyte, zeroing included), and this moves that work to
// the other core where it is idle (a list of millions is simulated on one core). A
// page the caller reaches first is simply faulted by the caller. Below kMinBytes
// nothing is done. The destructor waits for the thread: by then the caller has
// written the memory, and what is left is faulted in already.
class PageFaulter {
 public:
  static constexpr size_t kMinBytes = size_t{32} << 20;
  PageFaulter(void* begin, size_t size);
  PageFaulter(const PageFaulter&) = delete;
  PageFaulter& operator=(const PageFaulter&) = delete;
  ~PageFaulter();

 private:
  std::thread thread_;
};

}  // namespace smslint

#endif  // SMSLINT_UTIL_HUGE_PAGES_H_
