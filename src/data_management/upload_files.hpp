//! The upload's file on disk: the name it is stored under, its SHA-256, moving the
//! request's temporary body into the data directory, and clearing old export files.
#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "ingest/load/sha256.hpp"

namespace smedash::data_management {

// ".csv", ".xlsx" or ".xls" (any case) ends `name`.
bool HasAcceptedExtension(std::string_view name);
// `suffix` (lower case) ends `text`, in any ASCII case: a file name's extension.
bool EndsWithIgnoringCase(std::string_view text, std::string_view suffix);

// A name safe on any filesystem and in a shell: the last path component of `name`, with
// every byte outside [A-Za-z0-9._-] turned into '_', no leading dot, at most 100 bytes
// (the extension kept). The original name is kept in the database only.
std::string SanitizeFileName(std::string_view name);

// "100 MB", "64 KB": whole numbers, so the text reads the same in both languages.
std::string ByteSizeLabel(std::uint64_t bytes);

// Uploads are hashed like `smedash import` hashes its files (ingest/load/sha256).
using ingest::Sha256OfFile;

// Renames `from` to `to` (creating its folder); copies and removes when they are on
// different filesystems. Throws std::filesystem::filesystem_error, leaving `from` and no
// partial `to` (a full disk: its code is std::errc::no_space_on_device).
void MoveFile(const std::filesystem::path& from, const std::filesystem::path& to);

// Removes regular files in `folder` last written more than `age` ago; errors are ignored.
void RemoveFilesOlderThan(const std::filesystem::path& folder, std::chrono::minutes age);

// `bytes` random bytes as hex digits: the part of an export's file name that keeps two
// exports of the same thing apart.
std::string RandomHex(std::size_t bytes);

}  // namespace smedash::data_management
