#include "komitmen/target_template.hpp"

#include <xlsxwriter.h>

#include <array>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "core/csv_field.hpp"
#include "komitmen/komitmen_temp_file.hpp"
#include "komitmen/target_layout.hpp"

namespace smedash::komitmen {
namespace {

constexpr std::array<std::string_view, kUnitColumns> kUnitHeaders = {"KODE KANCA", "KODE UKER",
                                                                     "NAMA KANCA", "NAMA UKER"};

// Row 1: a group's label above its first column, nothing elsewhere.
std::array<std::string, kFileColumns> FirstHeaderRow() {
  std::array<std::string, kFileColumns> row;
  for (const TargetGroup group : kAllTargetGroups) {
    row[FileColumnOf(TargetIndex(group, Measure::kDeb))] = GroupLabel(group);
  }
  return row;
}

// Row 2: the unit columns, then each target's measure.
std::array<std::string, kFileColumns> SecondHeaderRow() {
  std::array<std::string, kFileColumns> row;
  for (std::size_t column = 0; column < kUnitColumns; ++column) row[column] = kUnitHeaders[column];
  for (std::size_t index = 0; index < kTargetColumns; ++index) {
    row[FileColumnOf(index)] = MeasureCode(MeasureAt(index));
  }
  return row;
}

std::array<std::string, kUnitColumns> UnitCells(const TemplateUnit& unit) {
  return {unit.kode_kanca, unit.kode_uker, unit.kanca, unit.uker};
}

void Check(lxw_error error, std::string_view what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error("komitmen template: " + std::string(what) + ": " +
                             lxw_strerror(error));
  }
}

template <std::size_t N>
void WriteRow(lxw_worksheet* sheet, lxw_row_t row, const std::array<std::string, N>& cells,
              lxw_format* format) {
  for (std::size_t column = 0; column < N; ++column) {
    if (cells[column].empty()) continue;
    // Strings, never formulas: a name starting with "=" stays a name.
    Check(worksheet_write_string(sheet, row, static_cast<lxw_col_t>(column), cells[column].c_str(),
                                 format),
          "writing a cell");
  }
}

void WriteSheet(lxw_workbook* book, const std::vector<TemplateUnit>& units) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, "KOMITMEN");
  lxw_format* bold = workbook_add_format(book);
  if (sheet == nullptr || bold == nullptr) throw std::runtime_error("komitmen template: sheet");
  format_set_bold(bold);
  format_set_align(bold, LXW_ALIGN_CENTER);
  const auto first = FirstHeaderRow();
  for (const TargetGroup group : kAllTargetGroups) {
    const auto from = static_cast<lxw_col_t>(FileColumnOf(TargetIndex(group, Measure::kDeb)));
    const auto to = static_cast<lxw_col_t>(FileColumnOf(TargetIndex(group, Measure::kDpk)));
    Check(worksheet_merge_range(sheet, 0, from, 0, to, first[from].c_str(), bold), "merging");
  }
  WriteRow(sheet, 1, SecondHeaderRow(), bold);
  lxw_row_t row = kHeaderRows;
  for (const TemplateUnit& unit : units) WriteRow(sheet, row++, UnitCells(unit), nullptr);
  worksheet_set_column(sheet, 0, 1, 12, nullptr);
  worksheet_set_column(sheet, 2, 3, 28, nullptr);
  worksheet_freeze_panes(sheet, kHeaderRows, kUnitColumns);
}

std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("komitmen template: cannot read the written workbook");
  return bytes.str();
}

template <std::size_t N>
void AppendCsvLine(std::string& text, const std::array<std::string, N>& cells, std::size_t width) {
  for (std::size_t column = 0; column < width; ++column) {
    if (column > 0) text += ',';
    if (column < N) text += core::CsvField(cells[column]);
  }
  text += "\r\n";
}

}  // namespace

std::string TemplateXlsx(const std::vector<TemplateUnit>& units) {
  // libxlsxwriter 1.1.4 (Debian 12) writes only to a file: a private one, removed after.
  const TempFile file("", "template.xlsx");
  lxw_workbook* book = workbook_new(file.Path().c_str());
  if (book == nullptr) throw std::runtime_error("komitmen template: cannot create the workbook");
  try {
    WriteSheet(book, units);
  } catch (...) {
    workbook_close(book);
    throw;
  }
  Check(workbook_close(book), "closing the workbook");
  return ReadBytes(file.Path());
}

std::string TemplateCsv(const std::vector<TemplateUnit>& units) {
  std::string text;
  AppendCsvLine(text, FirstHeaderRow(), kFileColumns);
  AppendCsvLine(text, SecondHeaderRow(), kFileColumns);
  for (const TemplateUnit& unit : units) AppendCsvLine(text, UnitCells(unit), kFileColumns);
  return text;
}

}  // namespace smedash::komitmen
