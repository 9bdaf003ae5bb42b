//! The cell formats of an XLSX export, made once per workbook (libxlsxwriter keeps them
//! until the workbook is closed), plus the sheet layout rules: names and column widths.
#pragma once
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "dashboard/export/export_table.hpp"

struct lxw_workbook;
struct lxw_format;

namespace smedash::dashboard::exports {

class XlsxFormats {
 public:
  explicit XlsxFormats(lxw_workbook* book) : book_(book) {}

  lxw_format* Title();
  lxw_format* Label();                         // header-block labels
  lxw_format* ColumnTitle(bool label_column);  // numbers' titles right-aligned
  lxw_format* For(const Cell& cell, bool bold);

  // The display format of a number: "#,##0.00", "0.00", "#,##0", "0.0"; a change shows
  // negatives in parentheses (domain.md 8).
  static std::string NumberFormat(NumberKind kind, bool change);

 private:
  lxw_format* Make(bool bold);
  lxw_workbook* book_;
  std::map<std::tuple<int, int, bool, bool>, lxw_format*> cells_;
  lxw_format* title_ = nullptr;
  lxw_format* label_ = nullptr;
  lxw_format* column_titles_[2] = {nullptr, nullptr};
};

// A valid sheet name: at most 31 characters, none of []:*?/\ (Excel's rules).
std::string SheetName(const std::string& wanted);
// Widths in characters fitting each column's title and cells (header block included), so
// numbers never show as "####".
std::vector<double> ColumnWidths(const Table& table);

}  // namespace smedash::dashboard::exports
