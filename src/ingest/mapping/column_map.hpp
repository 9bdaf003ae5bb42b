//! The header row of a file mapped to our columns: where each column is, which required
//! ones are missing, which headers are unknown (domain.md section 2, "Columns").
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "ingest/columns.hpp"
#include "ingest/sheet.hpp"

namespace smedash::ingest {

struct ColumnMap {
  std::array<std::optional<std::size_t>, kColumnCount> index;  // cell index per column
  std::vector<std::string> headers;          // the file's headers as written
  std::vector<std::string> unknown_headers;  // as written, in file order: a warning
  std::vector<std::string> duplicate_headers;  // a column named twice: the file is rejected
  std::vector<std::string> missing_required;   // canonical names: the file is rejected

  bool HasOs() const { return index[static_cast<std::size_t>(Column::kOs)].has_value(); }
  bool Usable() const { return missing_required.empty() && duplicate_headers.empty(); }
  std::optional<std::size_t> IndexOf(Column column) const {
    return index[static_cast<std::size_t>(column)];
  }
};

// Required: PERIODE, KANCA, KODE UKER, NOMOR REKENING, CIFNO, CODE, KOL_ADK, and either OS
// or all five KOLEKTIBILITAS columns (missing_required then names the missing ones of the
// five, and "OS").
ColumnMap MapHeader(const Row& header);

}  // namespace smedash::ingest
