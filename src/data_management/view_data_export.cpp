#include "data_management/view_data_export.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "core/csv_field.hpp"
#include "core/date.hpp"
#include "data_management/view_data_columns.hpp"

namespace smedash::data_management::view_data {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kSegmentHeader = "SEGMENT";
// A double holds 15 significant decimal digits exactly; a longer amount stays text in
// XLSX rather than change its last digits.
constexpr std::size_t kExactDigits = 15;

std::string DateText(const std::string& iso, const CsvStyle& style) {
  const auto date = core::Date::ParseIso(iso);
  if (!date || !style.day_first) return iso;
  return fmt::format("{:02}/{:02}/{:04}", date->Day(), date->Month(), date->Year());
}

std::string CsvValue(const ViewColumn& column, const std::optional<std::string>& text,
                     const CsvStyle& style) {
  if (!text) return {};
  switch (column.type) {
    case ValueType::kText:
      return core::CsvField(*text, style.delimiter);
    case ValueType::kDate:
      return DateText(*text, style);
    case ValueType::kAmount:
    case ValueType::kRate: {
      std::string number = *text;
      if (style.decimal_comma) std::replace(number.begin(), number.end(), '.', ',');
      return number;
    }
    case ValueType::kInteger:
      return *text;
    case ValueType::kFlag:
      return *text == "t" ? "Y" : "N";
  }
  return {};
}

std::size_t SignificantDigits(std::string_view decimal) {
  std::size_t digits = 0;
  bool leading = true;
  for (const char c : decimal) {
    if (c < '0' || c > '9') continue;
    if (leading && c == '0') continue;
    leading = false;
    ++digits;
  }
  return digits;
}

}  // namespace

CsvStyle CsvStyleFor(std::string_view lang) {
  if (lang == "en") return {',', false, false};
  return {';', true, true};
}

std::string CsvHeader(const CsvStyle& style) {
  std::string out(kUtf8Bom);
  for (const auto& column : ViewColumns()) {
    out += core::CsvField(column.header, style.delimiter);
    out += style.delimiter;
  }
  out += kSegmentHeader;
  out += "\r\n";
  return out;
}

void AppendCsvRow(std::string& out, const LoanRow& row, const CsvStyle& style) {
  const auto& columns = ViewColumns();
  for (std::size_t column_idx = 0; column_idx < columns.size(); ++column_idx) {
    out += CsvValue(columns[column_idx], row.values[column_idx], style);
    out += style.delimiter;
  }
  out += core::CsvField(row.segment, style.delimiter);
  out += "\r\n";  // RFC 4180
}

XlsxRowWriter::XlsxRowWriter(const std::filesystem::path& file, const std::string& sheet_name) {
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  const std::string tmpdir = file.parent_path().string();
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  options.use_zip64 = LXW_TRUE;  // a million rows make a sheet past 4 GB uncompressed
  workbook_ = workbook_new_opt(file.c_str(), &options);
  if (workbook_ == nullptr) throw std::runtime_error("cannot create " + file.string());
  sheet_ = workbook_add_worksheet(workbook_, sheet_name.c_str());
  bold_ = workbook_add_format(workbook_);
  date_ = workbook_add_format(workbook_);
  amount_ = workbook_add_format(workbook_);
  rate_ = workbook_add_format(workbook_);
  if (sheet_ == nullptr || bold_ == nullptr || date_ == nullptr || amount_ == nullptr ||
      rate_ == nullptr) {
    workbook_close(workbook_);
    workbook_ = nullptr;
    throw std::runtime_error("cannot start the XLSX export");
  }
  format_set_bold(bold_);
  format_set_num_format(date_, "dd/mm/yyyy");
  format_set_num_format(amount_, "#,##0.00");
  format_set_num_format(rate_, "0.00##");
  const auto& columns = ViewColumns();
  lxw_col_t column = 0;
  for (; column < columns.size(); ++column) {
    const double width = columns[column].type == ValueType::kAmount ? 18 : 14;
    worksheet_set_column(sheet_, column, column, width, nullptr);
    Check(worksheet_write_string(sheet_, 0, column, std::string(columns[column].header).c_str(),
                                 bold_),
          "header");
  }
  Check(worksheet_write_string(sheet_, 0, column, std::string(kSegmentHeader).c_str(), bold_),
        "header");
  worksheet_freeze_panes(sheet_, 1, 0);
}

XlsxRowWriter::~XlsxRowWriter() {
  if (workbook_ != nullptr) workbook_close(workbook_);
}

void XlsxRowWriter::Check(int error, std::string_view what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(fmt::format("XLSX export: cannot write {}: {}", what,
                                         lxw_strerror(static_cast<lxw_error>(error))));
  }
}

void XlsxRowWriter::Write(const LoanRow& row) {
  ++row_;
  const auto& columns = ViewColumns();
  lxw_col_t column = 0;
  for (; column < columns.size(); ++column) {
    const auto& text = row.values[column];
    if (!text) continue;
    switch (columns[column].type) {
      case ValueType::kText:
        // Written as a string, never as a formula, so "=..." needs no prefix here.
        Check(worksheet_write_string(sheet_, row_, column, text->c_str(), nullptr), "text");
        break;
      case ValueType::kDate: {
        const auto date = core::Date::ParseIso(*text);
        if (!date) throw std::runtime_error("XLSX export: bad date " + *text);
        lxw_datetime value{date->Year(), date->Month(), date->Day(), 0, 0, 0.0};
        Check(worksheet_write_datetime(sheet_, row_, column, &value, date_), "date");
        break;
      }
      case ValueType::kAmount:
      case ValueType::kRate:
      case ValueType::kInteger: {
        double number = 0;
        const auto [end, error] =
            std::from_chars(text->data(), text->data() + text->size(), number);
        lxw_format* format = columns[column].type == ValueType::kAmount ? amount_
                             : columns[column].type == ValueType::kRate ? rate_
                                                                        : nullptr;
        if (error != std::errc() || SignificantDigits(*text) > kExactDigits) {
          Check(worksheet_write_string(sheet_, row_, column, text->c_str(), nullptr), "number");
        } else {
          Check(worksheet_write_number(sheet_, row_, column, number, format), "number");
        }
        break;
      }
      case ValueType::kFlag:
        Check(worksheet_write_string(sheet_, row_, column, *text == "t" ? "Y" : "N", nullptr),
              "flag");
        break;
    }
  }
  Check(worksheet_write_string(sheet_, row_, column, row.segment.c_str(), nullptr), "segment");
}

void XlsxRowWriter::Close() {
  lxw_workbook* workbook = workbook_;
  workbook_ = nullptr;
  const lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("cannot write the XLSX export: ") + lxw_strerror(error));
  }
}

}  // namespace smedash::data_management::view_data
