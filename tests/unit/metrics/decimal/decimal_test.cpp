#include "metrics/decimal.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <stdexcept>

namespace smedash::metrics {
namespace {

constexpr __int128 kMax = std::numeric_limits<__int128>::max();
constexpr __int128 kMin = std::numeric_limits<__int128>::min();

// 10^exponent as a 128-bit integer.
__int128 Power(int exponent) {
  __int128 value = 1;
  while (exponent-- > 0) value *= 10;
  return value;
}

std::string PercentText(const Decimal& part, const Decimal& whole) {
  const auto percent = Decimal::Percent(part, whole);
  return percent ? percent->ToString() : "none";
}

TEST(DecimalTest, ToStringWritesExactlyTheScalesDecimals) {
  EXPECT_EQ(Decimal::Cents(123456789).ToString(), "1234567.89");
  EXPECT_EQ(Decimal::Cents(-5).ToString(), "-0.05");
  EXPECT_EQ(Decimal::Cents(-100).ToString(), "-1.00");
  EXPECT_EQ(Decimal::Cents(0).ToString(), "0.00");
  EXPECT_EQ(Decimal::Count(5).ToString(), "5");
  EXPECT_EQ(Decimal::Count(-5).ToString(), "-5");
  EXPECT_EQ(Decimal::Count(0).ToString(), "0");
  EXPECT_EQ(Decimal::Scaled(51724, 4).ToString(), "5.1724");
  EXPECT_EQ(Decimal::Scaled(7, 4).ToString(), "0.0007");
  EXPECT_EQ(Decimal::Scaled(1, 18).ToString(), "0.000000000000000001");
  EXPECT_EQ(Decimal().ToString(), "0");
}

TEST(DecimalTest, ToStringIsExactBeyondSixtyFourBits) {
  EXPECT_EQ(Decimal::Cents(Power(30) + 1).ToString(), "10000000000000000000000000000.01");
  EXPECT_EQ(Decimal::Count(kMax).ToString(), "170141183460469231731687303715884105727");
  EXPECT_EQ(Decimal::Count(kMin).ToString(), "-170141183460469231731687303715884105728");
  EXPECT_EQ(Decimal::Cents(kMin).ToString(), "-1701411834604692317316873037158841057.28");
}

TEST(DecimalTest, ScaleOutsideZeroToEighteenIsRefused) {
  EXPECT_THROW(Decimal::Scaled(1, -1), std::invalid_argument);
  EXPECT_THROW(Decimal::Scaled(1, 19), std::invalid_argument);
  EXPECT_EQ(Decimal::Scaled(3, 18).Scale(), 18);
}

TEST(DecimalTest, PlusAndMinusAreExactAtTheLargerScale) {
  const Decimal sum = Decimal::Cents(150).Plus(Decimal::Count(2));
  EXPECT_EQ(sum.ToString(), "3.50");
  EXPECT_EQ(sum.Scale(), 2);
  EXPECT_EQ(Decimal::Count(2).Minus(Decimal::Scaled(12345, 4)).ToString(), "0.7655");
  EXPECT_EQ(Decimal::Cents(100).Minus(Decimal::Cents(250)).ToString(), "-1.50");
  EXPECT_EQ(Decimal::Cents(Power(20)).Plus(Decimal::Cents(Power(20))).ToString(),
            "2000000000000000000.00");
}

TEST(DecimalTest, OverflowThrowsInsteadOfWrapping) {
  EXPECT_THROW(Decimal::Count(kMax).Plus(Decimal::Count(1)), std::overflow_error);
  EXPECT_THROW(Decimal::Count(kMin).Minus(Decimal::Count(1)), std::overflow_error);
  EXPECT_THROW(Decimal::Count(kMax).Plus(Decimal::Cents(0)), std::overflow_error)
      << "rescaling to cents leaves the range";
  EXPECT_THROW(Decimal::Count(kMin).Abs(), std::overflow_error);
  EXPECT_EQ(Decimal::Count(-1).Minus(Decimal::Count(kMin)), Decimal::Count(kMax))
      << "a result in range never throws";
}

TEST(DecimalTest, AbsAndIsZero) {
  EXPECT_EQ(Decimal::Cents(-250).Abs().ToString(), "2.50");
  EXPECT_EQ(Decimal::Cents(250).Abs().ToString(), "2.50");
  EXPECT_TRUE(Decimal::Scaled(0, 4).IsZero());
  EXPECT_FALSE(Decimal::Scaled(1, 4).IsZero());
}

TEST(DecimalTest, ComparesValuesWhateverTheirScales) {
  EXPECT_EQ(Decimal::Cents(200), Decimal::Count(2));
  EXPECT_EQ(Decimal::Scaled(50000, 4), Decimal::Cents(500));
  EXPECT_LT(Decimal::Scaled(5, 4), Decimal::Cents(1));
  EXPECT_GT(Decimal::Cents(-1), Decimal::Scaled(-101, 4));
  EXPECT_LT(Decimal::Count(-3), Decimal::Scaled(-29999, 4));
  EXPECT_NE(Decimal::Cents(201), Decimal::Count(2));
}

TEST(DecimalTest, ComparesWhenRescalingWouldOverflow) {
  EXPECT_GT(Decimal::Count(kMax), Decimal::Scaled(kMax, 18));
  EXPECT_LT(Decimal::Scaled(kMax, 18), Decimal::Count(kMax));
  EXPECT_LT(Decimal::Count(kMin), Decimal::Scaled(kMin, 18));
  EXPECT_GT(Decimal::Scaled(kMin, 18), Decimal::Count(kMin));
}

TEST(DecimalTest, PercentIsPartOverWholeAtScaleFour) {
  // domain.md section 10: NPL 900 of OS 17,400 juta.
  const auto percent = Decimal::Percent(Decimal::Cents(90000), Decimal::Cents(1740000));
  ASSERT_TRUE(percent.has_value());
  EXPECT_EQ(percent->Scale(), Decimal::kPercentScale);
  EXPECT_EQ(percent->ToString(), "5.1724");
  EXPECT_EQ(PercentText(Decimal::Count(1), Decimal::Count(3)), "33.3333");
  EXPECT_EQ(PercentText(Decimal::Count(2), Decimal::Count(3)), "66.6667");
  EXPECT_EQ(PercentText(Decimal::Count(5), Decimal::Count(5)), "100.0000");
  EXPECT_EQ(PercentText(Decimal::Count(0), Decimal::Count(5)), "0.0000");
  EXPECT_EQ(PercentText(Decimal::Cents(50), Decimal::Count(1)), "50.0000") << "mixed scales";
  EXPECT_EQ(PercentText(Decimal::Count(3), Decimal::Count(2)), "150.0000");
}

TEST(DecimalTest, PercentRoundsHalfAwayFromZero) {
  // 1 / 2,000,000 = 0.00005 %: exactly half a unit of the fourth decimal.
  EXPECT_EQ(PercentText(Decimal::Count(1), Decimal::Count(2000000)), "0.0001");
  EXPECT_EQ(PercentText(Decimal::Count(-1), Decimal::Count(2000000)), "-0.0001");
  EXPECT_EQ(PercentText(Decimal::Count(1), Decimal::Count(-2000000)), "-0.0001");
  EXPECT_EQ(PercentText(Decimal::Count(-1), Decimal::Count(-2000000)), "0.0001");
  // Just under half rounds toward zero.
  EXPECT_EQ(PercentText(Decimal::Count(1), Decimal::Count(2000001)), "0.0000");
  EXPECT_EQ(PercentText(Decimal::Count(-1), Decimal::Count(2000001)), "0.0000");
}

TEST(DecimalTest, PercentKeepsSigns) {
  EXPECT_EQ(PercentText(Decimal::Count(-1), Decimal::Count(4)), "-25.0000");
  EXPECT_EQ(PercentText(Decimal::Count(1), Decimal::Count(-8)), "-12.5000");
  EXPECT_EQ(PercentText(Decimal::Count(-1), Decimal::Count(-8)), "12.5000");
}

TEST(DecimalTest, PercentOfZeroIsNone) {
  EXPECT_FALSE(Decimal::Percent(Decimal::Cents(100), Decimal::Cents(0)).has_value());
  EXPECT_FALSE(Decimal::Percent(Decimal::Count(0), Decimal::Scaled(0, 4)).has_value());
}

}  // namespace
}  // namespace smedash::metrics
