#include "ingest/jobs/job_signal.hpp"

namespace smedash::ingest {

void JobSignal::Notify() {
  {
    std::lock_guard lock(mutex_);
    ++generation_;
  }
  changed_.notify_all();
}

std::uint64_t JobSignal::Generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

void JobSignal::Wait(std::uint64_t seen, std::chrono::milliseconds timeout,
                     const std::function<bool()>& stop) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return generation_ != seen || stop(); });
}

}  // namespace smedash::ingest
