// The number reader below the validator: how text is classified by style, and exact
// scaling with half-away-from-zero rounding.
#include "ingest/validate/decimal_text.hpp"

#include <gtest/gtest.h>

namespace smedash::ingest {
namespace {

TEST(ClassifyNumber, FormsOfEachStyle) {
  struct Case {
    const char* text;
    NumberForm form;
    bool negative;
  };
  for (const Case& c : {
           Case{"1234567", NumberForm::kPlain, false},
           Case{"1.234", NumberForm::kAmbiguous, false},
           Case{"123,456", NumberForm::kAmbiguous, false},
           Case{"0.123", NumberForm::kInternational, false},
           Case{"0,123", NumberForm::kIndonesian, false},
           Case{"1234.567", NumberForm::kInternational, false},
           Case{"1234,567", NumberForm::kIndonesian, false},
           Case{"1.5", NumberForm::kInternational, false},
           Case{"1,50", NumberForm::kIndonesian, false},
           Case{"1.2345", NumberForm::kInternational, false},
           Case{"1,234,567", NumberForm::kInternational, false},
           Case{"1.234.567", NumberForm::kIndonesian, false},
           Case{"1,234.5", NumberForm::kInternational, false},
           Case{"1.234,5", NumberForm::kIndonesian, false},
           Case{".5", NumberForm::kInternational, false},
           Case{"-1.234", NumberForm::kAmbiguous, true},
           Case{"(1.234,5)", NumberForm::kIndonesian, true},
           Case{"Rp (5)", NumberForm::kPlain, true},
           Case{"1.234,567,8", NumberForm::kInvalid, false},
           Case{"1,2.3.4", NumberForm::kInvalid, false},
           Case{"5.", NumberForm::kInvalid, false},
           Case{"", NumberForm::kInvalid, false},
           Case{".", NumberForm::kInvalid, false},
           Case{"+5", NumberForm::kInvalid, false},
           Case{"5-", NumberForm::kInvalid, false},
       }) {
    SCOPED_TRACE(c.text);
    const NumberText number = ClassifyNumber(c.text, true);
    EXPECT_EQ(number.form, c.form);
    if (c.form != NumberForm::kInvalid) {
      EXPECT_EQ(number.negative, c.negative);
    }
  }
}

TEST(ClassifyNumber, CurrencyOnlyWhenAllowed) {
  EXPECT_EQ(ClassifyNumber("Rp 5", false).form, NumberForm::kInvalid);
  EXPECT_EQ(ClassifyNumber("Rp 5", true).form, NumberForm::kPlain);
  EXPECT_EQ(ClassifyNumber("Rp Rp 5", true).form, NumberForm::kInvalid);
}

TEST(ReadScaled, RoundsHalfAwayFromZero) {
  struct Case {
    const char* text;
    std::int64_t cents;
  };
  for (const Case& c :
       {Case{"0.004", 0}, Case{"0.005", 1}, Case{"-0.005", -1}, Case{"2.675", 268},
        Case{"1.9999", 200}, Case{"-1.994", -199}, Case{"12", 1200}, Case{"0.1", 10}}) {
    SCOPED_TRACE(c.text);
    std::int64_t value = 0;
    ASSERT_EQ(ReadNumberCell(c.text, 2, kAmountLimit, value), ScaledStatus::kOk);
    EXPECT_EQ(value, c.cents);
  }
}

TEST(ReadScaled, LimitIsExclusive) {
  std::int64_t value = 0;
  EXPECT_EQ(ReadNumberCell("999999999999999.99", 2, kAmountLimit, value), ScaledStatus::kOk);
  EXPECT_EQ(value, kAmountLimit - 1);
  EXPECT_EQ(ReadNumberCell("999999999999999.995", 2, kAmountLimit, value),
            ScaledStatus::kOutOfRange);
  EXPECT_EQ(ReadNumberCell("99999999999999999999999999", 2, kAmountLimit, value),
            ScaledStatus::kOutOfRange);
  EXPECT_EQ(ReadNumberCell("00000000000000000000000001", 2, kAmountLimit, value),
            ScaledStatus::kOk);
  EXPECT_EQ(value, 100);
}

TEST(ReadScaled, GroupingMustBeThreeDigitGroups) {
  std::int64_t value = 0;
  for (const char* bad : {"1,23,456.00", "1234,567.00", ",123.00", "1,,234.00", "1,234,56.00"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(ReadScaled(ClassifyNumber(bad, false), '.', 2, kAmountLimit, value),
              ScaledStatus::kInvalid);
  }
  ASSERT_EQ(ReadScaled(ClassifyNumber("12,345,678.9", false), '.', 2, kAmountLimit, value),
            ScaledStatus::kOk);
  EXPECT_EQ(value, 1234567890);
}

}  // namespace
}  // namespace smedash::ingest
