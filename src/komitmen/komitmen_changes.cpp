#include "komitmen/komitmen_changes.hpp"

#include <algorithm>
#include <map>

namespace smedash::komitmen {
namespace {

core::Money Magnitude(core::Money money) {
  return money.Cents() < 0 ? core::Money::FromCents(-money.Cents()) : money;
}

// Values are bounded by the reader (|x| < 10^15 rupiah), so a difference always fits.
core::Money Difference(const std::optional<core::Money>& before,
                       const std::optional<core::Money>& after) {
  const auto from = before.value_or(core::Money());
  return after.value_or(core::Money()).CheckedSub(from).value_or(core::Money());
}

bool SameNames(const MonthUnit& a, const MonthUnit& b) {
  return a.kode_kanca == b.kode_kanca && a.kanca == b.kanca && a.uker == b.uker;
}

// Appends every cell where the two units differ; either may be absent.
void CollectCells(const MonthUnit* before, const MonthUnit* after,
                  std::vector<TargetChange>& cells) {
  const MonthUnit& named = after != nullptr ? *after : *before;
  for (std::size_t index = 0; index < kTargetColumns; ++index) {
    std::optional<core::Money> old_value, new_value;
    if (before != nullptr) old_value = before->values[index];
    if (after != nullptr) new_value = after->values[index];
    if (old_value == new_value) continue;
    cells.push_back({named.kode_uker, named.uker, GroupAt(index), MeasureAt(index), old_value,
                     new_value, Difference(old_value, new_value)});
  }
}

}  // namespace

MonthChanges CompareMonths(const std::vector<MonthUnit>& before,
                           const std::vector<MonthUnit>& after) {
  std::map<std::string, const MonthUnit*> old_units;
  for (const auto& unit : before) old_units.emplace(unit.kode_uker, &unit);
  MonthChanges changes;
  std::vector<TargetChange> cells;
  for (const auto& unit : after) {
    auto found = old_units.find(unit.kode_uker);
    if (found == old_units.end()) {
      ++changes.added;
      CollectCells(nullptr, &unit, cells);
      continue;
    }
    const std::size_t cells_before = cells.size();
    CollectCells(found->second, &unit, cells);
    const bool same = cells.size() == cells_before && SameNames(*found->second, unit);
    ++(same ? changes.unchanged : changes.changed);
    old_units.erase(found);
  }
  for (const auto& unit : before) {
    if (!old_units.contains(unit.kode_uker)) continue;
    ++changes.removed;
    CollectCells(&unit, nullptr, cells);
  }
  // Largest first; ties in file order (stable), so the list is the same on every preview.
  std::stable_sort(cells.begin(), cells.end(), [](const TargetChange& a, const TargetChange& b) {
    return Magnitude(a.difference) > Magnitude(b.difference);
  });
  if (cells.size() > kLargestChanges) cells.resize(kLargestChanges);
  changes.largest = std::move(cells);
  return changes;
}

}  // namespace smedash::komitmen
