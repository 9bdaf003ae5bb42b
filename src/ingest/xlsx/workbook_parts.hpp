//! Finds what the XLSX reader needs in the package: the first worksheet (name and part
//! path), the shared strings and styles parts, and the date system, by following the OPC
//! relationships (_rels/.rels → workbook → its .rels) instead of assuming fixed paths.
#pragma once
#include <optional>
#include <string>

#include "ingest/source/reader_limits.hpp"
#include "ingest/xlsx/zip_archive.hpp"

namespace smedash::ingest {

struct WorkbookParts {
  std::string sheet_name;
  std::string sheet_path;                     // e.g. "xl/worksheets/sheet1.xml"
  std::optional<std::string> shared_strings;  // e.g. "xl/sharedStrings.xml"
  std::optional<std::string> styles;          // e.g. "xl/styles.xml"
  bool date1904 = false;
};

// Throws FileError when the zip is not a spreadsheet (no workbook) or has no worksheet.
WorkbookParts ReadWorkbookParts(const ZipArchive& archive, const ReaderLimits& limits);

// Resolves a relationship target against the folder of the part that owns the
// relationship ("xl/" + "worksheets/sheet1.xml"; "/xl/x.xml" is absolute). "." and ".."
// segments are folded; a path that climbs above the package root throws FileError.
std::string ResolvePartPath(const std::string& base_folder, const std::string& target);

}  // namespace smedash::ingest
