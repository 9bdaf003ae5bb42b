#include "core/date.hpp"

#include <gtest/gtest.h>

namespace smedash::core {
namespace {

Date D(int year, int month, int day) {
  auto date = Date::FromYmd(year, month, day);
  EXPECT_TRUE(date) << year << "-" << month << "-" << day;
  return date.value_or(Date());
}

std::string Iso(std::optional<Date> date) { return date ? date->ToIso() : "none"; }

TEST(Date, ValidatesTheCalendar) {
  EXPECT_TRUE(Date::FromYmd(2024, 2, 29));
  EXPECT_FALSE(Date::FromYmd(2025, 2, 29));
  EXPECT_TRUE(Date::FromYmd(2000, 2, 29));   // divisible by 400
  EXPECT_FALSE(Date::FromYmd(1900, 2, 29));  // divisible by 100 only
  EXPECT_FALSE(Date::FromYmd(2025, 4, 31));
  EXPECT_FALSE(Date::FromYmd(2025, 13, 1));
  EXPECT_FALSE(Date::FromYmd(2025, 0, 1));
  EXPECT_FALSE(Date::FromYmd(2025, 1, 0));
  EXPECT_FALSE(Date::FromYmd(0, 1, 1));
  EXPECT_FALSE(Date::FromYmd(10000, 1, 1));
  EXPECT_TRUE(Date::FromYmd(1, 1, 1));
  EXPECT_TRUE(Date::FromYmd(9999, 12, 31));
}

TEST(Date, IsoRoundTrip) {
  EXPECT_EQ(Iso(Date::ParseIso("2025-10-09")), "2025-10-09");
  EXPECT_EQ(Iso(Date::ParseIso("0001-01-01")), "0001-01-01");
  for (const char* bad : {"2025-10-9", "2025/10/09", "2025-10-09 ", "2025-02-29", "20251009",
                          "2025-1a-09", "", "0000-01-01"}) {
    EXPECT_FALSE(Date::ParseIso(bad)) << bad;
  }
}

TEST(Date, DaysSinceEpoch) {
  EXPECT_EQ(D(1970, 1, 1).DaysSinceEpoch(), 0);
  EXPECT_EQ(D(1969, 12, 31).DaysSinceEpoch(), -1);
  EXPECT_EQ(D(2000, 3, 1).DaysSinceEpoch(), 11017);
  EXPECT_EQ(D(2025, 10, 9).DaysSinceEpoch(), 20370);
  EXPECT_EQ(D(1899, 12, 30).DaysSinceEpoch(), -25569);  // Excel's day 0
  EXPECT_EQ(Date().ToIso(), "1970-01-01");
}

TEST(Date, EveryDayRoundTripsThroughItsDayNumber) {
  // 1899-2101 day by day: month and leap-year edges included.
  Date date = D(1899, 1, 1);
  std::int64_t days = date.DaysSinceEpoch();
  while (date.Year() < 2102) {
    ASSERT_EQ(Date::FromDaysSinceEpoch(days), date) << date.ToIso();
    ASSERT_EQ(date.DaysSinceEpoch(), days);
    auto next = date.AddDays(1);
    ASSERT_TRUE(next);
    ASSERT_TRUE(date < *next);
    date = *next;
    ++days;
  }
}

TEST(Date, RangeEnds) {
  EXPECT_EQ(Iso(D(9999, 12, 31).AddDays(1)), "none");
  EXPECT_EQ(Iso(D(1, 1, 1).AddDays(-1)), "none");
  EXPECT_EQ(Iso(D(1, 1, 1).AddDays(0)), "0001-01-01");
  EXPECT_EQ(Iso(Date::FromDaysSinceEpoch(D(9999, 12, 31).DaysSinceEpoch())), "9999-12-31");
  EXPECT_FALSE(D(2025, 1, 1).AddDays(INT64_MAX));
  EXPECT_FALSE(D(2025, 1, 1).AddMonths(INT32_MIN));
}

TEST(Date, Weekday) {
  EXPECT_EQ(D(2025, 10, 9).Weekday(), 4);  // Thursday
  EXPECT_EQ(D(2025, 10, 11).Weekday(), 6);
  EXPECT_TRUE(D(2025, 10, 12).IsWeekend());
  EXPECT_EQ(D(2025, 10, 13).Weekday(), 1);
  EXPECT_EQ(D(1970, 1, 1).Weekday(), 4);
  EXPECT_EQ(D(1969, 12, 29).Weekday(), 1);  // before the epoch too
}

TEST(Date, AddMonthsClampsTheDay) {
  struct Case {
    Date from;
    int months;
    const char* to;
  };
  for (const Case& c : {
           Case{D(2025, 3, 31), -1, "2025-02-28"},
           Case{D(2024, 3, 31), -1, "2024-02-29"},
           Case{D(2025, 10, 9), -1, "2025-09-09"},
           Case{D(2025, 1, 31), 1, "2025-02-28"},
           Case{D(2025, 5, 31), -1, "2025-04-30"},
           Case{D(2025, 1, 15), -1, "2024-12-15"},
           Case{D(2025, 12, 31), 1, "2026-01-31"},
           Case{D(2025, 10, 9), -12, "2024-10-09"},
           Case{D(2025, 10, 9), -22, "2023-12-09"},
           Case{D(2025, 10, 9), 0, "2025-10-09"},
           Case{D(2025, 8, 31), 6, "2026-02-28"},
           Case{D(1, 1, 1), -1, "none"},
           Case{D(9999, 12, 1), 1, "none"},
       }) {
    EXPECT_EQ(Iso(c.from.AddMonths(c.months)), c.to) << c.from.ToIso() << " + " << c.months;
  }
}

TEST(Date, AddYearsClampsLeapDay) {
  EXPECT_EQ(Iso(D(2024, 2, 29).AddYears(-1)), "2023-02-28");
  EXPECT_EQ(Iso(D(2024, 2, 29).AddYears(4)), "2028-02-29");
  EXPECT_EQ(Iso(D(2025, 10, 9).AddYears(-1)), "2024-10-09");
}

TEST(Date, MonthEnds) {
  EXPECT_EQ(D(2024, 2, 10).LastDayOfMonth().ToIso(), "2024-02-29");
  EXPECT_EQ(D(2025, 2, 10).LastDayOfMonth().ToIso(), "2025-02-28");
  EXPECT_EQ(D(2025, 12, 1).LastDayOfMonth().ToIso(), "2025-12-31");
  EXPECT_EQ(D(2025, 10, 9).FirstDayOfMonth().ToIso(), "2025-10-01");
  EXPECT_EQ(Date::DaysInMonth(2025, 4), 30);
}

TEST(Date, ComparisonDatesOfTheWorkedExample) {
  // domain.md section 6 at S = 2025-10-09: B looks on or before 2025-09-09 within
  // September; A in December 2024; Y on or before 2024-10-09 within October 2024.
  const Date s = D(2025, 10, 9);
  EXPECT_EQ(s.AddMonths(-1)->ToIso(), "2025-09-09");
  EXPECT_EQ(s.AddMonths(-1)->FirstDayOfMonth().ToIso(), "2025-09-01");
  EXPECT_EQ(s.FirstDayOfMonth().AddDays(-1)->ToIso(), "2025-09-30");  // C's month end
  EXPECT_EQ(D(s.Year() - 1, 12, 31).ToIso(), "2024-12-31");
  EXPECT_EQ(s.AddYears(-1)->ToIso(), "2024-10-09");
}

}  // namespace
}  // namespace smedash::core
