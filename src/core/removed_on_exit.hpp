//! A file path that is removed when it goes out of scope, however the scope ends, for
//! working copies that must not outlive the step that made them.
#pragma once
#include <filesystem>
#include <system_error>
#include <utility>

namespace smedash {

class RemovedOnExit {
 public:
  explicit RemovedOnExit(std::filesystem::path path) : path_(std::move(path)) {}
  ~RemovedOnExit() {
    std::error_code ignored;  // already gone, or never written: nothing to do
    std::filesystem::remove(path_, ignored);
  }
  RemovedOnExit(const RemovedOnExit&) = delete;
  RemovedOnExit& operator=(const RemovedOnExit&) = delete;

  const std::filesystem::path& Path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace smedash
