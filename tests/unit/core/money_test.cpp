#include "core/money.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace smedash::core {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

TEST(Money, ParsesCanonicalText) {
  struct Case {
    const char* text;
    std::int64_t cents;
  };
  for (const Case& c :
       {Case{"0", 0}, Case{"-0", 0}, Case{"5", 500}, Case{"-5.00", -500}, Case{"0.5", 50},
        Case{"1234567.89", 123456789}, Case{"-1234567.8", -123456780}, Case{"007.10", 710},
        Case{"92233720368547758.07", kMax}, Case{"-92233720368547758.08", kMin}}) {
    SCOPED_TRACE(c.text);
    auto money = Money::Parse(c.text);
    ASSERT_TRUE(money);
    EXPECT_EQ(money->Cents(), c.cents);
  }
}

TEST(Money, RefusesAnythingElse) {
  for (const char* bad :
       {"", "-", ".5", "5.", "1.234", "1,234.00", "1.234,00", "Rp 5", " 5", "5 ", "+5", "1e3",
        "--5", "92233720368547758.08", "-92233720368547758.09", "99999999999999999999"}) {
    EXPECT_FALSE(Money::Parse(bad)) << bad;
  }
}

TEST(Money, ToStringAlwaysHasTwoDecimals) {
  struct Case {
    std::int64_t cents;
    const char* text;
  };
  for (const Case& c : {Case{0, "0.00"}, Case{5, "0.05"}, Case{-5, "-0.05"}, Case{-500, "-5.00"},
                        Case{123456789, "1234567.89"}, Case{kMax, "92233720368547758.07"},
                        Case{kMin, "-92233720368547758.08"}}) {
    EXPECT_EQ(Money::FromCents(c.cents).ToString(), c.text);
    EXPECT_EQ(Money::Parse(c.text)->Cents(), c.cents) << "round trip of " << c.text;
  }
}

TEST(Money, AdditionIsExactAndChecked) {
  auto sum = Money::Parse("0.10")->CheckedAdd(*Money::Parse("0.20"));
  ASSERT_TRUE(sum);
  EXPECT_EQ(sum->ToString(), "0.30");
  EXPECT_FALSE(Money::FromCents(kMax).CheckedAdd(Money::FromCents(1)));
  EXPECT_FALSE(Money::FromCents(kMin).CheckedAdd(Money::FromCents(-1)));
  EXPECT_FALSE(Money::FromCents(kMin).CheckedSub(Money::FromCents(1)));
  EXPECT_EQ(Money::FromCents(kMax).CheckedAdd(Money::FromCents(kMin))->Cents(), -1);
  EXPECT_EQ(Money::FromCents(5).CheckedSub(Money::FromCents(7))->ToString(), "-0.02");
}

TEST(Money, FromRupiahAndOrdering) {
  EXPECT_EQ(Money::FromRupiah(400000000)->ToString(), "400000000.00");
  EXPECT_FALSE(Money::FromRupiah(kMax / 10));
  EXPECT_LT(*Money::Parse("-1"), Money());
  EXPECT_EQ(*Money::Parse("1.5"), Money::FromCents(150));
}

TEST(FormatScaled, AnyScale) {
  char buffer[24];
  EXPECT_EQ(std::string(buffer, FormatScaled(75000, 4, buffer)), "7.5000");
  EXPECT_EQ(std::string(buffer, FormatScaled(-1, 4, buffer)), "-0.0001");
  EXPECT_EQ(std::string(buffer, FormatScaled(42, 0, buffer)), "42");
}

}  // namespace
}  // namespace smedash::core
