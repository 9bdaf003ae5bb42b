// Tests for src/ingest/source: number text (PlainDecimal), text encodings, limits.
#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <string>

#include "ingest/source/number_text.hpp"
#include "ingest/source/reader_limits.hpp"
#include "ingest/source/text_encoding.hpp"

namespace smedash::ingest {
namespace {

struct DecimalCase {
  const char* stored;
  const char* expected;  // nullptr: not a number
};

TEST(PlainDecimalTest, ConvertsStoredNumberTextToPlainDecimal) {
  const DecimalCase cases[] = {
      {"42210", "42210"},
      {"1.2345678901234E+15", "1234567890123400"},
      {"9.5000000000000004E-2", "0.095"},
      {"100000000000001", "100000000000001"},      // whole numbers keep every digit
      {"12345678901234567", "12345678901234567"},  // even past 15 significant digits
      {"1.2345678901234568E+16", "12345678901234568"},
      {"1234567.89", "1234567.89"},
      {"2.9999999999999996", "3"},  // 15 significant digits, then trailing zeros dropped
      {"0.30000000000000004", "0.3"},
      {"123456789012.34567", "123456789012.346"},
      {"0.99999999999999999", "1"},  // rounding carries into a new digit
      {"-1234.5", "-1234.5"},
      {"+7", "7"},
      {"-0", "0"},
      {"0.000", "0"},
      {"000123.4500", "123.45"},
      {"1E-7", "0.0000001"},
      {"1e3", "1000"},
      {"1.5E+15", "1500000000000000"},
      {"5.", "5"},
      {".5", "0.5"},
      {"-9.5000000000000004E-2", "-0.095"},
      {"10", "10"},
      {"-7.25", "-7.25"},
      {"0.5", "0.5"},
      {"123456789012345.6", "123456789012346"},
      {"0.123456789012345", "0.123456789012345"},
      {"1.50", "1.5"},
      {"", nullptr},
      {"-", nullptr},
      {"abc", nullptr},
      {"1.2.3", nullptr},
      {"1E", nullptr},
      {"1E+999", nullptr},  // absurd exponent: not expanded into a thousand digits
      {"12 345", nullptr},
      {"1,5", nullptr},
  };
  for (const auto& test_case : cases) {
    SCOPED_TRACE(test_case.stored);
    std::string out = "garbage";
    const bool ok = PlainDecimal(test_case.stored, out);
    if (test_case.expected == nullptr) {
      EXPECT_FALSE(ok);
    } else {
      ASSERT_TRUE(ok);
      EXPECT_EQ(out, test_case.expected);
    }
  }
}

// Text already in plain form is copied as it is (a fast path); an exponent forces the
// general path, so "x" and "xe0" must always give the same result.
TEST(PlainDecimalTest, FastPathAgreesWithTheGeneralPath) {
  std::mt19937 random(42);
  const std::string alphabet = "0123456789";
  for (int i = 0; i < 50000; ++i) {
    std::string number;
    if (random() % 4 == 0) number.push_back('-');
    const int int_digits = static_cast<int>(random() % 18) + 1;
    for (int d = 0; d < int_digits; ++d) number.push_back(alphabet[random() % 10]);
    if (random() % 2 == 0) {
      number.push_back('.');
      const int fraction_digits = static_cast<int>(random() % 18);
      for (int d = 0; d < fraction_digits; ++d) number.push_back(alphabet[random() % 10]);
    }
    SCOPED_TRACE(number);
    std::string fast;
    std::string general;
    const bool fast_ok = PlainDecimal(number, fast);
    const bool general_ok = PlainDecimal(number + "e0", general);
    ASSERT_EQ(fast_ok, general_ok);
    if (fast_ok) {
      ASSERT_EQ(fast, general);
    }
  }
}

TEST(PlainDecimalTest, DoublesUseTheShortestRoundTripThenTheSameRules) {
  const std::pair<double, const char*> cases[] = {
      {0.095, "0.095"},
      {1234567.89, "1234567.89"},
      {1234567890123456.0, "1234567890123456"},
      {1e20, "100000000000000000000"},
      {0.1 + 0.2, "0.3"},
      {-2500.0, "-2500"},
      {1e-7, "0.0000001"},
      {-0.0, "0"},
  };
  for (const auto& [value, expected] : cases) {
    SCOPED_TRACE(expected);
    std::string out;
    ASSERT_TRUE(PlainDecimalFromDouble(value, out));
    EXPECT_EQ(out, expected);
  }
  std::string out;
  EXPECT_FALSE(PlainDecimalFromDouble(std::numeric_limits<double>::quiet_NaN(), out));
  EXPECT_FALSE(PlainDecimalFromDouble(std::numeric_limits<double>::infinity(), out));
}

TEST(TextEncodingTest, ValidatesUtf8Strictly) {
  EXPECT_TRUE(IsValidUtf8("plain ASCII"));
  EXPECT_TRUE(IsValidUtf8("Bengkel Lima Jaya \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("Bengkel Lima Jaya \xE9"));                  // Windows-1252 é
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));                                // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));                            // UTF-16 surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));                        // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));                                // cut short...
  EXPECT_TRUE(IsValidUtf8("\xE2\x82", /*allow_truncated_tail=*/true));  // ...at a buffer end
  EXPECT_FALSE(IsValidUtf8("\xE2\x82x", /*allow_truncated_tail=*/true));
}

TEST(TextEncodingTest, Cp1252MapsEveryByteToOneCharacter) {
  std::string out;
  AppendCp1252AsUtf8("Jaya \xE9 \x80 \x93x\x94 \x81", out);
  EXPECT_EQ(out, "Jaya \xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cx\xE2\x80\x9D \xC2\x81");
  // All 256 byte values survive: 128 ASCII + 128 distinct characters.
  std::string every;
  for (int byte = 1; byte < 256; ++byte) every.push_back(static_cast<char>(byte));
  out.clear();
  AppendCp1252AsUtf8(every, out);
  EXPECT_TRUE(IsValidUtf8(out));
  std::size_t characters = 0;
  for (const char c : out) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  EXPECT_EQ(characters, 255u);
}

TEST(TextEncodingTest, IsAsciiLooksAtEveryByte) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii("0123456789abcdefghij"));
  EXPECT_FALSE(IsAscii("0123456789abcdefghi\xE9"));
  EXPECT_FALSE(IsAscii("\xE9"));
}

TEST(ReaderLimitsTest, DefaultsAreValidAndNonsenseIsRefused) {
  EXPECT_NO_THROW(ReaderLimits::Defaults().Validate());
  ReaderLimits tiny_buffer;
  tiny_buffer.read_buffer_bytes = 100;
  EXPECT_THROW(tiny_buffer.Validate(), std::invalid_argument);
  ReaderLimits huge_strings;
  huge_strings.max_shared_strings_bytes = std::uint64_t{3} << 30;
  EXPECT_THROW(huge_strings.Validate(), std::invalid_argument);
  ReaderLimits no_ratio;
  no_ratio.max_inflate_ratio = 0;
  EXPECT_THROW(no_ratio.Validate(), std::invalid_argument);
}

}  // namespace
}  // namespace smedash::ingest
