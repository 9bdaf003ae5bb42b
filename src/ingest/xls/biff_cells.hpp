//! The cells FreeXL 1.0.6 leaves empty: formula results (number, text, boolean, error)
//! and boolean/error constants. Read straight from the BIFF8 records of the worksheet
//! FreeXL reads, so a formula column in an .xls file is never silently lost.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/sheet.hpp"

namespace smedash::ingest {

class BiffCells {
 public:
  // Collects the formula and boolean/error cells of the first worksheet of `stream` (the
  // workbook stream, ReadWorkbookStream). Numbers follow the XLSX rules: kDate when the
  // cell's format is a date format, else kNumber. Returns an empty set (Biff8() false) for
  // BIFF5 and older files. Throws FileError for a cell longer than `max_field_bytes`.
  static BiffCells Read(std::string_view stream, std::size_t max_field_bytes);

  bool Biff8() const { return biff8_; }
  // The worksheet read (UTF-8), to check it is the one FreeXL reads.
  const std::string& SheetName() const { return sheet_name_; }

  // Cells must be looked up in row-major order (row, then column, ascending), as
  // XlsReader does; each lookup is then O(1). nullptr when there is none at that place.
  const Cell* Next(std::uint32_t row, std::uint32_t column);

  std::size_t Size() const { return entries_.size(); }

  struct Entry {
    std::uint32_t row;
    std::uint32_t column;
    Cell cell;
  };

 private:
  std::vector<Entry> entries_;  // sorted by (row, column)
  std::size_t cursor_ = 0;
  bool biff8_ = false;
  std::string sheet_name_;
};

}  // namespace smedash::ingest
