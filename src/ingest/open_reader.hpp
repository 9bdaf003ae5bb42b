//! Picks the reader for a file by its content (magic bytes), checked against its name.
#pragma once
#include <filesystem>
#include <memory>
#include <string>

#include "ingest/sheet.hpp"
#include "ingest/source/reader_limits.hpp"

namespace smedash::ingest {

enum class FileFormat { kCsv, kXlsx, kXls };

std::string_view FormatName(FileFormat format);  // "CSV", "XLSX", "XLS"

// The format of `path` from its first bytes (zip → XLSX, OLE2 → XLS, otherwise text →
// CSV) and its extension (.csv, .xlsx, .xls). Throws FileError when they disagree (an
// ".xlsx" that is not a zip, a ".csv" that is a zip or binary) or the extension is
// another one, naming both.
FileFormat DetectFormat(const std::filesystem::path& path, const std::string& original_name);

// The reader for `path`, with ReaderLimits::Defaults(). Throws FileError when the file
// cannot be read as `format` (corrupt zip, no worksheet, UTF-16 text...).
std::unique_ptr<RowReader> OpenReader(const std::filesystem::path& path, FileFormat format);
// The same with explicit limits (tests use small ones).
std::unique_ptr<RowReader> OpenReader(const std::filesystem::path& path, FileFormat format,
                                      const ReaderLimits& limits);

}  // namespace smedash::ingest
