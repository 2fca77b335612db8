// Heap memory in 2 MB pages (transparent huge pages, the kernel's "madvise" mode).
// On a virtual machine a page fault costs about 10 us (measured here: 64 MB touched
// 4 KB at a time, 11 us a fault), so the heap's pages are best taken 2 MB at a time.
#ifndef SMSLINT_UTIL_HUGE_PAGES_H_
#define SMSLINT_UTIL_HUGE_PAGES_H_

#include <cstddef>

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

}  // namespace smslint

#endif  // SMSLINT_UTIL_HUGE_PAGES_H_
