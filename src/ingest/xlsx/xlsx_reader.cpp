#include "ingest/xlsx/xlsx_reader.hpp"

#include <algorithm>

#include "ingest/validate/reasons.hpp"
#include "ingest/xlsx/xml_parser.hpp"
#include "ingest/xlsx/xml_scanner.hpp"

namespace smedash::ingest {
namespace {

std::uint64_t SizeOf(const std::filesystem::path& path) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<std::uint64_t>(size);
}

}  // namespace

XlsxReader::XlsxReader(const std::filesystem::path& path, const ReaderLimits& limits,
                       SheetXmlReader sheet_reader)
    : limits_(limits), file_size_(SizeOf(path)), archive_(path, limits_) {
  parts_ = ReadWorkbookParts(archive_, limits_);
  if (parts_.styles) {
    if (const auto index = archive_.Find(*parts_.styles)) {
      date_styles_ = DateStyles(archive_, *index, *parts_.styles, limits_);
    }
  }
  if (parts_.shared_strings) {
    if (const auto index = archive_.Find(*parts_.shared_strings)) {
      shared_strings_ = SharedStrings(archive_, *index, *parts_.shared_strings, limits_);
    }
  }
  const auto sheet_index = archive_.Find(parts_.sheet_path);
  if (!sheet_index) {
    throw FileError(reason::kFileSheetMissing,
                    {{"sheet", parts_.sheet_name}, {"part", parts_.sheet_path}},
                    "File XLSX rusak: lembar '" + parts_.sheet_name + "' (" + parts_.sheet_path +
                        ") tidak ada di dalam arsip.");
  }
  sheet_ = std::make_unique<ZipEntryReader>(archive_, *sheet_index, parts_.sheet_path, limits_);
  rows_ = std::make_unique<SheetRows>(shared_strings_, date_styles_, parts_.date1904, limits_);
  if (sheet_reader == SheetXmlReader::kExpat) {
    parser_ = std::make_unique<XmlParser>(*rows_, *sheet_);
  } else {
    parser_ = std::make_unique<XmlScanner>(*rows_, *sheet_);
  }
  rows_->SetParser(parser_.get());
}

bool XlsxReader::Next(Row& row) {
  while (!done_ && !rows_->RowReady()) {
    if (!parser_->Step()) done_ = true;
  }
  if (!rows_->RowReady()) {
    row.clear();
    return false;
  }
  rows_->ClearReady();
  // Swap, not copy: the caller gets the row, and its previous row's strings are reused
  // for the next one.
  row.swap(rows_->Current());
  line_ = rows_->RowNumber();
  return true;
}

std::uint64_t XlsxReader::BytesRead() const {
  if (done_) return file_size_;
  const std::uint64_t declared = sheet_->DeclaredSize();
  if (declared == 0) return 0;
  const double share =
      std::min(1.0, static_cast<double>(sheet_->BytesOut()) / static_cast<double>(declared));
  // Never report the whole file before the end: the caller may treat it as "done".
  return std::min(static_cast<std::uint64_t>(share * static_cast<double>(file_size_)),
                  file_size_ > 0 ? file_size_ - 1 : 0);
}

std::string XlsxReader::Describe() const {
  return "XLSX; sheet '" + parts_.sheet_name + "'; " +
         (parts_.date1904 ? "1904 date system" : "1900 date system");
}

}  // namespace smedash::ingest
