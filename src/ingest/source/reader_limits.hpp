//! Bounds every reader enforces on untrusted files, so a hostile or broken upload ends in a
//! FileError instead of unbounded memory or time. Tests pass small values; production uses
//! Defaults().
#pragma once
#include <cstddef>
#include <cstdint>

namespace smedash::ingest {

// XLS: cells FreeXL may allocate for the declared sheet grids (16 bytes each, all at
// freexl_open, before any row is read; 65,536 x 256 = 16.8M cells = 268 MB for one sheet
// at the format's maximum, and a hostile file can declare that in every sheet). 2^23 cells
// = 128 MiB. Why that is enough: a real cell costs the file 14-18 bytes (LABELSST, RK,
// NUMBER; LibreOffice wrote 60,000 loan rows x 38 columns, 2.28M cells, in 39 MB), so a
// 100 MB .xls (the upload limit) holds at most about 6M real cells; one full loan sheet
// (65,536 rows x 38 columns) is 2.5M.
inline constexpr std::uint64_t kMaxXlsCells = std::uint64_t{1} << 23;

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
  // Entries in the zip. A workbook has tens (a part per sheet, drawing, pivot cache...);
  // the cap bounds the directory work a hostile archive can ask for.
  std::uint64_t max_zip_entries = 10000;
  // XLS: the declared grids' cells, summed over every sheet (see kMaxXlsCells).
  std::uint64_t max_xls_cells = kMaxXlsCells;

  static ReaderLimits Defaults() { return {}; }
  // Throws std::invalid_argument when a limit is unusable (zero buffer, zero caps).
  void Validate() const;
};

}  // namespace smedash::ingest
