//! Writers of demo loan files: CSV (international numbers, dd/mm/yyyy dates, RFC 4180
//! quoting) and XLSX through libxlsxwriter in constant-memory mode (numbers as number
//! cells, dates as date cells, account numbers and personnel numbers as text).
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

#include "ingest/demo/demo_row.hpp"

namespace smedash::ingest::demo {

class DemoFileWriter {
 public:
  virtual ~DemoFileWriter() = default;
  virtual void WriteRow(const DemoRow& row) = 0;
  // Finishes the file; throws std::runtime_error naming the file when it cannot be written.
  virtual void Close() = 0;
};

// Both write the header row of `layout` at once. Throw std::runtime_error when the file
// cannot be created.
std::unique_ptr<DemoFileWriter> OpenCsvWriter(const std::filesystem::path& path,
                                              std::span<const Column> layout);
// `created` (the workbook's creation time, Unix seconds) is fixed by the caller so that the
// same seed gives the same workbook contents. Written with ZIP64 headers, so a sheet of any
// size fits.
std::unique_ptr<DemoFileWriter> OpenXlsxWriter(const std::filesystem::path& path,
                                               std::span<const Column> layout,
                                               const std::filesystem::path& temp_dir,
                                               std::int64_t created);

}  // namespace smedash::ingest::demo
