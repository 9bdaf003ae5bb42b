//! Spreadsheet numbers as exact decimal text (Cell::Kind::kNumber), shared by the XLSX and
//! XLS readers, so "1.2345678901234E+15" reaches validation as "1234567890123400" and an
//! account number is never turned into exponent notation.
#pragma once
#include <string>
#include <string_view>

namespace smedash::ingest {

// Most significant digits kept for a number with a fractional part: what Excel shows.
inline constexpr int kMaxSignificantDigits = 15;

// Writes `number` (decimal text as stored in a sheet: "42210", "-0.5", "1.2345678901234E+15",
// "9.5000000000000004E-2") to `out` as plain decimal text without exponent:
//   - a whole number keeps every digit the writer stored ("100000000000001" stays exact);
//   - otherwise it is rounded half-up to 15 significant digits and trailing zeros are
//     dropped ("9.5000000000000004E-2" → "0.095", "2.9999999999999996" → "3");
//   - "-0" is "0"; there is never a leading "+", never a trailing ".".
// Returns false (and leaves `out` unspecified) when `number` is not a decimal number or is
// absurdly long (more than 400 digits or an exponent beyond ±400).
bool PlainDecimal(std::string_view number, std::string& out);

// The same rules for a binary double (XLS cells): the shortest text that reads back as the
// same double (std::to_chars), then PlainDecimal. False for NaN and infinities.
bool PlainDecimalFromDouble(double value, std::string& out);

}  // namespace smedash::ingest
