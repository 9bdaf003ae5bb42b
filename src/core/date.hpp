//! A calendar date (proleptic Gregorian, years 1..9999) with the arithmetic the dashboards'
//! comparison columns need (domain.md section 6): day and month steps with the day clamped
//! to the month's end, month ends, weekdays. No time zone: a position date is a whole day.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smedash::core {

class Date {
 public:
  static constexpr int kMinYear = 1;
  static constexpr int kMaxYear = 9999;

  // 1970-01-01.
  constexpr Date() = default;
  // nullopt unless the date exists (1 ≤ month ≤ 12, day within the month, year in range).
  static std::optional<Date> FromYmd(int year, int month, int day);
  // Exactly "yyyy-mm-dd" (PostgreSQL's and the spreadsheet readers' form).
  static std::optional<Date> ParseIso(std::string_view text);
  // Days since 1970-01-01 (negative before); nullopt outside years 1..9999.
  static std::optional<Date> FromDaysSinceEpoch(std::int64_t days);

  static bool IsLeapYear(int year);
  static int DaysInMonth(int year, int month);  // month 1..12

  int Year() const { return year_; }
  int Month() const { return month_; }
  int Day() const { return day_; }
  std::int64_t DaysSinceEpoch() const;
  // ISO weekday: 1 = Monday ... 7 = Sunday.
  int Weekday() const;
  bool IsWeekend() const { return Weekday() >= 6; }

  // "2025-10-09".
  std::string ToIso() const;
  static constexpr std::size_t kIsoSize = 10;
  void FormatIso(char* buffer) const;  // writes exactly kIsoSize bytes, no terminator

  // The steps return nullopt only when the result leaves years 1..9999.
  std::optional<Date> AddDays(std::int64_t days) const;
  // Same day `months` later (or earlier when negative), the day clamped to the target
  // month's length: 2025-03-31 − 1 month = 2025-02-28, 2024-03-31 − 1 month = 2024-02-29.
  std::optional<Date> AddMonths(int months) const;
  // AddMonths(12 × years): 2024-02-29 − 1 year = 2023-02-28.
  std::optional<Date> AddYears(int years) const;
  Date FirstDayOfMonth() const { return Date(year_, month_, 1); }
  Date LastDayOfMonth() const { return Date(year_, month_, DaysInMonth(year_, month_)); }

  auto operator<=>(const Date&) const = default;

 private:
  constexpr Date(int year, int month, int day)
      : year_(static_cast<std::int16_t>(year)),
        month_(static_cast<std::int8_t>(month)),
        day_(static_cast<std::int8_t>(day)) {}
  // Member order makes the defaulted comparison chronological.
  std::int16_t year_ = 1970;
  std::int8_t month_ = 1;
  std::int8_t day_ = 1;
};

}  // namespace smedash::core
