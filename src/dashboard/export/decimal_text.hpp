//! Exact decimal text for exports: the API's decimal strings checked, scaled to the chosen
//! unit by moving the decimal point, and written with the UI language's decimal mark. No
//! step goes through binary floating point, so a CSV shows every digit the API sent.
#pragma once
#include <string>
#include <string_view>

namespace smedash::dashboard::exports {

// True when `text` is an API decimal: an optional '-', digits, optionally '.' and digits.
bool IsDecimal(std::string_view text);

// `decimal` / 10^shift (shift ≥ 0), exactly: "17400000000.00" shifted 6 → "17400.00"; shifted 9 →
// "17.40"; "1234567.89" shifted 6 → "1.23456789". Trailing zeros past `min_decimals` are
// dropped, fewer are padded; "-0.00" becomes "0.00". Throws std::invalid_argument when
// `decimal` is not IsDecimal() or shift < 0.
std::string ShiftDecimalPoint(std::string_view decimal, int shift, int min_decimals);

// "-1234.5" → "-1234,5" when `comma` (Indonesian), unchanged otherwise. No digit grouping:
// see csv_writer.cpp for why.
std::string WithDecimalMark(std::string_view decimal, bool comma);

}  // namespace smedash::dashboard::exports
