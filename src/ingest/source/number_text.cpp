#include "ingest/source/number_text.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

namespace smedash::ingest {
namespace {

constexpr int kMaxDigits = 400;
constexpr int kMaxExponent = 400;

// Rounds the digit string to `keep` digits, half-up. Returns true when the carry ran past
// the first digit (999.. → 1000..), in which case `digits` is "1" and the point moves.
bool RoundDigits(std::string& digits, std::size_t keep) {
  if (digits.size() <= keep) return false;
  const bool up = digits[keep] >= '5';
  digits.resize(keep);
  if (!up) return false;
  for (std::size_t i = keep; i-- > 0;) {
    if (digits[i] != '9') {
      ++digits[i];
      return false;
    }
    digits[i] = '0';
  }
  digits = "1";
  return true;
}

// True when `number` is already in the output form: an optional '-', digits without a
// leading zero (a lone "0" before the point aside), and optionally a point, at most 15
// digits in all and no trailing zero. Most stored numbers are ("42210", "7.5"); they are
// copied as they are.
bool IsAlreadyPlain(std::string_view number) {
  std::size_t pos = number.starts_with('-') ? 1 : 0;
  const std::size_t int_start = pos;
  while (pos < number.size() && number[pos] >= '0' && number[pos] <= '9') ++pos;
  const std::size_t int_digits = pos - int_start;
  if (int_digits == 0) return false;
  if (number[int_start] == '0' && (int_digits > 1 || pos == number.size())) {
    return int_digits == 1 && pos == number.size() && int_start == 0;  // "0", not "-0"
  }
  if (pos == number.size()) return true;  // a whole number: every digit is kept
  if (number[pos] != '.') return false;
  const std::size_t fraction_start = ++pos;
  while (pos < number.size() && number[pos] >= '0' && number[pos] <= '9') ++pos;
  return pos == number.size() && pos > fraction_start && number.back() != '0' &&
         int_digits + (pos - fraction_start) <= kMaxSignificantDigits;
}

}  // namespace

bool PlainDecimal(std::string_view number, std::string& out) {
  if (IsAlreadyPlain(number)) {
    out.assign(number);
    return true;
  }
  std::size_t pos = 0;
  bool negative = false;
  if (pos < number.size() && (number[pos] == '-' || number[pos] == '+')) {
    negative = number[pos] == '-';
    ++pos;
  }
  // Value = 0.d1d2d3... × 10^point, with `digits` free of leading zeros.
  thread_local std::string digits;
  digits.clear();
  long point = 0;
  bool seen_digit = false;
  bool seen_dot = false;
  for (; pos < number.size(); ++pos) {
    const char c = number[pos];
    if (c >= '0' && c <= '9') {
      seen_digit = true;
      if (digits.empty() && c == '0') {
        if (seen_dot) --point;  // 0.00123: leading fraction zeros move the point left
        continue;
      }
      if (digits.size() >= kMaxDigits) return false;
      digits.push_back(c);
      if (!seen_dot) ++point;
    } else if (c == '.' && !seen_dot) {
      seen_dot = true;
    } else {
      break;
    }
  }
  if (!seen_digit) return false;
  if (pos < number.size()) {
    if (number[pos] != 'e' && number[pos] != 'E') return false;
    ++pos;
    if (pos < number.size() && number[pos] == '+') ++pos;
    int exponent = 0;
    const auto [end, ec] =
        std::from_chars(number.data() + pos, number.data() + number.size(), exponent);
    if (ec != std::errc() || end != number.data() + number.size()) return false;
    if (exponent > kMaxExponent || exponent < -kMaxExponent) return false;
    point += exponent;
  }
  while (!digits.empty() && digits.back() == '0') digits.pop_back();

  out.clear();
  if (digits.empty()) {
    out = "0";
    return true;
  }
  if (static_cast<long>(digits.size()) > point) {
    // A fractional part: keep what Excel shows.
    if (RoundDigits(digits, kMaxSignificantDigits)) ++point;
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    if (digits.empty()) {  // cannot happen after rounding up, kept for clarity
      out = "0";
      return true;
    }
  }
  if (negative) out.push_back('-');
  const long size = static_cast<long>(digits.size());
  if (size <= point) {
    out.append(digits);
    out.append(static_cast<std::size_t>(point - size), '0');
  } else if (point <= 0) {
    out.append("0.");
    out.append(static_cast<std::size_t>(-point), '0');
    out.append(digits);
  } else {
    out.append(digits, 0, static_cast<std::size_t>(point));
    out.push_back('.');
    out.append(digits, static_cast<std::size_t>(point));
  }
  return true;
}

bool PlainDecimalFromDouble(double value, std::string& out) {
  if (!std::isfinite(value)) return false;
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (ec != std::errc()) return false;
  return PlainDecimal(std::string_view(buffer, static_cast<std::size_t>(end - buffer)), out);
}

}  // namespace smedash::ingest
