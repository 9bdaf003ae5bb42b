#include "ingest/mapping/column_map.hpp"

#include <algorithm>

namespace smedash::ingest {

ColumnMap MapHeader(const Row& header) {
  ColumnMap map;
  map.headers.reserve(header.size());
  for (std::size_t cell_idx = 0; cell_idx < header.size(); ++cell_idx) {
    const std::string& text = header[cell_idx].text;
    map.headers.push_back(text);
    // Spreadsheets often carry formatted but empty cells right of the data; a column with
    // no header has nothing we could store it as, so it is not worth a warning.
    if (NormalizeHeader(text).empty()) continue;
    const std::optional<Column> column = ColumnForHeader(text);
    if (!column) {
      map.unknown_headers.push_back(text);
      continue;
    }
    auto& slot = map.index[static_cast<std::size_t>(*column)];
    if (slot) {
      // Reported once per column, by its canonical name: which of two cells to trust is
      // the admin's call, not ours.
      const std::string name(Spec(*column).header);
      if (std::find(map.duplicate_headers.begin(), map.duplicate_headers.end(), name) ==
          map.duplicate_headers.end()) {
        map.duplicate_headers.push_back(name);
      }
      continue;
    }
    slot = cell_idx;
  }

  for (const auto& spec : Columns()) {
    if (spec.always_required && !map.IndexOf(spec.column)) {
      map.missing_required.emplace_back(spec.header);
    }
  }
  if (!map.HasOs()) {
    bool any_missing = false;
    for (Column column : kKolektibilitasColumns) {
      if (!map.IndexOf(column)) {
        map.missing_required.emplace_back(Spec(column).header);
        any_missing = true;
      }
    }
    if (any_missing) map.missing_required.emplace_back(Spec(Column::kOs).header);
  }
  return map;
}

}  // namespace smedash::ingest
