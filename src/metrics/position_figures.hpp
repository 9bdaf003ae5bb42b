//! One position's figures in memory, compact: for every place a figure can cover (a unit,
//! a kanca with its KCPs, all offices, all KCPs, everything) and every segment, the OS per
//! grade and the restructured current OS, plus the customer counts per group. Rows are
//! added up once when the position is read, so a figure is a few additions. Internal to
//! metrics (the FigureStore's snapshots).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "metrics/hierarchy.hpp"

namespace smedash::metrics {

// Sums of os in rupiah cents over some rows.
struct OsSums {
  std::array<__int128, 5> by_grade{};  // KOL_ADK 1..5
  __int128 restructured_current = 0;   // KOL_ADK 1 and restructured (LR)

  void Add(const OsSums& other);
};

// Where each scope's figures sit: one slot per unit of the hierarchy, one for rows of
// units it does not know (they count in the total only, so nothing is dropped), one per
// kanca (KONSOL), then the offices, the KCPs and the total.
class FigureLayout {
 public:
  FigureLayout(const Hierarchy& hierarchy, std::size_t segment_count, std::size_t group_count);

  std::size_t SlotCount() const { return unit_count_ + 1 + kanca_count_ + 3; }
  std::size_t SegmentCount() const { return segment_count_; }
  std::size_t GroupCount() const { return group_count_; }

  std::size_t UnitSlot(std::size_t unit) const { return unit; }
  std::size_t UnknownUnitSlot() const { return unit_count_; }
  std::size_t KancaSlot(std::size_t kanca) const { return unit_count_ + 1 + kanca; }
  std::size_t OfficesSlot() const { return unit_count_ + 1 + kanca_count_; }
  std::size_t KcpsSlot() const { return OfficesSlot() + 1; }
  std::size_t TotalSlot() const { return OfficesSlot() + 2; }

  // Every slot a row of `unit` (nullopt: unknown) counts in; unused entries are kNone.
  static constexpr std::size_t kNone = SIZE_MAX;
  using RowSlots = std::array<std::size_t, 4>;
  RowSlots SlotsOfRow(std::optional<std::size_t> unit) const;

 private:
  std::vector<RowSlots> unit_slots_;  // per unit: itself, its kanca, offices or KCPs, total
  std::size_t unit_count_;
  std::size_t kanca_count_;
  std::size_t segment_count_;
  std::size_t group_count_;
};

class PositionFigures {
 public:
  explicit PositionFigures(const FigureLayout& layout);

  // One agg_position row: os (cents) in `segment` at grade `kol_adk` (1..5), added to
  // every slot of its unit (FigureLayout::SlotsOfRow).
  void AddRow(const FigureLayout::RowSlots& slots, std::size_t segment, int kol_adk,
              bool restructured, __int128 os_cents);
  void SetCustomers(std::size_t slot, std::size_t group, std::int64_t customers);

  const OsSums& Sums(std::size_t slot, std::size_t segment) const {
    return sums_[slot * segment_count_ + segment];
  }
  std::int64_t Customers(std::size_t slot, std::size_t group) const {
    return customers_[slot * group_count_ + group];
  }

 private:
  std::size_t segment_count_;
  std::size_t group_count_;
  std::vector<OsSums> sums_;             // [slot][segment]
  std::vector<std::int64_t> customers_;  // [slot][group]
};

}  // namespace smedash::metrics
