//! Bounds every reader enforces on untrusted files, so a hostile or broken upload ends in a
//! FileError instead of unbounded memory or time. Tests pass small values; production uses
//! Defaults().
#pragma once
#include <cstddef>
#include <cstdint>

namespace smedash::ingest {

struct ReaderLimits {
  // Bytes read from disk per read() call. The CSV reader's only buffer, so its memory is
  // flat whatever the file size.
  std::size_t read_buffer_bytes = std::size_t{1} << 20;
  // One CSV field or spreadsheet cell. Larger is refused: a real value in a loan file is
  // short, and a runaway field usually means an unclosed quote.
  std::size_t max_field_bytes = 64 * 1024;
  // Fields in one CSV record (XLSX has its own hard limit: column XFD = 16,384).
  std::size_t max_fields_per_row = 16384;

  // XLSX: shared strings are the one part of a workbook that must be held in memory
  // (cells refer to them by index); their text plus index overhead is capped.
  std::uint64_t max_shared_strings_bytes = std::uint64_t{200} << 20;
  // Zip bomb guard, per zip entry: refuse once the inflated bytes exceed this many times
  // the entry's compressed size, counted only past `inflate_ratio_floor_bytes` so small,
  // very repetitive parts (styles, an almost empty sheet) are not refused.
  std::uint64_t max_inflate_ratio = 100;
  std::uint64_t inflate_ratio_floor_bytes = std::uint64_t{16} << 20;
  // And never more than this many inflated bytes from one entry, whatever the ratio.
  std::uint64_t max_entry_bytes = std::uint64_t{2} << 30;

  static ReaderLimits Defaults() { return {}; }
  // Throws std::invalid_argument when a limit is unusable (zero buffer, zero caps).
  void Validate() const;
};

}  // namespace smedash::ingest
