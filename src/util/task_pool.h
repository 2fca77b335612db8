// TaskPool: a few worker threads for work whose result the caller asks for later
// (the recommendation's candidate simulations). A task nobody has started yet when
// its result is wanted runs on the waiting thread, so a pool of N threads is N - 1
// workers plus the caller, and a pool of 1 runs every task where it is waited for:
// the same tasks give the same results whatever the thread count.
#ifndef SMSLINT_UTIL_TASK_POOL_H_
#define SMSLINT_UTIL_TASK_POOL_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace smslint {

class TaskPool {
 public:
  class Task;
  using Handle = std::shared_ptr<Task>;

  // `threads` counts the caller: 2 starts one worker; 1 or less starts none.
  explicit TaskPool(int threads);
  // Tasks not started are dropped; running ones finish first.
  ~TaskPool();
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  // Queues `work` (first in, first started).
  Handle Submit(std::function<void()> work);
  // Returns once `task` has run: at once when done, after it when a worker runs it,
  // else it runs here.
  void Wait(const Handle& task);
  // Drops `task` when no thread has started it (true); a started one runs to its end
  // (false; Wait still works on it).
  bool Cancel(const Handle& task);

  int threads() const { return static_cast<int>(workers_.size()) + 1; }

  // The pool size for this machine: its hardware threads, at most `limit`.
  static int DefaultThreads(int limit);

 private:
  void WorkerLoop();
  // Runs `task` on this thread (it was taken off the queue under the lock).
  void RunHere(const Handle& task);

  std::mutex mu_;
  std::condition_variable queued_;  // a task was queued, or the pool is stopping
  std::condition_variable done_;    // a task finished
  std::deque<Handle> queue_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

class TaskPool::Task {
 public:
  explicit Task(std::function<void()> work) : work_(std::move(work)) {}

 private:
  friend class TaskPool;
  enum class State { kQueued, kRunning, kDone, kCancelled };
  std::function<void()> work_;
  State state_ = State::kQueued;
};

}  // namespace smslint

#endif  // SMSLINT_UTIL_TASK_POOL_H_
