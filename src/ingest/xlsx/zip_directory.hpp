//! Our own reading of a zip file's directory, in place of libzip's ZIP_CHECKCONS: the
//! central directory (ZIP64 or not) and every entry's local header, checked against each
//! other and the file's bounds, so a truncated, spliced or inconsistent archive is refused
//! before anything is inflated. Unlike ZIP_CHECKCONS it does not compare the "version
//! needed" fields, which minizip (libxlsxwriter's ZIP64 mode) writes differently in the
//! two headers of a perfectly valid entry.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/sheet.hpp"

namespace smedash::ingest {

struct ZipDirectoryEntry {
  std::string name;  // the raw bytes of the name, as stored
  std::uint16_t method = 0;
  std::uint32_t crc = 0;
  std::uint64_t compressed_size = 0;
  std::uint64_t size = 0;  // uncompressed, as declared
  std::uint64_t local_offset = 0;
  std::uint64_t data_offset = 0;  // first byte of the entry's (compressed) data
};

// Reads and checks the directory of `path`. Refuses (FileError) when:
// - there is no end-of-central-directory record at the end of the file (not a zip, or cut
//   short), or the central directory does not end exactly where that record begins;
// - the archive has more than `max_entries` entries;
// - an entry's name is empty, holds a NUL byte, or appears twice (lookups by name would be
//   ambiguous, and tools would disagree about which one the file "contains");
// - an entry's local header is missing, names another file, uses another compression
//   method, or (without a data descriptor) declares other sizes or CRC than the central
//   directory;
// - an entry's data runs into the central directory or into another entry.
// ZIP64 sizes and offsets are read from the extra fields wherever the 32-bit field says so.
std::vector<ZipDirectoryEntry> ReadZipDirectory(const std::filesystem::path& path,
                                                std::uint64_t max_entries);

// The refusal of a file that is not a whole zip archive (not a zip, cut short, unreadable).
FileError NotWholeZip();

}  // namespace smedash::ingest
