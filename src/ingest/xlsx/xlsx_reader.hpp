//! The XLSX RowReader: the first worksheet of the workbook, streamed from the inflater
//! through a SAX reader, so memory is the shared strings plus fixed buffers.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "ingest/sheet.hpp"
#include "ingest/source/reader_limits.hpp"
#include "ingest/xlsx/date_styles.hpp"
#include "ingest/xlsx/shared_strings.hpp"
#include "ingest/xlsx/sheet_rows.hpp"
#include "ingest/xlsx/workbook_parts.hpp"
#include "ingest/xlsx/xml_events.hpp"
#include "ingest/xlsx/zip_archive.hpp"

namespace smedash::ingest {

// Which XML reader streams the worksheet part. The other parts are always read by expat.
enum class SheetXmlReader {
  kScanner,  // XmlScanner: several times faster; the default
  kExpat,    // the reference the scanner is tested against
};

// Cells follow SheetRows' rules. Line() is the sheet's row number (rows skipped by the
// writer or wholly empty leave gaps). BytesRead() is the file size scaled by the share of
// the sheet part inflated so far (the part's declared size), so it moves smoothly and
// equals the file size once Next() has returned false.
class XlsxReader final : public RowReader {
 public:
  // Reads the workbook, relationships, styles and shared strings, then opens the sheet.
  // Throws FileError.
  XlsxReader(const std::filesystem::path& path, const ReaderLimits& limits,
             SheetXmlReader sheet_reader = SheetXmlReader::kScanner);

  bool Next(Row& row) override;
  std::uint64_t Line() const override { return line_; }
  std::uint64_t BytesRead() const override;
  std::string Describe() const override;

 private:
  ReaderLimits limits_;
  std::uint64_t file_size_ = 0;
  ZipArchive archive_;
  WorkbookParts parts_;
  SharedStrings shared_strings_;
  DateStyles date_styles_;
  std::unique_ptr<ZipEntryReader> sheet_;
  std::unique_ptr<SheetRows> rows_;
  std::unique_ptr<XmlEventSource> parser_;
  std::uint64_t line_ = 0;
  bool done_ = false;
};

}  // namespace smedash::ingest
