//! A fresh folder under /tmp for one test, removed with everything in it at scope exit.
//! Test support shared by all integration tests.
#pragma once
#include <filesystem>
#include <string>

namespace smedash::testing {

class TempDir {
 public:
  // Creates /tmp/<prefix>-XXXXXX. It is opened to others for traversal (0711) because a
  // cluster inside it runs as the postgres user when the tests run as root.
  explicit TempDir(const std::string& prefix = "smedash-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& Path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace smedash::testing
