//! Writes an upload's issue report (line, column, raw value, reason, kind) to a file for
//! download: CSV that Excel opens as UTF-8 and cannot run as formulas, or XLSX with line
//! numbers as numbers. Rows are written as they come; nothing holds the whole report.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace smedash::data_management {

struct IssueExportRow {
  std::int64_t line = 0;
  std::string column;
  std::string raw_value;
  std::string reason;
  std::string kind;  // "Ditolak" / "Peringatan", translated
};

using IssueExportTitles = std::array<std::string, 5>;  // in IssueExportRow's order

class IssueTableWriter {
 public:
  virtual ~IssueTableWriter() = default;
  virtual void Write(const IssueExportRow& row) = 0;
  // Finishes the file; throws std::runtime_error when it cannot be written.
  virtual void Close() = 0;
};

std::unique_ptr<IssueTableWriter> OpenCsvIssueWriter(const std::filesystem::path& file,
                                                     const IssueExportTitles& titles);
std::unique_ptr<IssueTableWriter> OpenXlsxIssueWriter(const std::filesystem::path& file,
                                                      const IssueExportTitles& titles,
                                                      const std::string& sheet_name);

}  // namespace smedash::data_management
