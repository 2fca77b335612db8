// smslint: parse arguments, run one command, map the result to an exit code.
#include <malloc.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string_view>

#include "cli/app.h"
#include "util/huge_pages.h"

namespace {

// `check` and `simulate`: the command is argv's first word that is not an option.
bool ReadsEveryRecipient(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg.empty() || arg[0] == '-') continue;
    return arg == "check" || arg == "simulate";
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  // One malloc arena for the commands that read every recipient: the main arena is
  // the heap marked for huge pages below, and a thread arena is not, so the search's
  // full-list run on a helper thread would take a page fault per 4 KB. Measured on
  // `check` of 1,000,000 recipients: 3,500 page faults against 10,600, 0.74 s against
  // 0.81 s. The other commands keep an arena per thread: their helper threads (rule
  // compilation, libphonenumber's metadata, the YAML budget pass, content checks)
  // allocate much at once and would queue on one arena's lock. Measured on `lint` of
  // 1,000 templates: 1,139 context switches against 30, CPU 193 ms against 112 ms,
  // wall 0.074 s against 0.064 s.
  if (ReadsEveryRecipient(argc, argv)) mallopt(M_ARENA_MAX, 1);
  // Large blocks from the heap, not from mmap, and freed memory kept for the next
  // allocation: a check allocates and frees per-message arrays of hundreds of MB once
  // per simulation it runs (the plan search runs several), and each fresh mapping is
  // zero-filled page by page by the kernel. Measured on `check` of 10,000,000
  // recipients: CPU 18.4 s user + 4.8 s system -> 13.5 s + 1.3 s, peak RSS 607 -> 621
  // MB; 1,000,000: 1.4 + 0.38 s -> 1.1 + 0.16 s, 98 -> 103 MB.
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  // The heap in 2 MB pages where the kernel offers them on request (transparent huge
  // pages in "madvise" mode): the heap is reserved 1 GB ahead (address space only;
  // pages are used as they are touched) and that range marked, so a large list's
  // columns and a simulation's arrays take one page fault per 2 MB, not per 4 KB.
  // Measured on `check` of 1,000,000 recipients: 14,800 -> 1,700 page faults, about
  // 20% less wall time; 10,000,000: peak RSS about 20 MB more. The first marked 2 MB
  // is made one huge page at once (util/huge_pages.h): the malloc below writes there
  // first, which kept it in 4 KB pages, 512 faults of a `lint` of 1,000 templates.
  // Helper threads' arenas likewise (util/threads.h).
  {
    mallopt(M_TOP_PAD, 1 << 30);
    const uintptr_t begin = reinterpret_cast<uintptr_t>(sbrk(0));
    void* volatile grow = malloc(1 << 20);  // volatile: the pair is not elided
    free(grow);
    const uintptr_t end = reinterpret_cast<uintptr_t>(sbrk(0));
    const uintptr_t huge = 2u << 20;
    const uintptr_t from = (begin + huge - 1) & ~(huge - 1);
    if (end > from) smslint::AdviseHugePages(reinterpret_cast<void*>(from), end - from);
  }
  const int code = smslint::RunApp(argc, argv);
  // What went out through std::cout (help, version, a starter campaign) must have
  // reached stdout, as a report must: a full disk or a closed file is exit 2, not a
  // success that printed nothing. A command that failed to write said so already.
  errno = 0;
  std::cout.flush();
  const bool written = std::cout.good() && std::fflush(stdout) == 0 && std::ferror(stdout) == 0;
  if (!written && code != 2) {
    std::fprintf(stderr, "smslint: error: cannot write output: %s\n",
                 errno != 0 ? std::strerror(errno) : "write error");
    return 2;
  }
  return code;
}
