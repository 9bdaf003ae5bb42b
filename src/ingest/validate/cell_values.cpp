#include "ingest/validate/cell_values.hpp"

#include <limits>

#include "ingest/validate/text_util.hpp"

namespace smedash::ingest {
namespace {

bool AllZeros(std::string_view text) {
  for (char c : text) {
    if (c != '0') return false;
  }
  return true;
}

// Splits "106.0" into "106" when the fraction is zeros. A number cell may carry any number
// of zero decimals; text only one or two ("1.000" could be a thousand in Indonesian style,
// so it is not taken for 1).
bool WholePart(Cell::Kind kind, std::string_view text, std::string_view& whole) {
  std::size_t separator = text.find_first_of(kind == Cell::Kind::kNumber ? "." : ".,");
  whole = text.substr(0, separator);
  if (!AllDigits(whole)) return false;
  if (separator == std::string_view::npos) return true;
  const std::string_view fraction = text.substr(separator + 1);
  if (fraction.empty() || !AllZeros(fraction)) return false;
  return kind == Cell::Kind::kNumber || fraction.size() <= 2;
}

std::optional<std::int64_t> SmallNumber(std::string_view digits, std::int64_t max) {
  std::int64_t value = 0;
  for (char c : digits) {
    value = value * 10 + (c - '0');
    if (value > max) return std::nullopt;
  }
  return value;
}

std::string_view StripLeadingZeros(std::string_view digits) {
  const std::size_t first = digits.find_first_not_of('0');
  return first == std::string_view::npos ? digits.substr(digits.size() - 1) : digits.substr(first);
}

// "1.23E+15", "1,5e10", "9E15": scientific notation as spreadsheets write big numbers.
bool IsExponentNotation(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size() && IsDigit(text[pos])) ++pos;
  if (pos == 0) return false;
  if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
    ++pos;
    while (pos < text.size() && IsDigit(text[pos])) ++pos;
  }
  if (pos >= text.size() || AsciiUpper(text[pos]) != 'E') return false;
  ++pos;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
  return AllDigits(text.substr(pos));
}

}  // namespace

std::optional<bool> ReadFlag(Cell::Kind kind, std::string_view text) {
  if (kind == Cell::Kind::kNumber) {
    std::string_view whole;
    if (!WholePart(kind, text, whole)) return std::nullopt;
    whole = StripLeadingZeros(whole);
    if (whole == "1") return true;
    if (whole == "0") return false;
    return std::nullopt;
  }
  if (kind == Cell::Kind::kDate) return std::nullopt;
  switch (text.size()) {
    case 1:
      if (text == "1" || AsciiUpper(text[0]) == 'Y') return true;
      if (text == "0" || AsciiUpper(text[0]) == 'N') return false;
      break;
    case 2:
      if (EqualsUpper(text, "YA")) return true;
      break;
    case 4:
      if (EqualsUpper(text, "TRUE")) return true;
      break;
    case 5:
      if (EqualsUpper(text, "TIDAK")) return false;
      if (EqualsUpper(text, "FALSE")) return false;
      break;
    default:
      break;
  }
  return std::nullopt;
}

std::optional<int> ReadGrade(Cell::Kind kind, std::string_view text) {
  if (kind != Cell::Kind::kText && kind != Cell::Kind::kNumber) return std::nullopt;
  std::string_view whole;
  if (!WholePart(kind, text, whole)) return std::nullopt;
  const auto grade = SmallNumber(whole, 9);
  if (!grade || *grade < 1 || *grade > 5) return std::nullopt;
  return static_cast<int>(*grade);
}

std::optional<std::int32_t> ReadWholeNumber(Cell::Kind kind, std::string_view text) {
  if (kind != Cell::Kind::kText && kind != Cell::Kind::kNumber) return std::nullopt;
  if (kind == Cell::Kind::kText) {
    // "106M", "106 BLN", "106 bulan": months written with their unit.
    std::size_t end = text.size();
    while (end > 0 && AsciiUpper(text[end - 1]) >= 'A' && AsciiUpper(text[end - 1]) <= 'Z') --end;
    const std::string_view unit = text.substr(end);
    if (!unit.empty()) {
      if (!EqualsUpper(unit, "M") && !EqualsUpper(unit, "BLN") && !EqualsUpper(unit, "BULAN")) {
        return std::nullopt;
      }
      text = Trim(text.substr(0, end));
    }
  }
  std::string_view whole;
  if (!WholePart(kind, text, whole)) return std::nullopt;
  const auto value = SmallNumber(whole, std::numeric_limits<std::int32_t>::max());
  if (!value) return std::nullopt;
  return static_cast<std::int32_t>(*value);
}

std::string_view NormalizeCode(std::string_view text) {
  std::string_view whole = text;
  const std::size_t dot = text.find('.');
  if (dot != std::string_view::npos) {
    const std::string_view fraction = text.substr(dot + 1);
    if (fraction.empty() || !AllZeros(fraction)) return text;
    whole = text.substr(0, dot);
  }
  if (!AllDigits(whole)) return text;
  return StripLeadingZeros(whole);
}

IdentifierStatus ReadIdentifier(Cell::Kind kind, std::string_view text,
                                std::string_view& identifier) {
  if (kind == Cell::Kind::kNumber) {
    std::string_view whole;
    if (!WholePart(kind, text, whole)) return IdentifierStatus::kNotWhole;
    identifier = whole;
    return IdentifierStatus::kOk;
  }
  if (IsExponentNotation(text)) return IdentifierStatus::kExponent;
  identifier = text;
  return IdentifierStatus::kOk;
}

}  // namespace smedash::ingest
