#include "ingest/validate/decimal_text.hpp"

#include "ingest/validate/text_util.hpp"

namespace smedash::ingest {
namespace {

NumberText Invalid() { return NumberText{}; }

// Digits of `integer_part` separated by `group_separator` in groups of 1-3 then 3.
bool ValidGrouping(std::string_view integer_part, char group_separator) {
  std::size_t group_size = 0;
  bool first_group = true;
  for (char c : integer_part) {
    if (c == group_separator) {
      if (group_size == 0 || group_size > 3 || (!first_group && group_size != 3)) return false;
      first_group = false;
      group_size = 0;
    } else {
      ++group_size;
    }
  }
  return first_group || group_size == 3;
}

}  // namespace

NumberText ClassifyNumber(std::string_view trimmed, bool allow_currency) {
  std::string_view text = trimmed;
  bool negative = false;
  bool currency = false;
  // "-Rp 1", "Rp -1", "(Rp 1)", "Rp (1)": sign and currency in any order, each once.
  for (;;) {
    if (!text.empty() && text.front() == '-') {
      if (negative) return Invalid();
      negative = true;
      text = Trim(text.substr(1));
    } else if (text.size() >= 2 && text.front() == '(' && text.back() == ')') {
      if (negative) return Invalid();
      negative = true;
      text = Trim(text.substr(1, text.size() - 2));
    } else if (allow_currency && !currency && text.size() >= 2 && AsciiUpper(text[0]) == 'R' &&
               AsciiUpper(text[1]) == 'P') {
      currency = true;
      text.remove_prefix(2);
      if (!text.empty() && text.front() == '.') text.remove_prefix(1);
      text = Trim(text);
    } else {
      break;
    }
  }

  std::size_t dots = 0;
  std::size_t commas = 0;
  std::size_t digits = 0;
  std::size_t last_separator = std::string_view::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (IsDigit(c)) {
      ++digits;
    } else if (c == '.' || c == ',') {
      (c == '.' ? dots : commas) += 1;
      last_separator = i;
    } else {
      return Invalid();
    }
  }
  if (digits == 0) return Invalid();

  NumberText number{NumberForm::kPlain, negative, text};
  if (dots == 0 && commas == 0) return number;
  const char last = text[last_separator];
  if (dots > 0 && commas > 0) {
    // Both present: the last one is the decimal separator and appears once.
    if ((last == '.' ? dots : commas) != 1) return Invalid();
    number.form = last == '.' ? NumberForm::kInternational : NumberForm::kIndonesian;
    return number;
  }
  if (dots + commas >= 2) {
    // One separator several times can only group thousands.
    number.form = last == ',' ? NumberForm::kInternational : NumberForm::kIndonesian;
    return number;
  }
  const std::string_view integer_part = text.substr(0, last_separator);
  const std::string_view fraction = text.substr(last_separator + 1);
  if (fraction.empty()) return Invalid();
  if (fraction.size() == 3 && !integer_part.empty() && integer_part.size() <= 3 &&
      integer_part[0] != '0') {
    number.form = NumberForm::kAmbiguous;
  } else {
    number.form = last == '.' ? NumberForm::kInternational : NumberForm::kIndonesian;
  }
  return number;
}

ScaledStatus ReadScaled(const NumberText& number, char decimal_separator, int scale,
                        std::int64_t limit, std::int64_t& value) {
  if (number.form == NumberForm::kInvalid) return ScaledStatus::kInvalid;
  const char group_separator = decimal_separator == '.' ? ',' : '.';
  const std::string_view body = number.body;
  const std::size_t decimal_pos = body.find(decimal_separator);
  std::string_view integer_part = body.substr(0, decimal_pos);
  std::string_view fraction;
  if (decimal_pos != std::string_view::npos) {
    fraction = body.substr(decimal_pos + 1);
    if (fraction.empty()) return ScaledStatus::kInvalid;
    for (char c : fraction) {
      if (!IsDigit(c)) return ScaledStatus::kInvalid;  // a second separator, or grouping
    }
  }
  if (integer_part.empty() && fraction.empty()) return ScaledStatus::kInvalid;
  if (integer_part.find(group_separator) != std::string_view::npos &&
      !ValidGrouping(integer_part, group_separator)) {
    return ScaledStatus::kInvalid;
  }

  // |limit| stays far below 2^63 / 10, so the checks after each digit cannot overflow.
  const auto max = static_cast<std::uint64_t>(limit);
  std::uint64_t magnitude = 0;
  for (char c : integer_part) {
    if (c == group_separator) continue;
    magnitude = magnitude * 10 + static_cast<std::uint64_t>(c - '0');
    if (magnitude >= max) return ScaledStatus::kOutOfRange;
  }
  for (int i = 0; i < scale; ++i) {
    const std::size_t index = static_cast<std::size_t>(i);
    magnitude = magnitude * 10 +
                (index < fraction.size() ? static_cast<std::uint64_t>(fraction[index] - '0') : 0);
    if (magnitude >= max) return ScaledStatus::kOutOfRange;
  }
  if (fraction.size() > static_cast<std::size_t>(scale) &&
      fraction[static_cast<std::size_t>(scale)] >= '5') {
    if (++magnitude >= max) return ScaledStatus::kOutOfRange;
  }
  value = number.negative ? -static_cast<std::int64_t>(magnitude)
                          : static_cast<std::int64_t>(magnitude);
  return ScaledStatus::kOk;
}

bool ReadCanonicalAmount(std::string_view text, std::int64_t& cents, bool& international) {
  const std::size_t size = text.size();
  international = size >= 4 && text[size - 3] == '.';
  const std::size_t integer_digits = international ? size - 3 : size;
  // 15 digits stay below kAmountLimit; longer numbers get the general path's range check.
  if (integer_digits == 0 || integer_digits > 15) return false;
  std::int64_t value = 0;
  for (std::size_t i = 0; i < integer_digits; ++i) {
    if (!IsDigit(text[i])) return false;
    value = value * 10 + (text[i] - '0');
  }
  value *= 100;
  if (international) {
    if (!IsDigit(text[size - 2]) || !IsDigit(text[size - 1])) return false;
    value += (text[size - 2] - '0') * 10 + (text[size - 1] - '0');
  }
  cents = value;
  return true;
}

ScaledStatus ReadNumberCell(std::string_view text, int scale, std::int64_t limit,
                            std::int64_t& value) {
  NumberText number{NumberForm::kPlain, false, Trim(text)};
  if (!number.body.empty() && number.body.front() == '-') {
    number.negative = true;
    number.body.remove_prefix(1);
  }
  std::size_t dots = 0;
  for (char c : number.body) {
    if (c == '.') {
      ++dots;
    } else if (!IsDigit(c)) {
      return ScaledStatus::kInvalid;  // exponent, grouping: not a reader's exact form
    }
  }
  if (dots > 1) return ScaledStatus::kInvalid;
  return ReadScaled(number, '.', scale, limit, value);
}

}  // namespace smedash::ingest
