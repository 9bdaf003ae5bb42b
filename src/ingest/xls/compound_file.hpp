//! Reads one named stream out of an OLE2 Compound File (the container of .xls files),
//! following its sector chains with every index and chain length checked, so a corrupt or
//! hostile file ends in FileError, never in a loop or an out-of-bounds read.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace smedash::ingest {

// The stream called `name` (compared ignoring ASCII case), whole, or nullopt when the file
// has no such stream. Throws FileError when the container is malformed.
std::optional<std::string> ReadCompoundStream(const std::filesystem::path& path,
                                              std::string_view name);

}  // namespace smedash::ingest
