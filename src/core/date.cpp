#include "core/date.hpp"

namespace smedash::core {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain): exact for the
// proleptic Gregorian calendar, with eras of 400 years so no table and no loop.
std::int64_t DaysFromCivil(std::int64_t year, int month, int day) {
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;
  const int shifted_month = month > 2 ? month - 3 : month + 9;
  const std::int64_t day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

struct Civil {
  std::int64_t year;
  int month;
  int day;
};

Civil CivilFromDays(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t shifted_month = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  const int month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  return {year_of_era + era * 400 + (month <= 2), month, day};
}

bool Digits(std::string_view text, std::size_t from, std::size_t count, int& value) {
  value = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

void WriteDigits(char* out, int value, int count) {
  for (int i = count - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

}  // namespace

bool Date::IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int Date::DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month)) {
    return std::nullopt;
  }
  return Date(year, month, day);
}

std::optional<Date> Date::ParseIso(std::string_view text) {
  int year = 0;
  int month = 0;
  int day = 0;
  if (text.size() != kIsoSize || text[4] != '-' || text[7] != '-' || !Digits(text, 0, 4, year) ||
      !Digits(text, 5, 2, month) || !Digits(text, 8, 2, day)) {
    return std::nullopt;
  }
  return FromYmd(year, month, day);
}

std::optional<Date> Date::FromDaysSinceEpoch(std::int64_t days) {
  // Bounds first, so CivilFromDays never sees a value that could overflow.
  static const std::int64_t kFirst = DaysFromCivil(kMinYear, 1, 1);
  static const std::int64_t kLast = DaysFromCivil(kMaxYear, 12, 31);
  if (days < kFirst || days > kLast) return std::nullopt;
  const Civil civil = CivilFromDays(days);
  return Date(static_cast<int>(civil.year), civil.month, civil.day);
}

std::int64_t Date::DaysSinceEpoch() const { return DaysFromCivil(year_, month_, day_); }

int Date::Weekday() const {
  // 1970-01-01 was a Thursday (ISO 4).
  const std::int64_t days = DaysSinceEpoch();
  const std::int64_t from_monday = ((days + 3) % 7 + 7) % 7;
  return static_cast<int>(from_monday) + 1;
}

std::string Date::ToIso() const {
  std::string text(kIsoSize, '\0');
  FormatIso(text.data());
  return text;
}

void Date::FormatIso(char* buffer) const {
  WriteDigits(buffer, year_, 4);
  buffer[4] = '-';
  WriteDigits(buffer + 5, month_, 2);
  buffer[7] = '-';
  WriteDigits(buffer + 8, day_, 2);
}

std::optional<Date> Date::AddDays(std::int64_t days) const {
  // Beyond ±10,000 years the result is out of range anyway; the guard keeps the sum exact.
  constexpr std::int64_t kSpan = 4'000'000;
  if (days > kSpan || days < -kSpan) return std::nullopt;
  return FromDaysSinceEpoch(DaysSinceEpoch() + days);
}

std::optional<Date> Date::AddMonths(int months) const {
  constexpr int kSpan = 12 * (kMaxYear + 1);
  if (months > kSpan || months < -kSpan) return std::nullopt;
  const int index = year_ * 12 + (month_ - 1) + months;  // months since year 0
  const int year = index >= 0 ? index / 12 : (index - 11) / 12;
  const int month = index - year * 12 + 1;
  if (year < kMinYear || year > kMaxYear) return std::nullopt;
  const int last = DaysInMonth(year, month);
  return Date(year, month, day_ < last ? day_ : last);
}

std::optional<Date> Date::AddYears(int years) const {
  constexpr int kSpan = kMaxYear + 1;
  if (years > kSpan || years < -kSpan) return std::nullopt;
  return AddMonths(years * 12);
}

}  // namespace smedash::core
