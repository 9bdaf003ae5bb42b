// Amounts scaled to Rp juta / Rp M by moving the decimal point: every digit kept.
#include "dashboard/export/decimal_text.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace smedash::dashboard::exports {
namespace {

TEST(ShiftDecimalPointTest, MovesThePointKeepingEveryDigit) {
  EXPECT_EQ(ShiftDecimalPoint("17400000000.00", 0, 2), "17400000000.00");
  EXPECT_EQ(ShiftDecimalPoint("17400000000.00", 6, 2), "17400.00");
  EXPECT_EQ(ShiftDecimalPoint("17400000000.00", 9, 2), "17.40");
  EXPECT_EQ(ShiftDecimalPoint("1234567.89", 6, 2), "1.23456789");
  EXPECT_EQ(ShiftDecimalPoint("1234567.89", 9, 2), "0.00123456789");
  EXPECT_EQ(ShiftDecimalPoint("0.05", 6, 2), "0.00000005");
  EXPECT_EQ(ShiftDecimalPoint("999999999999999999.99", 9, 2), "999999999.99999999999");
}

TEST(ShiftDecimalPointTest, KeepsTheSignAndDropsItFromZero) {
  EXPECT_EQ(ShiftDecimalPoint("-250000000.50", 6, 2), "-250.0000005");
  EXPECT_EQ(ShiftDecimalPoint("-1.00", 9, 2), "-0.000000001");
  EXPECT_EQ(ShiftDecimalPoint("-0.00", 6, 2), "0.00");
  EXPECT_EQ(ShiftDecimalPoint("0.00", 9, 2), "0.00");
}

TEST(ShiftDecimalPointTest, PadsToTheMinimumDecimals) {
  EXPECT_EQ(ShiftDecimalPoint("5", 0, 2), "5.00");
  EXPECT_EQ(ShiftDecimalPoint("5", 6, 2), "0.000005");
  EXPECT_EQ(ShiftDecimalPoint("5000000", 6, 0), "5");
  EXPECT_EQ(ShiftDecimalPoint("007.50", 0, 2), "7.50");
}

TEST(ShiftDecimalPointTest, RejectsWhatIsNotAnApiDecimal) {
  for (const char* bad : {"", "-", "1,5", "1.", ".5", "1e9", "+1", " 1", "1.2.3", "NaN"}) {
    EXPECT_FALSE(IsDecimal(bad)) << bad;
    EXPECT_THROW(ShiftDecimalPoint(bad, 6, 2), std::invalid_argument) << bad;
  }
  EXPECT_THROW(ShiftDecimalPoint("1.00", -1, 2), std::invalid_argument);
}

TEST(WithDecimalMarkTest, IndonesianUsesAComma) {
  EXPECT_EQ(WithDecimalMark("-1234567.89", true), "-1234567,89");
  EXPECT_EQ(WithDecimalMark("-1234567.89", false), "-1234567.89");
  EXPECT_EQ(WithDecimalMark("5", true), "5");
}

}  // namespace
}  // namespace smedash::dashboard::exports
