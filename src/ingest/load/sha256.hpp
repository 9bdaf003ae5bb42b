//! SHA-256 of uploaded files (uploads.sha256), using the CPU's SHA instructions when it has
//! them: about five times faster than portable code, which matters because the command
//! line hashes a 100 MB file while importing it. Part of ingest/load.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace smedash::ingest {

class Sha256 {
 public:
  // `portable_only`: never the CPU's SHA instructions (for tests of the fallback).
  explicit Sha256(bool portable_only = false);
  void Update(const void* data, std::size_t size);
  // The digest; the object is spent afterwards.
  std::array<std::uint8_t, 32> Final();

 private:
  void Blocks(const std::uint8_t* data, std::size_t count);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> pending_{};  // a partial block
  std::size_t pending_size_ = 0;
  std::uint64_t length_ = 0;  // bytes hashed
  bool portable_only_;
};

// Lower-case hex digest of `path`'s content. Throws std::runtime_error when unreadable.
std::string Sha256OfFile(const std::filesystem::path& path);

}  // namespace smedash::ingest
