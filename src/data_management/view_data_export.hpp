//! The View data exports' formats: every column of the upload file in its order, then the
//! effective OS and the segment. CSV is RFC 4180 text in the UI language's number style
//! (as the dashboard exports: Indonesian ';' and decimal comma, English ',' and point),
//! text that a spreadsheet could run as a formula gets a leading '. XLSX is written by
//! libxlsxwriter in constant-memory mode (rows flushed to disk as written).
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

#include "data_management/view_data_repository.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace smedash::data_management::view_data {

struct CsvStyle {
  char delimiter = ';';
  bool decimal_comma = true;
  bool day_first = true;  // 09/10/2025; else 2025-10-09
};
CsvStyle CsvStyleFor(std::string_view lang);  // anything but "en" is Indonesian

// The UTF-8 BOM (Excel then reads UTF-8) and the header line.
std::string CsvHeader(const CsvStyle& style);
void AppendCsvRow(std::string& out, const LoanRow& row, const CsvStyle& style);

// One sheet of rows; the header row frozen. Numbers are numbers (amounts #,##0.00), dates
// are dates shown dd/mm/yyyy, text is always text (never a formula).
class XlsxRowWriter {
 public:
  // `file` is created; libxlsxwriter's temporary files go next to it.
  XlsxRowWriter(const std::filesystem::path& file, const std::string& sheet_name);
  ~XlsxRowWriter();
  XlsxRowWriter(const XlsxRowWriter&) = delete;
  XlsxRowWriter& operator=(const XlsxRowWriter&) = delete;

  void Write(const LoanRow& row);
  // Finishes the file (compressing the sheet: seconds for a million rows). Throws
  // std::runtime_error when it cannot be written.
  void Close();

 private:
  void Check(int error, std::string_view what);

  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* amount_ = nullptr;
  lxw_format* rate_ = nullptr;
  unsigned row_ = 0;
};

}  // namespace smedash::data_management::view_data
