#include "ingest/validate/date_text.hpp"

#include <array>

#include "ingest/validate/text_util.hpp"

namespace smedash::ingest {
namespace {

struct MonthName {
  std::string_view upper;
  int month;
};

// Indonesian and English, short and full; "Agt" and "Sept" are common variants.
constexpr std::array<MonthName, 37> kMonthNames = {{
    {"JAN", 1},      {"JANUARI", 1},   {"JANUARY", 1},   {"FEB", 2},      {"FEBRUARI", 2},
    {"FEBRUARY", 2}, {"MAR", 3},       {"MARET", 3},     {"MARCH", 3},    {"APR", 4},
    {"APRIL", 4},    {"MEI", 5},       {"MAY", 5},       {"JUN", 6},      {"JUNI", 6},
    {"JUNE", 6},     {"JUL", 7},       {"JULI", 7},      {"JULY", 7},     {"AGU", 8},
    {"AGT", 8},      {"AGUSTUS", 8},   {"AUG", 8},       {"AUGUST", 8},   {"SEP", 9},
    {"SEPT", 9},     {"SEPTEMBER", 9}, {"OKT", 10},      {"OKTOBER", 10}, {"OCT", 10},
    {"OCTOBER", 10}, {"NOV", 11},      {"NOVEMBER", 11}, {"DES", 12},     {"DESEMBER", 12},
    {"DEC", 12},     {"DECEMBER", 12},
}};

// Reads min_digits..max_digits digits at `pos`; false when there are fewer or more.
bool ReadNumber(std::string_view text, std::size_t& pos, std::size_t min_digits,
                std::size_t max_digits, int& value) {
  const std::size_t start = pos;
  value = 0;
  while (pos < text.size() && IsDigit(text[pos])) {
    if (pos - start == max_digits) return false;
    value = value * 10 + (text[pos] - '0');
    ++pos;
  }
  return pos - start >= min_digits;
}

// " 00:00", " 0:00:00", "T08:30:00.000", optionally ending in "Z": ignored.
bool IsTimeOfDay(std::string_view rest) {
  if (rest.empty()) return true;
  if (rest[0] != ' ' && rest[0] != 'T') return false;
  std::size_t pos = 1;
  int hour = 0;
  int minute = 0;
  if (!ReadNumber(rest, pos, 1, 2, hour) || pos >= rest.size() || rest[pos] != ':') return false;
  ++pos;
  if (!ReadNumber(rest, pos, 2, 2, minute)) return false;
  if (pos < rest.size() && rest[pos] == ':') {
    ++pos;
    int second = 0;
    if (!ReadNumber(rest, pos, 2, 2, second) || second > 59) return false;
    if (pos < rest.size() && rest[pos] == '.') {
      ++pos;
      while (pos < rest.size() && IsDigit(rest[pos])) ++pos;
    }
  }
  if (pos < rest.size() && rest[pos] == 'Z') ++pos;
  return pos == rest.size() && hour <= 23 && minute <= 59;
}

std::optional<core::Date> Checked(int year, int month, int day) {
  if (year < kMinFileYear || year > kMaxFileYear) return std::nullopt;
  return core::Date::FromYmd(year, month, day);
}

}  // namespace

int MonthFromName(std::string_view name) {
  for (const auto& entry : kMonthNames) {
    if (EqualsUpper(name, entry.upper)) return entry.month;
  }
  return 0;
}

std::optional<core::Date> ParseDateText(std::string_view text) {
  std::size_t pos = 0;
  int first = 0;
  if (!ReadNumber(text, pos, 1, 4, first) || pos >= text.size()) return std::nullopt;

  if (pos == 4) {  // yyyy-mm-dd
    int month = 0;
    int day = 0;
    if (text[pos++] != '-' || !ReadNumber(text, pos, 1, 2, month) || pos >= text.size() ||
        text[pos++] != '-' || !ReadNumber(text, pos, 1, 2, day) || !IsTimeOfDay(text.substr(pos))) {
      return std::nullopt;
    }
    return Checked(first, month, day);
  }
  if (pos > 2) return std::nullopt;

  const int day = first;
  const char separator = text[pos];
  if (separator == '/' || separator == '-') {
    ++pos;
    if (pos < text.size() && IsDigit(text[pos])) {  // dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy
      int month = 0;
      int year = 0;
      if (!ReadNumber(text, pos, 1, 2, month) || pos >= text.size() || text[pos++] != separator ||
          !ReadNumber(text, pos, 4, 4, year) || !IsTimeOfDay(text.substr(pos))) {
        return std::nullopt;
      }
      return Checked(year, month, day);
    }
  } else if (separator == ' ') {
    while (pos < text.size() && text[pos] == ' ') ++pos;
  } else {
    return std::nullopt;
  }

  // "09 Okt 2025", "09-Oct-2025", "9 Oktober 2025", "09/Okt/2025".
  const std::size_t name_start = pos;
  while (pos < text.size() && AsciiUpper(text[pos]) >= 'A' && AsciiUpper(text[pos]) <= 'Z') {
    ++pos;
  }
  const int month = MonthFromName(text.substr(name_start, pos - name_start));
  if (month == 0 || pos >= text.size()) return std::nullopt;
  if (text[pos] == ' ') {
    while (pos < text.size() && text[pos] == ' ') ++pos;
  } else if (text[pos] == separator) {
    ++pos;
  } else {
    return std::nullopt;
  }
  int year = 0;
  if (!ReadNumber(text, pos, 4, 4, year) || !IsTimeOfDay(text.substr(pos))) return std::nullopt;
  return Checked(year, month, day);
}

std::optional<core::Date> DateFromExcelSerial(std::string_view number_text) {
  std::string_view text = Trim(number_text);
  const std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  if (dot != std::string_view::npos && !AllDigits(text.substr(dot + 1))) return std::nullopt;
  if (!AllDigits(whole) || whole.size() > 7) return std::nullopt;
  std::int64_t serial = 0;
  for (char c : whole) serial = serial * 10 + (c - '0');
  constexpr std::int64_t kLastSerial = 2958465;  // 9999-12-31
  if (serial < 1 || serial > kLastSerial || serial == 60) return std::nullopt;
  // Excel counts 1900-01-01 as day 1 and, after Lotus 1-2-3, a 29 February 1900 as day 60.
  static const std::int64_t kDay0 = core::Date::FromYmd(1899, 12, 31)->DaysSinceEpoch();
  const std::int64_t days = kDay0 + serial - (serial > 60 ? 1 : 0);
  auto date = core::Date::FromDaysSinceEpoch(days);
  if (!date || date->Year() < kMinFileYear) return std::nullopt;
  return date;
}

bool IsNoDate(std::string_view text) {
  if (text.empty()) return false;
  bool zero = false;
  for (char c : text) {
    if (c == '0') {
      zero = true;
    } else if (c != '/' && c != '-' && c != '.') {
      return false;
    }
  }
  return zero;
}

}  // namespace smedash::ingest
