//! Writes a workbook stream we have read and checked into a new, minimal compound file,
//! the only file FreeXL is given. FreeXL locates and follows streams by its own rules (a
//! small stream is read from the start of the mini stream whatever its chain says; the
//! name is matched in exact case among the first directory entries only; a stream of
//! exactly 4,096 bytes counts as small), so in a hostile file it could parse bytes other
//! than the ones CheckBiffBounds passed (found by fuzzing). In the file written here the
//! stream is one contiguous chain FreeXL cannot read differently.
#pragma once
#include <filesystem>
#include <string_view>

namespace smedash::ingest {

// Writes `stream` as the stream `name` ("Workbook" or "Book") of a version 4 compound file
// (4,096-byte sectors, no mini stream however small the stream, no DIFAT) at `path`, replacing any
// file there. Throws FileError when the stream is too large for that layout (over 400 MiB) or the
// file cannot be written.
void WriteWorkbookContainer(const std::filesystem::path& path, std::string_view name,
                            std::string_view stream);

}  // namespace smedash::ingest
