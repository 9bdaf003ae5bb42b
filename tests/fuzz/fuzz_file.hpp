//! The fuzz input as a file, for the readers that open a path: an in-memory file
//! (memfd) reached through /proc/self/fd, rewritten for every input, so a run of millions
//! of inputs touches no disk.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace smedash::fuzz {

// Replaces the file's content with `data` and returns its path. One file per process.
const std::filesystem::path& WriteFuzzFile(const std::uint8_t* data, std::size_t size);

}  // namespace smedash::fuzz
