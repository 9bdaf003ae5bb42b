#include "dashboard/export/decimal_text.hpp"

#include <algorithm>
#include <stdexcept>

namespace smedash::dashboard::exports {
namespace {

bool AllDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool IsDecimal(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  if (whole.empty() || !AllDigits(whole)) return false;
  if (point == std::string_view::npos) return true;
  const std::string_view fraction = text.substr(point + 1);
  return !fraction.empty() && AllDigits(fraction);
}

std::string ShiftDecimalPoint(std::string_view decimal, int shift, int min_decimals) {
  if (shift < 0) throw std::invalid_argument("negative decimal shift");
  if (!IsDecimal(decimal)) {
    throw std::invalid_argument("not a decimal: \"" + std::string(decimal) + "\"");
  }
  const bool negative = decimal.front() == '-';
  if (negative) decimal.remove_prefix(1);
  const std::size_t point = std::min(decimal.find('.'), decimal.size());
  std::string digits(decimal.substr(0, point));
  if (point < decimal.size()) digits += decimal.substr(point + 1);

  // Integer digits after the shift; pad with leading zeros so at least one remains.
  long whole_size = static_cast<long>(point) - shift;
  if (whole_size < 1) {
    digits.insert(0, static_cast<std::size_t>(1 - whole_size), '0');
    whole_size = 1;
  }
  std::string whole = digits.substr(0, static_cast<std::size_t>(whole_size));
  std::string fraction = digits.substr(static_cast<std::size_t>(whole_size));
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
  const auto keep = static_cast<std::size_t>(std::max(min_decimals, 0));
  while (fraction.size() > keep && fraction.back() == '0') fraction.pop_back();
  if (fraction.size() < keep) fraction.append(keep - fraction.size(), '0');

  const bool zero = whole == "0" && fraction.find_first_not_of('0') == std::string::npos;
  std::string result = negative && !zero ? "-" + whole : whole;
  if (!fraction.empty()) result += "." + fraction;
  return result;
}

std::string WithDecimalMark(std::string_view decimal, bool comma) {
  std::string result(decimal);
  if (comma) std::replace(result.begin(), result.end(), '.', ',');
  return result;
}

}  // namespace smedash::dashboard::exports
