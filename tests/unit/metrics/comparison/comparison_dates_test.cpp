#include "metrics/comparison_dates.hpp"

#include <gtest/gtest.h>

#include <string>

namespace smedash::metrics {
namespace {

core::Date D(int year, int month, int day) { return core::Date::FromYmd(year, month, day).value(); }

// "A=2024-12-31 B=- C=... D=... E=... Y=-": every column in one comparable line.
std::string Text(const ComparisonDates& dates) {
  std::string text;
  for (const Column column : kAllColumns) {
    if (!text.empty()) text += ' ';
    text += std::string(ColumnName(column)) + "=";
    const auto& date = dates.At(column);
    text += date ? date->ToIso() : "-";
  }
  return text;
}

TEST(ComparisonDatesTest, WorkedExampleOfDomainSectionTen) {
  const std::vector<core::Date> loaded = {D(2024, 12, 31), D(2025, 9, 30), D(2025, 10, 8),
                                          D(2025, 10, 9)};
  EXPECT_EQ(Text(CompareDates(loaded, D(2025, 10, 9))),
            "A=2024-12-31 B=- C=2025-09-30 D=2025-10-08 E=2025-10-09 Y=-");
}

TEST(ComparisonDatesTest, NothingLoadedComparesNothing) {
  EXPECT_EQ(Text(CompareDates({}, D(2025, 10, 9))), "A=- B=- C=- D=- E=- Y=-");
}

TEST(ComparisonDatesTest, UnloadedSelectionHasNoEButTheRestAsIfItWere) {
  const std::vector<core::Date> loaded = {D(2024, 12, 31), D(2025, 9, 30), D(2025, 10, 8)};
  EXPECT_EQ(Text(CompareDates(loaded, D(2025, 10, 9))),
            "A=2024-12-31 B=- C=2025-09-30 D=2025-10-08 E=- Y=-");
}

TEST(ComparisonDatesTest, FirstLoadedPositionHasNoD) {
  const std::vector<core::Date> loaded = {D(2025, 10, 9), D(2025, 10, 10)};
  EXPECT_EQ(CompareDates(loaded, D(2025, 10, 9)).d, std::nullopt);
  EXPECT_EQ(CompareDates(loaded, D(2025, 10, 10)).d, D(2025, 10, 9));
}

TEST(ComparisonDatesTest, DSkipsWeekendsAndGapsAcrossMonths) {
  // 2025-10-13 is a Monday; nothing was loaded over the weekend.
  const std::vector<core::Date> weekend = {D(2025, 10, 9), D(2025, 10, 10), D(2025, 10, 13)};
  EXPECT_EQ(CompareDates(weekend, D(2025, 10, 13)).d, D(2025, 10, 10));
  const std::vector<core::Date> gap = {D(2025, 9, 30), D(2025, 10, 13)};
  EXPECT_EQ(Text(CompareDates(gap, D(2025, 10, 13))),
            "A=- B=- C=2025-09-30 D=2025-09-30 E=2025-10-13 Y=-");
}

TEST(ComparisonDatesTest, CIsTheLatestOfThePreviousMonthOnly) {
  const std::vector<core::Date> loaded = {D(2025, 8, 29), D(2025, 9, 1), D(2025, 9, 29),
                                          D(2025, 10, 1), D(2025, 10, 2)};
  EXPECT_EQ(CompareDates(loaded, D(2025, 10, 2)).c, D(2025, 9, 29));
  // No position in September: C is none, never August's.
  const std::vector<core::Date> no_september = {D(2025, 8, 29), D(2025, 10, 2)};
  EXPECT_EQ(CompareDates(no_september, D(2025, 10, 2)).c, std::nullopt);
}

TEST(ComparisonDatesTest, BIsOnOrBeforeTheSameDayOfThePreviousMonth) {
  // 2025-10-13 − 1 month = Saturday 2025-09-13: Friday the 12th is the latest on or before.
  const std::vector<core::Date> loaded = {D(2025, 9, 11), D(2025, 9, 12), D(2025, 9, 15),
                                          D(2025, 10, 13)};
  EXPECT_EQ(CompareDates(loaded, D(2025, 10, 13)).b, D(2025, 9, 12));
  // The same day itself counts.
  EXPECT_EQ(CompareDates(loaded, D(2025, 10, 15)).b, D(2025, 9, 15));
}

TEST(ComparisonDatesTest, BStaysWithinThatMonth) {
  // Only later in September, or in August: none (never after the day, never the month before).
  const std::vector<core::Date> loaded = {D(2025, 8, 29), D(2025, 9, 15), D(2025, 10, 9)};
  EXPECT_EQ(CompareDates(loaded, D(2025, 10, 9)).b, std::nullopt);
}

TEST(ComparisonDatesTest, MonthEndClampsToTheShorterMonth) {
  const std::vector<core::Date> loaded = {D(2025, 2, 27), D(2025, 2, 28), D(2025, 3, 28),
                                          D(2025, 3, 31)};
  EXPECT_EQ(Text(CompareDates(loaded, D(2025, 3, 31))),
            "A=- B=2025-02-28 C=2025-02-28 D=2025-03-28 E=2025-03-31 Y=-");
  // 30 April − 1 month = 30 March: the 31st is after it.
  const std::vector<core::Date> april = {D(2025, 3, 28), D(2025, 3, 31), D(2025, 4, 30)};
  EXPECT_EQ(CompareDates(april, D(2025, 4, 30)).b, D(2025, 3, 28));
  EXPECT_EQ(CompareDates(april, D(2025, 4, 30)).c, D(2025, 3, 31));
}

TEST(ComparisonDatesTest, LeapYearFebruaryHasTwentyNine) {
  const std::vector<core::Date> loaded = {D(2024, 2, 28), D(2024, 2, 29), D(2024, 3, 31)};
  const auto dates = CompareDates(loaded, D(2024, 3, 31));
  EXPECT_EQ(dates.b, D(2024, 2, 29));
  EXPECT_EQ(dates.c, D(2024, 2, 29));
  // Without the 29th, the 28th is the latest on or before it.
  const std::vector<core::Date> no_29th = {D(2024, 2, 28), D(2024, 3, 31)};
  EXPECT_EQ(CompareDates(no_29th, D(2024, 3, 31)).b, D(2024, 2, 28));
}

TEST(ComparisonDatesTest, YearAgoClampsTheLeapDay) {
  // 2024-02-29 − 1 year = 2023-02-28.
  const std::vector<core::Date> loaded = {D(2023, 2, 27), D(2023, 2, 28), D(2023, 3, 1),
                                          D(2024, 2, 29)};
  EXPECT_EQ(CompareDates(loaded, D(2024, 2, 29)).y, D(2023, 2, 28));
  // 2025-02-28 − 1 year = 2024-02-28: the 29th is after it.
  const std::vector<core::Date> leap = {D(2024, 2, 28), D(2024, 2, 29), D(2025, 2, 28)};
  EXPECT_EQ(CompareDates(leap, D(2025, 2, 28)).y, D(2024, 2, 28));
}

TEST(ComparisonDatesTest, YIsOnOrBeforeTheSameDayWithinThatMonth) {
  const std::vector<core::Date> loaded = {D(2024, 9, 30), D(2024, 10, 8), D(2024, 10, 10),
                                          D(2025, 10, 9)};
  EXPECT_EQ(CompareDates(loaded, D(2025, 10, 9)).y, D(2024, 10, 8));
  const std::vector<core::Date> only_later = {D(2024, 9, 30), D(2024, 10, 10), D(2025, 10, 9)};
  EXPECT_EQ(CompareDates(only_later, D(2025, 10, 9)).y, std::nullopt);
}

TEST(ComparisonDatesTest, AIsTheLatestOfDecemberOfThePreviousYear) {
  const std::vector<core::Date> loaded = {D(2024, 11, 29), D(2024, 12, 27), D(2024, 12, 30),
                                          D(2025, 1, 2),   D(2025, 12, 30), D(2025, 12, 31)};
  EXPECT_EQ(CompareDates(loaded, D(2025, 6, 2)).a, D(2024, 12, 30));
  // On 31 December, A is still the year before, not the same December.
  EXPECT_EQ(CompareDates(loaded, D(2025, 12, 31)).a, D(2024, 12, 30));
  // No position in that December: none, never November's.
  const std::vector<core::Date> no_december = {D(2024, 11, 29), D(2025, 1, 2)};
  EXPECT_EQ(CompareDates(no_december, D(2025, 1, 2)).a, std::nullopt);
}

TEST(ComparisonDatesTest, YearEndCrossing) {
  const std::vector<core::Date> loaded = {D(2025, 1, 2), D(2025, 12, 1), D(2025, 12, 30),
                                          D(2025, 12, 31), D(2026, 1, 2)};
  // 2026-01-02: D, C and A are all the last day of 2025; B is on or before 2025-12-02;
  // Y on or before 2025-01-02.
  EXPECT_EQ(Text(CompareDates(loaded, D(2026, 1, 2))),
            "A=2025-12-31 B=2025-12-01 C=2025-12-31 D=2025-12-31 E=2026-01-02 Y=2025-01-02");
}

TEST(ComparisonDatesTest, JanuaryComparesWithDecember) {
  const std::vector<core::Date> loaded = {D(2024, 12, 30), D(2024, 12, 31), D(2025, 1, 31)};
  EXPECT_EQ(Text(CompareDates(loaded, D(2025, 1, 31))),
            "A=2024-12-31 B=2024-12-31 C=2024-12-31 D=2024-12-31 E=2025-01-31 Y=-");
}

TEST(ComparisonDatesTest, EarliestRepresentableYearHasNoEarlierColumns) {
  const std::vector<core::Date> loaded = {D(1, 1, 10), D(1, 1, 15)};
  EXPECT_EQ(Text(CompareDates(loaded, D(1, 1, 15))), "A=- B=- C=- D=0001-01-10 E=0001-01-15 Y=-");
}

TEST(ComparisonDatesTest, EachChangeHasItsBaseColumn) {
  EXPECT_EQ(BaseOf(Change::kDtd), Column::kD);
  EXPECT_EQ(BaseOf(Change::kMom), Column::kB);
  EXPECT_EQ(BaseOf(Change::kMtd), Column::kC);
  EXPECT_EQ(BaseOf(Change::kYtd), Column::kA);
  EXPECT_EQ(BaseOf(Change::kYoy), Column::kY);
  std::string names;
  for (const Change change : kAllChanges) names += std::string(ChangeName(change)) + ",";
  EXPECT_EQ(names, "dtd,mom,mtd,ytd,yoy,");
  std::string columns;
  for (const Column column : kAllColumns) columns += ColumnName(column);
  EXPECT_EQ(columns, "ABCDEY");
}

}  // namespace
}  // namespace smedash::metrics
