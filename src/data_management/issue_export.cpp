#include "data_management/issue_export.hpp"

#include <xlsxwriter.h>

#include <fstream>
#include <stdexcept>

#include "core/csv_field.hpp"

namespace smedash::data_management {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";  // Excel reads the file as UTF-8

class CsvIssueWriter final : public IssueTableWriter {
 public:
  CsvIssueWriter(const std::filesystem::path& file, const IssueExportTitles& titles)
      : out_(file, std::ios::binary | std::ios::trunc) {
    if (!out_) throw std::runtime_error("cannot create " + file.string());
    out_ << kUtf8Bom;
    WriteLine(titles);
  }

  void Write(const IssueExportRow& row) override {
    WriteLine({std::to_string(row.line), row.column, row.raw_value, row.reason, row.kind},
              /*first_is_number=*/true);
  }

  void Close() override {
    out_.close();
    if (!out_) throw std::runtime_error("cannot write the CSV export");
  }

 private:
  void WriteLine(const IssueExportTitles& fields, bool first_is_number = false) {
    for (std::size_t index = 0; index < fields.size(); ++index) {
      if (index > 0) out_ << ',';
      out_ << (index == 0 && first_is_number ? fields[index] : core::CsvField(fields[index]));
    }
    out_ << "\r\n";  // RFC 4180
  }

  std::ofstream out_;
};

class XlsxIssueWriter final : public IssueTableWriter {
 public:
  XlsxIssueWriter(const std::filesystem::path& file, const IssueExportTitles& titles,
                  const std::string& sheet_name) {
    // Constant memory: rows are flushed to a temporary file as written, so a report of
    // 100,000 issues does not grow the server's memory.
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    const std::string tmpdir = file.parent_path().string();
    options.tmpdir = const_cast<char*>(tmpdir.c_str());
    workbook_ = workbook_new_opt(file.c_str(), &options);
    if (workbook_ == nullptr) throw std::runtime_error("cannot create " + file.string());
    sheet_ = workbook_add_worksheet(workbook_, sheet_name.c_str());
    bold_ = workbook_add_format(workbook_);
    format_set_bold(bold_);
    if (sheet_ == nullptr) {
      workbook_close(workbook_);
      throw std::runtime_error("cannot add a worksheet to " + file.string());
    }
    constexpr std::array<double, 5> kWidths = {8, 28, 30, 70, 12};
    for (lxw_col_t column = 0; column < kWidths.size(); ++column) {
      worksheet_set_column(sheet_, column, column, kWidths[column], nullptr);
    }
    for (lxw_col_t column = 0; column < titles.size(); ++column) {
      worksheet_write_string(sheet_, 0, column, titles[column].c_str(), bold_);
    }
    worksheet_freeze_panes(sheet_, 1, 0);
  }

  ~XlsxIssueWriter() override {
    if (workbook_ != nullptr) workbook_close(workbook_);
  }

  void Write(const IssueExportRow& row) override {
    // Strings are written as strings, never as formulas, so no prefix is needed here.
    ++row_;
    worksheet_write_number(sheet_, row_, 0, static_cast<double>(row.line), nullptr);
    worksheet_write_string(sheet_, row_, 1, row.column.c_str(), nullptr);
    worksheet_write_string(sheet_, row_, 2, row.raw_value.c_str(), nullptr);
    worksheet_write_string(sheet_, row_, 3, row.reason.c_str(), nullptr);
    worksheet_write_string(sheet_, row_, 4, row.kind.c_str(), nullptr);
  }

  void Close() override {
    lxw_workbook* workbook = workbook_;
    workbook_ = nullptr;
    const lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR) {
      throw std::runtime_error(std::string("cannot write the XLSX export: ") + lxw_strerror(error));
    }
  }

 private:
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_row_t row_ = 0;
};

}  // namespace

std::unique_ptr<IssueTableWriter> OpenCsvIssueWriter(const std::filesystem::path& file,
                                                     const IssueExportTitles& titles) {
  return std::make_unique<CsvIssueWriter>(file, titles);
}

std::unique_ptr<IssueTableWriter> OpenXlsxIssueWriter(const std::filesystem::path& file,
                                                      const IssueExportTitles& titles,
                                                      const std::string& sheet_name) {
  return std::make_unique<XlsxIssueWriter>(file, titles, sheet_name);
}

}  // namespace smedash::data_management
