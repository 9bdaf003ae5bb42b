//! Decimal numbers as bank files write them (domain.md section 2): international
//! "1,234,567.89", Indonesian "1.234.567,89", plain "1234567.89", with "Rp" and negatives as
//! "-1" or "(1)"; and spreadsheet number cells. Exact: values become scaled integers.
#pragma once
#include <cstdint>
#include <string_view>

#include "ingest/validate/row_validator.hpp"

namespace smedash::ingest {

// Bounds that keep every accepted value storable in loan_data: |amount| < 10^15 rupiah
// (numeric(17,2); the five KOLEKTIBILITAS amounts still sum within numeric(18,2)) and
// |rate| < 10^5 percent (numeric(9,4)). As scaled integers: 10^17 cents, 10^9.
inline constexpr int kAmountScale = 2;
inline constexpr int kRateScale = 4;
inline constexpr std::int64_t kAmountLimit = 100'000'000'000'000'000;
inline constexpr std::int64_t kRateLimit = 1'000'000'000;

// What a number's text says about the file's number style.
enum class NumberForm {
  kPlain,          // digits only ("1234567"): the same in both styles
  kAmbiguous,      // "1.234", "1,234": thousands in one style, three decimals in the other
  kInternational,  // "1,234,567.89", "1234.5", "1,234,567", "0.123"
  kIndonesian,     // "1.234.567,89", "1234,5", "1.234.567", "0,123"
  kInvalid,        // not a number in either style
};

struct NumberText {
  NumberForm form = NumberForm::kInvalid;
  bool negative = false;
  std::string_view body;  // digits and separators; sign, parentheses and "Rp" removed
};

// Reads sign, parentheses and (when `allow_currency`) an "Rp"/"Rp." prefix around
// `trimmed`, then classifies the rest. Never allocates.
NumberText ClassifyNumber(std::string_view trimmed, bool allow_currency);

enum class ScaledStatus { kOk, kInvalid, kOutOfRange };

// `number` read with `decimal_separator` ('.' or ','; the other one groups thousands as
// 1-3 digits then groups of exactly 3), as value × 10^scale, rounded half away from zero
// beyond `scale` decimals. kOutOfRange when |value × 10^scale| ≥ `limit`.
ScaledStatus ReadScaled(const NumberText& number, char decimal_separator, int scale,
                        std::int64_t limit, std::int64_t& value);

// A spreadsheet number cell's exact text ("-1234.5678", "42210"): '.' decimals, no
// grouping, no exponent; same rounding and limit as ReadScaled.
ScaledStatus ReadNumberCell(std::string_view text, int scale, std::int64_t limit,
                            std::int64_t& value);

// The form most exports write, read without classification: digits (at most 15) and
// optionally '.' with exactly two digits ("1234567.89", "0", "1500000"). True with `cents`
// set, and `international` telling whether it had the ".dd" (which only the international
// style allows); false for anything else, which then takes the general path.
bool ReadCanonicalAmount(std::string_view text, std::int64_t& cents, bool& international);

// The decimal separator of a decided style ('.' international, ',' Indonesian).
inline char DecimalSeparator(NumberStyle style) {
  return style == NumberStyle::kIndonesian ? ',' : '.';
}

}  // namespace smedash::ingest
