//! A request body written to a temporary file for the readers, which read files, removed
//! when it goes out of scope. Its name keeps the original extension (the format).
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace smedash::komitmen {

class TempFile {
 public:
  // Throws std::system_error when the file cannot be written.
  TempFile(std::string_view content, std::string_view original_name);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::filesystem::path& Path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace smedash::komitmen
