//! What FreeXL allocates when it opens a workbook: one 16-byte cell for every place of
//! every declared worksheet grid (the DIMENSIONS record's rows × columns), all inside
//! freexl_open, before a single row can be read. Counted from the workbook stream, so
//! XlsReader can refuse a hostile declaration before FreeXL sees the file.
#pragma once
#include <cstdint>
#include <string_view>

namespace smedash::ingest {

struct XlsGrid {
  // Summed over every DIMENSIONS record in the stream (FreeXL allocates a grid for each,
  // embedded chart data included), plus, for a worksheet without one, the grid FreeXL
  // derives from its furthest cell.
  std::uint64_t cells = 0;
  // The largest single grid, for the message.
  std::uint64_t largest_rows = 0;
  std::uint64_t largest_columns = 0;
};

// `stream` is the "Workbook" (BIFF8) or "Book" (BIFF5) stream. Records that run past the
// stream end the count, as they end FreeXL's reading.
XlsGrid DeclaredGrid(std::string_view stream);

}  // namespace smedash::ingest
