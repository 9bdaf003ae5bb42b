#include "komitmen/region_total.hpp"

#include <optional>
#include <string>

#include "ingest/validate/text_util.hpp"

namespace smedash::komitmen {
namespace {

bool IsWordCharacter(char c) {
  const char upper = ingest::AsciiUpper(c);
  // Bytes of UTF-8 letters count too, so "ROé" is no "RO".
  return (upper >= 'A' && upper <= 'Z') || ingest::IsDigit(c) ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Σ of target `index` over the units that have it; nullopt if it does not fit (no real
// file gets there, and then there is nothing sensible to compare).
std::optional<core::Money> UnitsSum(const std::vector<TargetRow>& units, std::size_t index) {
  core::Money sum;
  for (const TargetRow& unit : units) {
    if (!unit.values[index]) continue;
    const auto next = sum.CheckedAdd(*unit.values[index]);
    if (!next) return std::nullopt;
    sum = *next;
  }
  return sum;
}

// |total − sum| > 1 % of total, exactly: 100 × |total − sum| > total (never negative), in
// 128 bits so no product overflows.
bool BeyondOnePercent(core::Money total, core::Money sum) {
  const __int128 difference = static_cast<__int128>(total.Cents()) - sum.Cents();
  return (difference < 0 ? -difference : difference) * 100 > total.Cents();
}

}  // namespace

bool IsRegionTotalName(std::string_view uker_name) {
  std::size_t pos = 0;
  while (pos < uker_name.size()) {
    if (!IsWordCharacter(uker_name[pos])) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    while (pos < uker_name.size() && IsWordCharacter(uker_name[pos])) ++pos;
    const std::string_view word = uker_name.substr(start, pos - start);
    if (ingest::EqualsUpper(word, "RO") || ingest::EqualsUpper(word, "REGION") ||
        ingest::EqualsUpper(word, "REGIONAL")) {
      return true;
    }
  }
  return false;
}

void CheckRegionTotal(std::uint64_t line, const ingest::Row& cells,
                      const std::vector<TargetRow>& units, TargetNumberReader& numbers,
                      std::vector<TargetIssue>& warnings) {
  for (std::size_t index = 0; index < kTargetColumns; ++index) {
    const std::size_t column = FileColumnOf(index);
    if (column >= cells.size()) break;
    const TargetNumber total = numbers.Read(cells[column], MeasureAt(index));
    if (total.status != TargetStatus::kValue) continue;
    const auto sum = UnitsSum(units, index);
    if (!sum || !BeyondOnePercent(total.value, *sum)) continue;
    const Measure measure = MeasureAt(index);
    warnings.push_back({line,
                        ColumnLetter(column),
                        std::string(ingest::CutCodePoints(cells[column].text, 200)),
                        std::string(file_key::kRegionMismatch),
                        {{"target", TargetName(index)},
                         {"region", FileUnitText(total.value, measure)},
                         {"units", FileUnitText(*sum, measure)}}});
  }
}

}  // namespace smedash::komitmen
