#include "ingest/source/reader_limits.hpp"

#include <stdexcept>

namespace smedash::ingest {

void ReaderLimits::Validate() const {
  // The CSV sniffer looks at the first buffer, so a tiny buffer would see no full line.
  if (read_buffer_bytes < 4096) {
    throw std::invalid_argument("ReaderLimits: read_buffer_bytes must be at least 4096");
  }
  if (max_field_bytes == 0 || max_fields_per_row == 0) {
    throw std::invalid_argument("ReaderLimits: field limits must be positive");
  }
  if (max_inflate_ratio == 0 || max_entry_bytes == 0 || max_shared_strings_bytes == 0 ||
      max_zip_entries == 0 || max_xls_cells == 0) {
    throw std::invalid_argument("ReaderLimits: XLSX and XLS limits must be positive");
  }
  // Shared strings are indexed with 32-bit offsets.
  if (max_shared_strings_bytes > (std::uint64_t{2} << 30)) {
    throw std::invalid_argument("ReaderLimits: max_shared_strings_bytes must be at most 2 GiB");
  }
}

}  // namespace smedash::ingest
