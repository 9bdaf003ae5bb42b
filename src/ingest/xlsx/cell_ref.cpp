#include "ingest/xlsx/cell_ref.hpp"

namespace smedash::ingest {

std::optional<CellRef> ParseCellRef(std::string_view text) {
  std::size_t pos = 0;
  std::uint32_t column = 0;
  // At most three letters: past that the number could overflow before the check.
  while (pos < text.size() && pos < 4) {
    char c = text[pos];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
    ++pos;
  }
  if (pos == 0 || column > kMaxSheetColumns) return std::nullopt;
  std::uint32_t row = 0;
  const std::size_t digits_start = pos;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c < '0' || c > '9' || pos - digits_start >= 8) return std::nullopt;
    row = row * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (pos > digits_start && (row == 0 || row > kMaxSheetRows)) return std::nullopt;
  return CellRef{column - 1, row};
}

}  // namespace smedash::ingest
