//! A file opened for one sequential pass: read() into the caller's buffer, with the byte
//! count kept for progress. Owns the descriptor (RAII).
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace smedash::ingest {

class FileSource {
 public:
  // Throws FileError (Indonesian message) when the file cannot be opened.
  explicit FileSource(const std::filesystem::path& path);
  ~FileSource();
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  // Reads up to `size` bytes; returns 0 only at the end of the file. Retries short reads
  // until `size` bytes or the end, so callers can treat a short result as the end.
  std::size_t Read(char* dest, std::size_t size);
  std::uint64_t Size() const { return size_; }
  std::uint64_t BytesRead() const { return bytes_read_; }

 private:
  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::uint64_t bytes_read_ = 0;
};

}  // namespace smedash::ingest
