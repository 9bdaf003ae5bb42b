#include "ingest/xls/xls_reader.hpp"

#include <freexl.h>

#include <algorithm>
#include <map>
#include <string_view>

#include "core/removed_on_exit.hpp"
#include "ingest/source/number_text.hpp"
#include "ingest/validate/reasons.hpp"
#include "ingest/xls/biff_bounds.hpp"
#include "ingest/xls/compound_file.hpp"
#include "ingest/xls/workbook_container.hpp"
#include "ingest/xls/xls_grid.hpp"
#include "ingest/xls/xls_refusals.hpp"

namespace smedash::ingest {
namespace {

FileError OpenError(int code) {
  switch (code) {
    case FREEXL_FILE_NOT_FOUND:
      return xls_refusal::CannotOpen();
    case FREEXL_INSUFFICIENT_MEMORY:
      return xls_refusal::TooLarge();
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      return xls_refusal::NotWorkbook();
    default:
      return xls_refusal::Unsupported(code);
  }
}

FileError GridTooLarge(const XlsGrid& grid, std::uint64_t max_cells) {
  std::map<std::string, std::string> args{{"cells", std::to_string(grid.cells)},
                                          {"rows", std::to_string(grid.largest_rows)},
                                          {"columns", std::to_string(grid.largest_columns)},
                                          {"max", std::to_string(max_cells)}};
  std::string detail = "XLS sheet grids declare " + args["cells"] + " cells (largest " +
                       args["rows"] + " x " + args["columns"] + "), over the cap of " + args["max"];
  return FileError(reason::kFileXlsGridTooLarge, std::move(args), detail);
}

std::uint64_t SizeOf(const std::filesystem::path& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<std::uint64_t>(size);
}

}  // namespace

void XlsReader::HandleCloser::operator()(const void* handle) const { freexl_close(handle); }

// Our own pass over the workbook stream, held only here so it is freed before FreeXL
// makes its copy: the grid FreeXL would allocate, and the cells FreeXL leaves out. A
// container we cannot read is refused, since its grid cannot be checked. FreeXL is then
// given the checked stream alone, in a container of our own (workbook_container.hpp).
void XlsReader::ReadBeforeFreeXl(const std::filesystem::path& path,
                                 const std::filesystem::path& checked_copy) {
  std::string_view name = "Workbook";
  auto stream = ReadCompoundStream(path, name);
  if (!stream) stream = ReadCompoundStream(path, name = "Book");  // BIFF5
  if (!stream) throw xls_refusal::NotWorkbook();
  CheckBiffBounds(*stream);
  const XlsGrid grid = DeclaredGrid(*stream);
  if (grid.cells > limits_.max_xls_cells) throw GridTooLarge(grid, limits_.max_xls_cells);
  try {
    formula_cells_ = BiffCells::Read(*stream, limits_.max_field_bytes);
  } catch (const FileError&) {
    // If FreeXL reads the file, it is not refused; the report says what is missing.
    formula_cells_unreadable_ = true;
  }
  WriteWorkbookContainer(checked_copy, name, *stream);
}

XlsReader::XlsReader(const std::filesystem::path& path, const ReaderLimits& limits)
    : limits_(limits), file_size_(SizeOf(path)) {
  limits_.Validate();
  const RemovedOnExit checked_copy(path.string() + ".checked.xls");
  ReadBeforeFreeXl(path, checked_copy.Path());
  const void* handle = nullptr;
  // FreeXL reads the whole workbook while opening, so the copy can go right after.
  const int opened = freexl_open(checked_copy.Path().c_str(), &handle);
  // FreeXL asks to be closed even after a failed open, to free what it allocated.
  handle_.reset(handle);
  if (opened != FREEXL_OK) throw OpenError(opened);
  ReadWorkbookInfo();
}

void XlsReader::ReadWorkbookInfo() {
  unsigned int info = 0;
  if (freexl_get_info(handle_.get(), FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
      info == FREEXL_BIFF_OBFUSCATED) {
    throw xls_refusal::Password();
  }
  if (freexl_get_info(handle_.get(), FREEXL_BIFF_DATEMODE, &info) == FREEXL_OK) {
    date1904_ = info == FREEXL_BIFF_DATEMODE_1904;
  }
  unsigned int sheets = 0;
  const char* name = nullptr;
  unsigned short columns = 0;
  if (freexl_get_info(handle_.get(), FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK ||
      sheets == 0 || freexl_select_active_worksheet(handle_.get(), 0) != FREEXL_OK ||
      freexl_worksheet_dimensions(handle_.get(), &rows_, &columns) != FREEXL_OK) {
    throw xls_refusal::NoSheet();
  }
  columns_ = columns;
  if (freexl_get_worksheet_name(handle_.get(), 0, &name) == FREEXL_OK && name != nullptr) {
    sheet_name_ = name;
  }
  if (formula_cells_.Biff8() && formula_cells_.SheetName() != sheet_name_) {
    // Not the sheet FreeXL reads: its cells would land in the wrong places.
    formula_cells_ = BiffCells();
    formula_cells_unreadable_ = true;
  }
}

bool XlsReader::Next(Row& row) {
  FreeXL_CellValue value;
  for (; next_row_ < rows_; ++next_row_) {
    std::size_t filled = 0;
    for (std::uint32_t column = 0; column < columns_; ++column) {
      if (column >= row.size()) row.emplace_back();
      Cell& cell = row[column];
      cell.kind = Cell::Kind::kEmpty;
      cell.text.clear();
      if (freexl_get_cell_value(handle_.get(), next_row_, static_cast<unsigned short>(column),
                                &value) != FREEXL_OK) {
        throw FileError("File XLS rusak: sel di baris " + std::to_string(next_row_ + 1) +
                        " tidak dapat dibaca.");
      }
      const Cell* formula_cell = formula_cells_.Next(next_row_, column);
      if (value.type == FREEXL_CELL_NULL && formula_cell != nullptr) {
        cell = *formula_cell;
        filled = column + 1;
        continue;
      }
      switch (value.type) {
        case FREEXL_CELL_INT:
          cell.text = std::to_string(value.value.int_value);
          cell.kind = Cell::Kind::kNumber;
          break;
        case FREEXL_CELL_DOUBLE:
          if (PlainDecimalFromDouble(value.value.double_value, cell.text)) {
            cell.kind = Cell::Kind::kNumber;
          }
          break;
        case FREEXL_CELL_TEXT:
        case FREEXL_CELL_SST_TEXT:
          if (value.value.text_value != nullptr && value.value.text_value[0] != '\0') {
            cell.text = value.value.text_value;
            if (cell.text.size() > limits_.max_field_bytes) {
              throw FileError("Baris " + std::to_string(next_row_ + 1) +
                              ": isi satu sel lebih dari " +
                              std::to_string(limits_.max_field_bytes / 1024) + " KiB.");
            }
            cell.kind = Cell::Kind::kText;
          }
          break;
        case FREEXL_CELL_DATE:
        case FREEXL_CELL_DATETIME:
          if (value.value.text_value != nullptr) {
            // "yyyy-mm-dd" or "yyyy-mm-dd hh:mm:ss": the day only.
            cell.text.assign(std::string_view(value.value.text_value).substr(0, 10));
            cell.kind = Cell::Kind::kDate;
            if (cell.text == "1900-02-29") {
              // Serial 60, Lotus 1-2-3's day that never existed: a number, as in XLSX.
              cell.text = "60";
              cell.kind = Cell::Kind::kNumber;
            }
          }
          break;
        case FREEXL_CELL_TIME:
          if (value.value.text_value != nullptr) {
            cell.text = value.value.text_value;
            cell.kind = Cell::Kind::kText;
          }
          break;
        default:  // FREEXL_CELL_NULL
          break;
      }
      if (cell.kind != Cell::Kind::kEmpty) filled = column + 1;
    }
    if (filled == 0) continue;
    row.resize(filled);
    line_ = ++next_row_;
    return true;
  }
  row.clear();
  return false;
}

std::uint64_t XlsReader::BytesRead() const {
  if (rows_ == 0 || next_row_ >= rows_) return file_size_;
  return file_size_ * next_row_ / rows_;
}

std::string XlsReader::Describe() const {
  std::string text =
      "XLS; sheet '" + sheet_name_ + "'; " + (date1904_ ? "1904 date system" : "1900 date system");
  if (formula_cells_unreadable_) text += "; formula and TRUE/FALSE cells could not be read";
  return text;
}

}  // namespace smedash::ingest
