#include "dashboard/export/xlsx_writer.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/date.hpp"
#include "core/removed_on_exit.hpp"
#include "dashboard/export/xlsx_formats.hpp"

namespace smedash::dashboard::exports {
namespace {

constexpr std::string_view kMissing = "–";

void Check(lxw_error error, std::string_view what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error("XLSX export: " + std::string(what) + ": " + lxw_strerror(error));
  }
}

// libxlsxwriter 1.1.4 (Debian 12) writes only to a file: a private temporary one, removed
// when the export is done or fails.
RemovedOnExit NewTemporaryFile() {
  std::string pattern = (std::filesystem::temp_directory_path() / "smedash-export-XXXXXX").string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw std::runtime_error("XLSX export: cannot create a temporary file");
  ::close(fd);
  return RemovedOnExit(pattern);
}

double NumberValue(const std::string& decimal) {
  // The file format stores numbers as doubles; from_chars does not depend on the locale.
  double value = 0;
  const auto [end, error] = std::from_chars(decimal.data(), decimal.data() + decimal.size(), value);
  if (error != std::errc() || end != decimal.data() + decimal.size()) {
    throw std::invalid_argument("XLSX export: not a number: " + decimal);
  }
  return value;
}

lxw_datetime DateValue(const std::string& iso_date) {
  const auto date = core::Date::ParseIso(iso_date);
  if (!date) throw std::invalid_argument("XLSX export: bad date " + iso_date);
  return {date->Year(), date->Month(), date->Day(), 0, 0, 0.0};
}

void WriteCell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const Cell& cell,
               XlsxFormats& formats, bool bold) {
  lxw_format* format = formats.For(cell, bold);
  switch (cell.kind) {
    case CellKind::kMissing:
      Check(worksheet_write_string(sheet, row, column, kMissing.data(), format), "missing value");
      return;
    case CellKind::kText:
      if (cell.text.empty()) return;
      Check(worksheet_write_string(sheet, row, column, cell.text.c_str(), format), "text");
      return;
    case CellKind::kNumber:
      Check(worksheet_write_number(sheet, row, column, NumberValue(cell.text), format), "number");
      return;
    case CellKind::kDate: {
      lxw_datetime date = DateValue(cell.text);
      Check(worksheet_write_datetime(sheet, row, column, &date, format), "date");
      return;
    }
  }
}

void WriteSheet(lxw_workbook* book, const Table& table, XlsxFormats& formats) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, SheetName(table.sheet_name).c_str());
  if (sheet == nullptr)
    throw std::runtime_error("XLSX export: cannot add sheet " + table.sheet_name);
  Check(worksheet_write_string(sheet, 0, 0, table.title.c_str(), formats.Title()), "title");
  lxw_row_t row = 1;
  for (const HeaderLine& line : table.header) {
    Check(worksheet_write_string(sheet, row, 0, line.label.c_str(), formats.Label()), "label");
    WriteCell(sheet, row, 1, line.value, formats, /*bold=*/false);
    ++row;
  }
  const lxw_row_t titles_row = row + 1;
  for (lxw_col_t column = 0; column < table.columns.size(); ++column) {
    const bool label = static_cast<int>(column) < table.label_columns;
    Check(worksheet_write_string(sheet, titles_row, column, table.columns[column].c_str(),
                                 formats.ColumnTitle(label)),
          "column title");
  }
  row = titles_row + 1;
  for (const Row& table_row : table.rows) {
    for (lxw_col_t column = 0; column < table_row.cells.size(); ++column) {
      WriteCell(sheet, row, column, table_row.cells[column], formats, table_row.emphasis);
    }
    ++row;
  }
  worksheet_freeze_panes(sheet, titles_row + 1, static_cast<lxw_col_t>(table.label_columns));
  const std::vector<double> widths = ColumnWidths(table);
  for (lxw_col_t column = 0; column < widths.size(); ++column) {
    Check(worksheet_set_column(sheet, column, column, widths[column], nullptr), "column width");
  }
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("XLSX export: cannot read the written workbook");
  return bytes.str();
}

}  // namespace

std::string WriteXlsx(const std::vector<Table>& tables) {
  const RemovedOnExit file = NewTemporaryFile();
  lxw_workbook* book = workbook_new(file.Path().c_str());
  if (book == nullptr) throw std::runtime_error("XLSX export: cannot create the workbook");
  try {
    XlsxFormats formats(book);
    for (const Table& table : tables) WriteSheet(book, table, formats);
  } catch (...) {
    workbook_close(book);
    throw;
  }
  Check(workbook_close(book), "closing the workbook");
  return ReadAll(file.Path());
}

}  // namespace smedash::dashboard::exports
