#include "metrics/position_figures.hpp"

#include <stdexcept>

namespace smedash::metrics {
namespace {

// A sum that leaves 128 bits is a bug to report, never a wrapped figure.
void AddChecked(__int128& sum, __int128 value) {
  if (__builtin_add_overflow(sum, value, &sum)) throw std::overflow_error("OS sum out of range");
}

}  // namespace

void OsSums::Add(const OsSums& other) {
  for (std::size_t grade_idx = 0; grade_idx < by_grade.size(); ++grade_idx) {
    AddChecked(by_grade[grade_idx], other.by_grade[grade_idx]);
  }
  AddChecked(restructured_current, other.restructured_current);
}

FigureLayout::FigureLayout(const Hierarchy& hierarchy, std::size_t segment_count,
                           std::size_t group_count)
    : unit_count_(hierarchy.Units().size()),
      kanca_count_(hierarchy.Kancas().size()),
      segment_count_(segment_count),
      group_count_(group_count) {
  unit_slots_.reserve(unit_count_);
  for (std::size_t unit_idx = 0; unit_idx < unit_count_; ++unit_idx) {
    const HierarchyUnit& unit = hierarchy.Units()[unit_idx];
    unit_slots_.push_back(RowSlots{UnitSlot(unit_idx), KancaSlot(unit.kanca),
                                   unit.is_office ? OfficesSlot() : KcpsSlot(), TotalSlot()});
  }
}

FigureLayout::RowSlots FigureLayout::SlotsOfRow(std::optional<std::size_t> unit) const {
  if (!unit) return RowSlots{UnknownUnitSlot(), TotalSlot(), kNone, kNone};
  return unit_slots_.at(*unit);
}

PositionFigures::PositionFigures(const FigureLayout& layout)
    : segment_count_(layout.SegmentCount()),
      group_count_(layout.GroupCount()),
      sums_(layout.SlotCount() * layout.SegmentCount()),
      customers_(layout.SlotCount() * layout.GroupCount()) {}

void PositionFigures::AddRow(const FigureLayout::RowSlots& slots, std::size_t segment, int kol_adk,
                             bool restructured, __int128 os_cents) {
  if (kol_adk < 1 || kol_adk > 5) throw std::out_of_range("KOL_ADK outside 1..5");
  if (segment >= segment_count_) throw std::out_of_range("segment index out of range");
  for (const std::size_t slot : slots) {
    if (slot == FigureLayout::kNone) continue;
    OsSums& sums = sums_.at(slot * segment_count_ + segment);
    AddChecked(sums.by_grade[kol_adk - 1], os_cents);
    if (kol_adk == 1 && restructured) AddChecked(sums.restructured_current, os_cents);
  }
}

void PositionFigures::SetCustomers(std::size_t slot, std::size_t group, std::int64_t customers) {
  if (group >= group_count_) throw std::out_of_range("group index out of range");
  customers_.at(slot * group_count_ + group) = customers;
}

}  // namespace smedash::metrics
