//! A1-style cell references ("C12") as used by the r= attribute of XLSX cells, checked
//! against Excel's grid (columns A..XFD, rows 1..1,048,576).
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace smedash::ingest {

inline constexpr std::uint32_t kMaxSheetColumns = 16384;  // XFD
inline constexpr std::uint32_t kMaxSheetRows = 1048576;

struct CellRef {
  std::uint32_t column = 0;  // 0-based (A = 0)
  std::uint32_t row = 0;     // 1-based; 0 when the reference has no row part
};

// Parses "C12" (or just "C"). nullopt when malformed or outside the grid.
std::optional<CellRef> ParseCellRef(std::string_view text);

}  // namespace smedash::ingest
