//! The XLS (Excel 97-2003, BIFF) RowReader, through FreeXL. FreeXL loads the whole
//! workbook into memory when the file is opened, including a 16-byte cell for every place
//! of each sheet's declared grid; that grid is checked first (ReaderLimits::max_xls_cells),
//! and the rest is bounded by the upload size limit. The one exception to "readers stream".
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "ingest/sheet.hpp"
#include "ingest/source/reader_limits.hpp"
#include "ingest/xls/biff_cells.hpp"

namespace smedash::ingest {

// FreeXL 1.0.6 returns nothing for formula cells and boolean/error cells; those come from
// BiffCells (the cached formula result, as Excel shows it), so no cell is silently lost.
// Cells: integers and doubles are kNumber as PlainDecimalFromDouble text (the same rules
// as XLSX numbers); text is kText (UTF-8); a date or date-time cell is kDate "yyyy-mm-dd"
// (FreeXL applies the workbook's 1900/1904 date system); a time-only cell is kText
// "hh:mm:ss" (no day to give). Trailing empty cells are dropped, wholly empty rows
// skipped; Line() is the sheet row number. BytesRead() is the file size scaled by the
// share of rows done.
class XlsReader final : public RowReader {
 public:
  // Opens the first worksheet. Throws FileError (not an XLS file, password protected,
  // no worksheet, a container we cannot read, declared grids over limits.max_xls_cells).
  XlsReader(const std::filesystem::path& path, const ReaderLimits& limits);

  bool Next(Row& row) override;
  std::uint64_t Line() const override { return line_; }
  std::uint64_t BytesRead() const override;
  std::string Describe() const override;

 private:
  void ReadBeforeFreeXl(const std::filesystem::path& path,
                        const std::filesystem::path& checked_copy);
  void ReadWorkbookInfo();

  struct HandleCloser {
    void operator()(const void* handle) const;
  };
  // FreeXL's workbook; closed however the constructor or the reader ends.
  std::unique_ptr<const void, HandleCloser> handle_;
  ReaderLimits limits_;
  std::uint64_t file_size_ = 0;
  std::string sheet_name_;
  bool date1904_ = false;
  std::uint32_t rows_ = 0;
  std::uint32_t columns_ = 0;
  std::uint32_t next_row_ = 0;  // 0-based
  std::uint64_t line_ = 0;
  BiffCells formula_cells_;
  bool formula_cells_unreadable_ = false;  // our BIFF walk failed where FreeXL did not
};

}  // namespace smedash::ingest
