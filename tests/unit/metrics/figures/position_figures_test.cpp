#include "metrics/position_figures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

namespace smedash::metrics {
namespace {

HierarchyUnit Unit(std::string code, std::size_t kanca, bool is_office) {
  return HierarchyUnit{.code = std::move(code), .name = "", .kanca = kanca, .is_office = is_office};
}

HierarchyKanca Kanca(std::string key, std::string code) {
  HierarchyKanca kanca;
  kanca.name = key;
  kanca.key = std::move(key);
  kanca.code = std::move(code);
  return kanca;
}

// Two kanca: 5 (office 5, KCP 675) and 25 (office 25, KCP 1346); two segments, one group.
class PositionFiguresTest : public ::testing::Test {
 protected:
  PositionFiguresTest()
      : hierarchy_(Hierarchy::Build({Unit("5", 0, true), Unit("675", 0, false), Unit("25", 1, true),
                                     Unit("1346", 1, false)},
                                    {Kanca("KC BANDUNG AA", "5"), Kanca("KC GARUT", "25")})),
        layout_(hierarchy_, 2, 1),
        figures_(layout_) {}

  std::size_t UnitIdx(const char* code) const { return hierarchy_.FindUnit(code).value(); }
  std::size_t KancaIdx(const char* id) const { return hierarchy_.FindKanca(id).value(); }
  void Add(std::optional<std::size_t> unit, std::size_t segment, int kol, bool restructured,
           __int128 cents) {
    figures_.AddRow(layout_.SlotsOfRow(unit), segment, kol, restructured, cents);
  }

  Hierarchy hierarchy_;
  FigureLayout layout_;
  PositionFigures figures_;
};

TEST_F(PositionFiguresTest, ARowCountsInItsUnitKancaKindAndTotal) {
  Add(UnitIdx("675"), 1, 2, false, 700);
  const auto grade2 = [&](std::size_t slot) { return figures_.Sums(slot, 1).by_grade[1]; };
  EXPECT_EQ(grade2(layout_.UnitSlot(UnitIdx("675"))), 700);
  EXPECT_EQ(grade2(layout_.KancaSlot(KancaIdx("5"))), 700);
  EXPECT_EQ(grade2(layout_.KcpsSlot()), 700);
  EXPECT_EQ(grade2(layout_.TotalSlot()), 700);
  EXPECT_EQ(grade2(layout_.OfficesSlot()), 0);
  EXPECT_EQ(grade2(layout_.UnitSlot(UnitIdx("5"))), 0);
  EXPECT_EQ(grade2(layout_.KancaSlot(KancaIdx("25"))), 0);
  EXPECT_EQ(figures_.Sums(layout_.TotalSlot(), 0).by_grade[1], 0) << "other segment untouched";
}

TEST_F(PositionFiguresTest, OfficeRowsCountInOffices) {
  Add(UnitIdx("25"), 0, 1, false, 100);
  Add(UnitIdx("5"), 0, 1, false, 20);
  EXPECT_EQ(figures_.Sums(layout_.OfficesSlot(), 0).by_grade[0], 120);
  EXPECT_EQ(figures_.Sums(layout_.KcpsSlot(), 0).by_grade[0], 0);
}

TEST_F(PositionFiguresTest, RestructuredCountsAsLrOnlyInGradeOne) {
  Add(UnitIdx("5"), 0, 1, true, 300);
  Add(UnitIdx("5"), 0, 3, true, 50);
  Add(UnitIdx("5"), 0, 1, false, 7);
  const OsSums& sums = figures_.Sums(layout_.TotalSlot(), 0);
  EXPECT_EQ(sums.restructured_current, 300);
  EXPECT_EQ(sums.by_grade[0], 307);
  EXPECT_EQ(sums.by_grade[2], 50);
}

TEST_F(PositionFiguresTest, UnknownUnitCountsInTheTotalOnly) {
  Add(std::nullopt, 0, 5, false, 40);
  EXPECT_EQ(figures_.Sums(layout_.TotalSlot(), 0).by_grade[4], 40);
  EXPECT_EQ(figures_.Sums(layout_.UnknownUnitSlot(), 0).by_grade[4], 40);
  for (const std::size_t slot :
       {layout_.OfficesSlot(), layout_.KcpsSlot(), layout_.KancaSlot(0), layout_.KancaSlot(1)}) {
    EXPECT_EQ(figures_.Sums(slot, 0).by_grade[4], 0) << slot;
  }
}

TEST_F(PositionFiguresTest, SlotsAreDistinct) {
  std::vector<std::size_t> slots = {layout_.UnknownUnitSlot(), layout_.OfficesSlot(),
                                    layout_.KcpsSlot(), layout_.TotalSlot()};
  for (std::size_t unit = 0; unit < 4; ++unit) slots.push_back(layout_.UnitSlot(unit));
  for (std::size_t kanca = 0; kanca < 2; ++kanca) slots.push_back(layout_.KancaSlot(kanca));
  std::sort(slots.begin(), slots.end());
  EXPECT_EQ(std::adjacent_find(slots.begin(), slots.end()), slots.end());
  EXPECT_EQ(slots.back() + 1, layout_.SlotCount());
}

TEST_F(PositionFiguresTest, CustomersAreSetPerSlotAndGroup) {
  EXPECT_EQ(figures_.Customers(layout_.TotalSlot(), 0), 0);
  figures_.SetCustomers(layout_.TotalSlot(), 0, 5);
  EXPECT_EQ(figures_.Customers(layout_.TotalSlot(), 0), 5);
  EXPECT_EQ(figures_.Customers(layout_.KcpsSlot(), 0), 0);
  EXPECT_THROW(figures_.SetCustomers(layout_.TotalSlot(), 1, 5), std::out_of_range);
}

TEST_F(PositionFiguresTest, RefusesGradesOutsideOneToFive) {
  EXPECT_THROW(Add(UnitIdx("5"), 0, 0, false, 1), std::out_of_range);
  EXPECT_THROW(Add(UnitIdx("5"), 0, 6, false, 1), std::out_of_range);
  EXPECT_THROW(Add(UnitIdx("5"), 2, 1, false, 1), std::out_of_range);
}

}  // namespace
}  // namespace smedash::metrics
