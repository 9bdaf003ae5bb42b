#include "ingest/xls/xls_grid.hpp"

#include <algorithm>
#include <vector>

#include "ingest/xls/biff_records.hpp"

namespace smedash::ingest {
namespace {

using biff::Record;
using biff::Records;
using biff::U16;
using biff::U32;

constexpr std::uint16_t kDimensions = 0x0200;
constexpr std::uint16_t kWorksheetSubstream = 0x0010;

// Records that place one cell (row, column first), and the two that place a run of cells
// in one row (their last column is the record's last two bytes).
bool IsCellRecord(std::uint16_t type) {
  switch (type) {
    case 0x0006:  // FORMULA
    case 0x00D6:  // RSTRING
    case 0x00FD:  // LABELSST
    case 0x0201:  // BLANK
    case 0x0203:  // NUMBER
    case 0x0204:  // LABEL
    case 0x0205:  // BOOLERR
    case 0x027E:  // RK
      return true;
    default:
      return false;
  }
}

bool IsCellRunRecord(std::uint16_t type) {
  return type == 0x00BD || type == 0x00BE;  // MULRK, MULBLANK
}

void AddGrid(XlsGrid& grid, std::uint64_t rows, std::uint64_t columns) {
  grid.cells += rows * columns;  // at most 2^32 × 2^16: no overflow
  if (rows * columns >= grid.largest_rows * grid.largest_columns) {
    grid.largest_rows = rows;
    grid.largest_columns = columns;
  }
}

// One BOF..EOF substream being walked.
struct Substream {
  bool worksheet = false;
  bool has_dimensions = false;
  std::uint64_t rows = 0;  // furthest cell seen + 1, for a worksheet without DIMENSIONS
  std::uint64_t columns = 0;
};

}  // namespace

XlsGrid DeclaredGrid(std::string_view stream) {
  XlsGrid grid;
  Records records(stream, 0);
  Record record;
  bool biff8 = false;
  bool first = true;
  // Charts embedded in a sheet are substreams inside it; FreeXL keeps adding to the sheet.
  std::vector<Substream> open;
  while (records.Next(record)) {
    const std::string_view data = record.data;
    if (record.type == biff::kBof && data.size() >= 4) {
      if (first) biff8 = U16(data, 0) == biff::kBiff8;
      first = false;
      open.push_back({U16(data, 2) == kWorksheetSubstream});
    } else if (record.type == biff::kEof && !open.empty()) {
      const Substream done = open.back();
      open.pop_back();
      if (done.worksheet && !done.has_dimensions && done.rows > 0) {
        AddGrid(grid, done.rows, done.columns);
      }
    } else if (record.type == kDimensions) {
      // FreeXL reads the "last + 1" fields: rows at 4 (BIFF8, 32 bits) or 2, columns at
      // 10 or 6.
      if (biff8 && data.size() >= 12) {
        AddGrid(grid, U32(data, 4), U16(data, 10));
      } else if (!biff8 && data.size() >= 8) {
        AddGrid(grid, U16(data, 2), U16(data, 6));
      }
      if (!open.empty()) open.back().has_dimensions = true;
    } else if (!open.empty() && data.size() >= 4 &&
               (IsCellRecord(record.type) || IsCellRunRecord(record.type))) {
      Substream& sheet = open.back();
      std::uint64_t last_column = U16(data, 2);
      if (IsCellRunRecord(record.type) && data.size() >= 6) {
        last_column = std::max<std::uint64_t>(last_column, U16(data, data.size() - 2));
      }
      sheet.rows = std::max<std::uint64_t>(sheet.rows, std::uint64_t{U16(data, 0)} + 1);
      sheet.columns = std::max(sheet.columns, last_column + 1);
    }
  }
  // A stream cut short still leaves FreeXL a grid for each sheet it had begun.
  for (const Substream& sheet : open) {
    if (sheet.worksheet && !sheet.has_dimensions && sheet.rows > 0) {
      AddGrid(grid, sheet.rows, sheet.columns);
    }
  }
  return grid;
}

}  // namespace smedash::ingest
