//! Which cell styles of an XLSX workbook show numbers as dates, read from xl/styles.xml
//! (cellXfs → numFmtId → built-in id or custom format code). A number cell whose style is
//! a date style is a date serial.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/source/date_formats.hpp"
#include "ingest/source/reader_limits.hpp"
#include "ingest/xlsx/zip_archive.hpp"

namespace smedash::ingest {

class DateStyles {
 public:
  DateStyles() = default;
  // Throws FileError when the part is not valid XML.
  DateStyles(const ZipArchive& archive, std::uint64_t index, const std::string& name,
             const ReaderLimits& limits);

  // `style` is a cell's s= attribute: an index into cellXfs.
  bool IsDate(std::uint32_t style) const { return style < is_date_.size() && is_date_[style]; }

 private:
  std::vector<bool> is_date_;
};

}  // namespace smedash::ingest
