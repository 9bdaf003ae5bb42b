#include "dashboard/export/xlsx_formats.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <stdexcept>

namespace smedash::dashboard::exports {
namespace {

// Characters as Excel counts them: UTF-8 lead bytes only.
std::size_t Characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// How wide a cell shows: numbers grow by their digit grouping and decimals shown.
std::size_t ShownWidth(const Cell& cell) {
  switch (cell.kind) {
    case CellKind::kMissing:
      return 1;
    case CellKind::kText:
      return Characters(cell.text);
    case CellKind::kDate:
      return 10;  // dd/mm/yyyy
    case CellKind::kNumber: {
      const std::size_t digits = std::min(cell.text.find('.'), cell.text.size());
      return digits + digits / 3 + 4;  // separators, ".00", parentheses
    }
  }
  return 0;
}

}  // namespace

lxw_format* XlsxFormats::Make(bool bold) {
  lxw_format* format = workbook_add_format(book_);
  if (format == nullptr) throw std::runtime_error("XLSX export: cannot add a format");
  if (bold) format_set_bold(format);
  return format;
}

lxw_format* XlsxFormats::Title() {
  if (title_ == nullptr) {
    title_ = Make(true);
    format_set_font_size(title_, 13);
  }
  return title_;
}

lxw_format* XlsxFormats::Label() {
  if (label_ == nullptr) label_ = Make(true);
  return label_;
}

lxw_format* XlsxFormats::ColumnTitle(bool label_column) {
  lxw_format*& format = column_titles_[label_column ? 0 : 1];
  if (format == nullptr) {
    format = Make(true);
    format_set_bottom(format, LXW_BORDER_THIN);
    if (!label_column) format_set_align(format, LXW_ALIGN_RIGHT);
  }
  return format;
}

std::string XlsxFormats::NumberFormat(NumberKind kind, bool change) {
  std::string shown;
  switch (kind) {
    case NumberKind::kAmount:
      shown = "#,##0.00";
      break;
    case NumberKind::kPercent:
      shown = "0.00";
      break;
    case NumberKind::kCount:
      shown = "#,##0";
      break;
    case NumberKind::kGrowth:
      shown = "0.0";
      break;
  }
  return change ? shown + ";(" + shown + ")" : shown;
}

lxw_format* XlsxFormats::For(const Cell& cell, bool bold) {
  const bool number = cell.kind == CellKind::kNumber;
  const auto key =
      std::make_tuple(static_cast<int>(cell.kind), number ? static_cast<int>(cell.number) : 0,
                      number && cell.change, bold);
  auto found = cells_.find(key);
  if (found != cells_.end()) return found->second;
  lxw_format* format = Make(bold);
  if (number) format_set_num_format(format, NumberFormat(cell.number, cell.change).c_str());
  if (cell.kind == CellKind::kDate) format_set_num_format(format, "dd/mm/yyyy");
  if (cell.kind == CellKind::kMissing) format_set_align(format, LXW_ALIGN_RIGHT);
  return cells_.emplace(key, format).first->second;
}

std::string SheetName(const std::string& wanted) {
  std::string name;
  std::size_t characters = 0;
  for (std::size_t index = 0; index < wanted.size(); ++index) {
    const char c = wanted[index];
    const bool lead = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (lead && ++characters > 31) break;
    name += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : ' ';
  }
  return name.empty() ? "Sheet" : name;
}

std::vector<double> ColumnWidths(const Table& table) {
  std::vector<std::size_t> widths(table.columns.size(), 0);
  const auto widen = [&widths](std::size_t column, std::size_t width) {
    if (column >= widths.size()) widths.resize(column + 1, 0);
    widths[column] = std::max(widths[column], width);
  };
  for (std::size_t column = 0; column < table.columns.size(); ++column) {
    widen(column, Characters(table.columns[column]));
  }
  for (const HeaderLine& line : table.header) {
    widen(0, Characters(line.label));
    widen(1, ShownWidth(line.value));
  }
  for (const Row& row : table.rows) {
    for (std::size_t column = 0; column < row.cells.size(); ++column) {
      widen(column, ShownWidth(row.cells[column]));
    }
  }
  std::vector<double> result;
  for (const std::size_t width : widths) {
    result.push_back(static_cast<double>(std::clamp<std::size_t>(width + 2, 6, 60)));
  }
  return result;
}

}  // namespace smedash::dashboard::exports
