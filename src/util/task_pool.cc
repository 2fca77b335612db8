#include "util/task_pool.h"

#include <algorithm>

#include "util/threads.h"

namespace smslint {

TaskPool::TaskPool(int threads) {
  for (int i = 1; i < threads; ++i) workers_.push_back(StartThread([this] { WorkerLoop(); }));
}

TaskPool::~TaskPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    for (const Handle& task : queue_) task->state_ = Task::State::kCancelled;
    queue_.clear();
  }
  queued_.notify_all();
  for (std::thread& worker : workers_) worker.join();
}

int TaskPool::DefaultThreads(int limit) {
  const int hardware = static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(hardware, 1, std::max(1, limit));
}

TaskPool::Handle TaskPool::Submit(std::function<void()> work) {
  Handle task = std::make_shared<Task>(std::move(work));
  {
    std::lock_guard<std::mutex> lock(mu_);
    queue_.push_back(task);
  }
  queued_.notify_one();
  return task;
}

void TaskPool::RunHere(const Handle& task) {
  task->work_();
  {
    std::lock_guard<std::mutex> lock(mu_);
    task->state_ = Task::State::kDone;
    task->work_ = nullptr;  // what it captured goes now
  }
  done_.notify_all();
}

void TaskPool::Wait(const Handle& task) {
  std::unique_lock<std::mutex> lock(mu_);
  if (task->state_ == Task::State::kQueued) {
    queue_.erase(std::find(queue_.begin(), queue_.end(), task));
    task->state_ = Task::State::kRunning;
    lock.unlock();
    RunHere(task);
    return;
  }
  done_.wait(lock, [&] {
    return task->state_ == Task::State::kDone || task->state_ == Task::State::kCancelled;
  });
}

bool TaskPool::Cancel(const Handle& task) {
  std::lock_guard<std::mutex> lock(mu_);
  if (task->state_ == Task::State::kCancelled) return true;
  if (task->state_ != Task::State::kQueued) return false;
  queue_.erase(std::find(queue_.begin(), queue_.end(), task));
  task->state_ = Task::State::kCancelled;
  task->work_ = nullptr;
  return true;
}

void TaskPool::WorkerLoop() {
  for (;;) {
    Handle task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      queued_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      task = queue_.front();
      queue_.pop_front();
      task->state_ = Task::State::kRunning;
    }
    RunHere(task);
  }
}

}  // namespace smslint
