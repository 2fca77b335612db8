// A binary heap's one step the standard library lacks: its first element replaced,
// the heap restored with one sift down (a pop and a push cost two). For the heaps of
// the send plan and the release order, whose first element is replaced per message.
#ifndef SMSLINT_UTIL_HEAP_H_
#define SMSLINT_UTIL_HEAP_H_

#include <cstddef>
#include <vector>

namespace smslint {

// `heap` is a heap by `later` (std::make_heap(begin, end, later): the element no other
// is `later` than first) but for heap[0]: sinks it to its place.
template <typename T, typename Later>
void SiftDownFirst(std::vector<T>& heap, Later later) {
  const size_t n = heap.size();
  if (n == 0) return;
  const T moving = heap[0];
  size_t i = 0;
  while (true) {
    size_t child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && later(heap[child], heap[child + 1])) ++child;
    if (!later(moving, heap[child])) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = moving;
}

}  // namespace smslint

#endif  // SMSLINT_UTIL_HEAP_H_
