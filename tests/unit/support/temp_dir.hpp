//! A fresh folder under the system temp dir for one unit test, removed with everything in
//! it at scope exit; and reading a file back whole.
#pragma once
#include <filesystem>
#include <string>

namespace smedash::unit_testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& Path() const { return path_; }
  // Writes `bytes` to a file called `name` in the directory and returns its path.
  std::filesystem::path Write(const std::string& name, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

// The whole content of the file at `path` ("" when it cannot be read).
std::string ReadFileBytes(const std::filesystem::path& path);

}  // namespace smedash::unit_testing
