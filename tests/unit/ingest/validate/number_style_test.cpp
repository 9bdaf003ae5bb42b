// Number style per file (domain.md section 2): set, or decided by the delimiter or the first
// unambiguous amount; an ambiguous amount while undecided rejects its row, never guesses.
#include <gtest/gtest.h>

#include "ingest/validate/reasons.hpp"
#include "validate_support.hpp"

namespace smedash::ingest {
namespace {

using namespace smedash::ingest::testing;

std::optional<std::string> Plafon(const RowFixture& fixture) {
  return fixture.out.values[Idx(Column::kPlafon)];
}

TEST(NumberStyle, SetStylesStayAsSet) {
  RowFixture id(AllColumns(), NumberStyle::kIndonesian);
  EXPECT_EQ(id.Validator().Style(), NumberStyle::kIndonesian);
  ASSERT_TRUE(id.Run(id.With({{"PLAFON", Text("1.234")}})));
  EXPECT_EQ(Plafon(id), "1234.00");
  EXPECT_FALSE(id.Run(id.With({{"PLAFON", Text("1,234.5")}})));
  EXPECT_EQ(id.Validator().Style(), NumberStyle::kIndonesian);

  RowFixture en(AllColumns(), NumberStyle::kInternational);
  ASSERT_TRUE(en.Run(en.With({{"PLAFON", Text("1.234")}})));
  EXPECT_EQ(Plafon(en), "1.23");
  ASSERT_TRUE(en.Run(en.With({{"PLAFON", Text("1,234")}})));
  EXPECT_EQ(Plafon(en), "1234.00");
}

TEST(NumberStyle, AutoStartsUndecidedAndPlainAmountsDoNotDecide) {
  RowFixture fixture;
  EXPECT_EQ(fixture.Validator().Style(), NumberStyle::kAuto);
  ASSERT_TRUE(fixture.Run(fixture.With({{"PLAFON", Text("1234567")}})));
  ASSERT_TRUE(fixture.Run(fixture.With({{"PLAFON", Number("1234.5")}})));
  ASSERT_TRUE(fixture.Run(fixture.With({{"RATE", Text("7,5")}})));  // rates never decide
  EXPECT_EQ(fixture.Validator().Style(), NumberStyle::kAuto);
}

TEST(NumberStyle, SemicolonDelimiterMeansIndonesian) {
  RowFixture fixture(AllColumns(), NumberStyle::kAuto, /*semicolon=*/true);
  EXPECT_EQ(fixture.Validator().Style(), NumberStyle::kIndonesian);
  ASSERT_TRUE(fixture.Run(fixture.With({{"PLAFON", Text("1.234")}})));
  EXPECT_EQ(Plafon(fixture), "1234.00");
  EXPECT_FALSE(fixture.Run(fixture.With({{"PLAFON", Text("1,234,567.89")}})));
  EXPECT_EQ(fixture.issues.at(0).reason_key, reason::kAmountNotIndonesian);
}

TEST(NumberStyle, SetStyleWinsOverTheDelimiter) {
  RowFixture fixture(AllColumns(), NumberStyle::kInternational, /*semicolon=*/true);
  EXPECT_EQ(fixture.Validator().Style(), NumberStyle::kInternational);
}

TEST(NumberStyle, FirstUnambiguousAmountDecides) {
  struct Case {
    std::string first;
    NumberStyle decided;
  };
  for (const Case& c :
       {Case{"1.234.567,89", NumberStyle::kIndonesian},
        Case{"1,234,567.89", NumberStyle::kInternational},
        Case{"1234.5", NumberStyle::kInternational}, Case{"1234,5", NumberStyle::kIndonesian},
        Case{"1.234.567", NumberStyle::kIndonesian}, Case{"1,234,567", NumberStyle::kInternational},
        Case{"0.500", NumberStyle::kInternational},
        Case{"Rp 1.000,00", NumberStyle::kIndonesian}}) {
    SCOPED_TRACE(c.first);
    RowFixture fixture;
    ASSERT_TRUE(fixture.Run(fixture.With({{"PLAFON", Text(c.first)}})));
    EXPECT_EQ(fixture.Validator().Style(), c.decided);
  }
}

TEST(NumberStyle, AmbiguousRejectedWhileUndecidedThenAcceptedAfterADecision) {
  RowFixture fixture;
  for (const char* ambiguous : {"1.234", "1,234", "(1.234)", "Rp 999,000"}) {
    SCOPED_TRACE(ambiguous);
    EXPECT_FALSE(fixture.Run(fixture.With({{"PLAFON", Text(ambiguous)}})));
    ASSERT_EQ(fixture.issues.size(), 1u);
    EXPECT_EQ(fixture.issues[0].reason_key, reason::kAmountAmbiguous);
    EXPECT_EQ(fixture.issues[0].raw_value, ambiguous);
    ExpectCompleteMessage(fixture.issues[0]);
  }
  EXPECT_EQ(fixture.Validator().Style(), NumberStyle::kAuto);

  ASSERT_TRUE(fixture.Run(fixture.With({{"PLAFON", Text("2.500.000,50")}})));
  EXPECT_EQ(fixture.Validator().Style(), NumberStyle::kIndonesian);
  ASSERT_TRUE(fixture.Run(fixture.With({{"PLAFON", Text("1.234")}})));
  EXPECT_EQ(Plafon(fixture), "1234.00");
  // Once decided, the other style's unambiguous forms are rejected with the reason.
  EXPECT_FALSE(fixture.Run(fixture.With({{"PLAFON", Text("1234.5")}})));
  EXPECT_EQ(fixture.issues.at(0).reason_key, reason::kAmountNotIndonesian);
}

TEST(NumberStyle, AmbiguousCellIsSettledByALaterCellOfTheSameRow) {
  RowFixture fixture;
  // PLAFON comes before KOLEKTIBILITAS LANCAR, which decides Indonesian.
  ASSERT_TRUE(fixture.Run(fixture.With({{"PLAFON", Text("1.234")},
                                        {"RATE", Text("7.500")},
                                        {"KOLEKTIBILITAS LANCAR", Text("1.000,50")}})));
  EXPECT_EQ(Plafon(fixture), "1234.00");
  EXPECT_EQ(fixture.out.values[Idx(Column::kRate)], "7500.0000");
  EXPECT_EQ(fixture.out.os, "1000.50");
}

TEST(NumberStyle, ConflictingStylesInOneRowRejectTheLaterCell) {
  RowFixture fixture;
  EXPECT_FALSE(fixture.Run(
      fixture.With({{"PLAFON", Text("1,000.50")}, {"KOLEKTIBILITAS LANCAR", Text("1.000,50")}})));
  ASSERT_EQ(fixture.issues.size(), 1u);
  EXPECT_EQ(fixture.issues[0].column, "KOLEKTIBILITAS LANCAR");
  EXPECT_EQ(fixture.issues[0].reason_key, reason::kAmountNotInternational);
  EXPECT_EQ(fixture.Validator().Style(), NumberStyle::kInternational);
}

TEST(NumberStyle, InvalidValuesDoNotDecide) {
  RowFixture fixture;
  EXPECT_FALSE(fixture.Run(fixture.With({{"PLAFON", Text("1.23.4,5")}})));
  EXPECT_EQ(fixture.Validator().Style(), NumberStyle::kAuto);
}

}  // namespace
}  // namespace smedash::ingest
