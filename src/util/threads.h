// Helper threads whose malloc arena is in 2 MB pages (util/huge_pages.h).
#ifndef SMSLINT_UTIL_THREADS_H_
#define SMSLINT_UTIL_THREADS_H_

#include <functional>
#include <thread>
#include <utility>

#include "util/huge_pages.h"

namespace smslint {

// std::thread(f, args...) with PreferHugePagesForThisThread first.
template <typename F, typename... Args>
std::thread StartThread(F&& f, Args&&... args) {
  return std::thread(
      [](auto fn, auto... a) {
        PreferHugePagesForThisThread();
        std::invoke(std::move(fn), std::move(a)...);
      },
      std::forward<F>(f), std::forward<Args>(args)...);
}

}  // namespace smslint

#endif  // SMSLINT_UTIL_THREADS_H_
