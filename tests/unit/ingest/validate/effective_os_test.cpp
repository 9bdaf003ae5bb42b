// Effective os (domain.md section 5): the OS cell when the file has an OS column and the
// cell is filled, else the sum of the five KOLEKTIBILITAS amounts, empty counting as 0.
#include <gtest/gtest.h>

#include "validate_support.hpp"

namespace smedash::ingest {
namespace {

using namespace smedash::ingest::testing;

TEST(EffectiveOs, OsCellWinsWhenFilled) {
  RowFixture fixture;
  ASSERT_TRUE(fixture.Run(fixture.With({{"OS", Text("750")},
                                        {"KOLEKTIBILITAS LANCAR", Text("1000")},
                                        {"KOLEKTIBILITAS DPK", Text("5")}})));
  EXPECT_EQ(fixture.out.os, "750.00");
  EXPECT_EQ(fixture.out.values[Idx(Column::kOs)], "750.00");
}

TEST(EffectiveOs, ZeroOsCellIsAValueNotAGap) {
  RowFixture fixture;
  ASSERT_TRUE(fixture.Run(fixture.With({{"OS", Number("0")}})));
  EXPECT_EQ(fixture.out.os, "0.00");
}

TEST(EffectiveOs, EmptyOsCellFallsBackToTheKolektibilitasSum) {
  RowFixture fixture;
  ASSERT_TRUE(fixture.Run(fixture.With({{"OS", Text(" ")},
                                        {"KOLEKTIBILITAS LANCAR", Text("1000.25")},
                                        {"KOLEKTIBILITAS DPK", Number("200")},
                                        {"KOLEKTIBILITAS KURANG LANCAR", Empty()},
                                        {"KOLEKTIBILITAS DIRAGUKAN", Text("30")},
                                        {"KOLEKTIBILITAS MACET", Text("4.75")}})));
  EXPECT_EQ(fixture.out.os, "1235.00");
  EXPECT_EQ(fixture.out.values[Idx(Column::kOs)], std::nullopt);
}

TEST(EffectiveOs, FileWithoutOsColumnSumsTheFive) {
  RowFixture fixture(Layout38());
  ASSERT_TRUE(fixture.Run(fixture.With(
      {{"KOLEKTIBILITAS LANCAR", Empty()}, {"KOLEKTIBILITAS MACET", Text("400000000")}})));
  EXPECT_EQ(fixture.out.os, "400000000.00");
}

TEST(EffectiveOs, AllEmptyIsZero) {
  RowFixture fixture(Layout38());
  ASSERT_TRUE(fixture.Run(fixture.With({{"KOLEKTIBILITAS LANCAR", Empty()}})));
  EXPECT_EQ(fixture.out.os, "0.00");
}

TEST(EffectiveOs, NegativeAmountsAreSummedExactly) {
  RowFixture fixture(Layout38());
  ASSERT_TRUE(fixture.Run(fixture.With({{"KOLEKTIBILITAS LANCAR", Text("0.10")},
                                        {"KOLEKTIBILITAS DPK", Text("0.20")},
                                        {"KOLEKTIBILITAS MACET", Text("(0.05)")}})));
  EXPECT_EQ(fixture.out.os, "0.25");  // exact where binary floating point is not
}

TEST(EffectiveOs, LargestAmountsStillSumExactly) {
  RowFixture fixture(Layout38());
  const Cell big = Text("999999999999999.99");
  ASSERT_TRUE(fixture.Run(fixture.With({{"KOLEKTIBILITAS LANCAR", big},
                                        {"KOLEKTIBILITAS DPK", big},
                                        {"KOLEKTIBILITAS KURANG LANCAR", big},
                                        {"KOLEKTIBILITAS DIRAGUKAN", big},
                                        {"KOLEKTIBILITAS MACET", big}})));
  EXPECT_EQ(fixture.out.os, "4999999999999999.95");
}

TEST(EffectiveOs, LaterLayoutUsesItsOsColumn) {
  RowFixture fixture(Layout33());
  ASSERT_TRUE(fixture.Run(fixture.With(
      {{"OS", Text("1,500,000,000.00")}, {"NASABAH", Text("1")}, {"DUB NASABAH", Text("N")}})));
  EXPECT_EQ(fixture.out.os, "1500000000.00");
  EXPECT_EQ(fixture.out.values[Idx(Column::kNasabah)], "1");
  EXPECT_EQ(fixture.out.values[Idx(Column::kDubNasabah)], "f");
}

}  // namespace
}  // namespace smedash::ingest
