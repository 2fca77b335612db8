// TaskPool: every task waited for runs exactly once, on a worker or on the waiting
// thread; cancelled and abandoned tasks never run.
#include "util/task_pool.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace smslint {
namespace {

TEST_CASE("task pool: one thread runs a task where it is waited for, in no other order") {
  TaskPool pool(1);
  CHECK(pool.threads() == 1);
  std::vector<int> ran;
  TaskPool::Handle a = pool.Submit([&] { ran.push_back(1); });
  TaskPool::Handle b = pool.Submit([&] { ran.push_back(2); });
  CHECK(ran.empty());  // no worker: nothing runs until waited for
  pool.Wait(b);
  pool.Wait(a);
  CHECK(ran == std::vector<int>{2, 1});
  pool.Wait(a);  // done: returns at once, runs nothing again
  CHECK(ran.size() == 2);
}

TEST_CASE("task pool: a cancelled task never runs, a started one cannot be cancelled") {
  TaskPool pool(1);
  int runs = 0;
  TaskPool::Handle task = pool.Submit([&] { ++runs; });
  CHECK(pool.Cancel(task));
  CHECK(pool.Cancel(task));  // still cancelled
  pool.Wait(task);
  CHECK(runs == 0);
  TaskPool::Handle done = pool.Submit([&] { ++runs; });
  pool.Wait(done);
  CHECK_FALSE(pool.Cancel(done));
  CHECK(runs == 1);
}

TEST_CASE("task pool: workers run queued tasks, each waited-for task runs once") {
  for (int threads : {2, 3}) {
    CAPTURE(threads);
    TaskPool pool(threads);
    CHECK(pool.threads() == threads);
    std::vector<std::atomic<int>> counts(200);
    std::vector<TaskPool::Handle> tasks;
    for (size_t i = 0; i < counts.size(); ++i) {
      tasks.push_back(pool.Submit([&counts, i] { counts[i].fetch_add(1); }));
    }
    for (size_t i = counts.size(); i-- > 0;) pool.Wait(tasks[i]);
    for (const std::atomic<int>& c : counts) CHECK(c.load() == 1);
  }
  // A worker takes a task nobody waits for.
  TaskPool pool(2);
  std::atomic<bool> ran{false};
  TaskPool::Handle task = pool.Submit([&] { ran = true; });
  for (int i = 0; i < 5000 && !ran; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  CHECK(ran.load());
  CHECK_FALSE(pool.Cancel(task));
}

TEST_CASE("task pool: tasks never started are dropped with the pool") {
  std::atomic<int> runs{0};
  {
    TaskPool pool(1);
    for (int i = 0; i < 10; ++i) pool.Submit([&] { ++runs; });
  }
  CHECK(runs.load() == 0);
}

TEST_CASE("task pool: the default size is the hardware's, within the limit") {
  CHECK(TaskPool::DefaultThreads(1) == 1);
  CHECK(TaskPool::DefaultThreads(0) == 1);
  const int two = TaskPool::DefaultThreads(2);
  CHECK(two >= 1);
  CHECK(two <= 2);
}

}  // namespace
}  // namespace smslint
