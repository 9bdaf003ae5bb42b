//! Wakes the job workers of this process when an upload is queued here, so a job starts
//! at once instead of at the next poll. Shared by the upload handlers and JobWorkers.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>

namespace smedash::ingest {

class JobSignal {
 public:
  // An upload was queued: every waiting worker looks for work.
  void Notify();
  // The count of Notify calls so far; pass it to Wait to miss none made after reading it.
  std::uint64_t Generation() const;
  // Returns when Notify was called since `seen` was read, when `stop()` turns true (after a
  // Notify), or after `timeout`, whichever comes first.
  void Wait(std::uint64_t seen, std::chrono::milliseconds timeout,
            const std::function<bool()>& stop) const;

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::uint64_t generation_ = 0;
};

}  // namespace smedash::ingest
