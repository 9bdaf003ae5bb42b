#include "metrics/comparison_dates.hpp"

#include <algorithm>
#include <stdexcept>

namespace smedash::metrics {
namespace {

// The latest loaded position in [first, last], if any.
std::optional<core::Date> LatestWithin(const std::vector<core::Date>& loaded, core::Date first,
                                       core::Date last) {
  auto after = std::upper_bound(loaded.begin(), loaded.end(), last);
  if (after == loaded.begin()) return std::nullopt;
  const core::Date candidate = *std::prev(after);
  if (candidate < first) return std::nullopt;
  return candidate;
}

// The latest loaded on or before `same_day`, within `same_day`'s month.
std::optional<core::Date> LatestInMonthUpTo(const std::vector<core::Date>& loaded,
                                            std::optional<core::Date> same_day) {
  if (!same_day) return std::nullopt;
  return LatestWithin(loaded, same_day->FirstDayOfMonth(), *same_day);
}

std::optional<core::Date> LatestInMonth(const std::vector<core::Date>& loaded,
                                        std::optional<core::Date> day_in_month) {
  if (!day_in_month) return std::nullopt;
  return LatestWithin(loaded, day_in_month->FirstDayOfMonth(), day_in_month->LastDayOfMonth());
}

}  // namespace

std::string_view ColumnName(Column column) {
  switch (column) {
    case Column::kA:
      return "A";
    case Column::kB:
      return "B";
    case Column::kC:
      return "C";
    case Column::kD:
      return "D";
    case Column::kE:
      return "E";
    case Column::kY:
      return "Y";
  }
  throw std::logic_error("unknown column");
}

std::string_view ChangeName(Change change) {
  switch (change) {
    case Change::kDtd:
      return "dtd";
    case Change::kMom:
      return "mom";
    case Change::kMtd:
      return "mtd";
    case Change::kYtd:
      return "ytd";
    case Change::kYoy:
      return "yoy";
  }
  throw std::logic_error("unknown change");
}

Column BaseOf(Change change) {
  switch (change) {
    case Change::kDtd:
      return Column::kD;
    case Change::kMom:
      return Column::kB;
    case Change::kMtd:
      return Column::kC;
    case Change::kYtd:
      return Column::kA;
    case Change::kYoy:
      return Column::kY;
  }
  throw std::logic_error("unknown change");
}

const std::optional<core::Date>& ComparisonDates::At(Column column) const {
  switch (column) {
    case Column::kA:
      return a;
    case Column::kB:
      return b;
    case Column::kC:
      return c;
    case Column::kD:
      return d;
    case Column::kE:
      return e;
    case Column::kY:
      return y;
  }
  throw std::logic_error("unknown column");
}

ComparisonDates CompareDates(const std::vector<core::Date>& loaded, core::Date selected) {
  ComparisonDates dates;
  if (std::binary_search(loaded.begin(), loaded.end(), selected)) dates.e = selected;
  auto before = std::lower_bound(loaded.begin(), loaded.end(), selected);
  if (before != loaded.begin()) dates.d = *std::prev(before);
  const auto previous_month_day = selected.FirstDayOfMonth().AddDays(-1);
  dates.c = LatestInMonth(loaded, previous_month_day);
  dates.b = LatestInMonthUpTo(loaded, selected.AddMonths(-1));
  dates.a = LatestInMonth(loaded, core::Date::FromYmd(selected.Year() - 1, 12, 1));
  dates.y = LatestInMonthUpTo(loaded, selected.AddYears(-1));
  return dates;
}

}  // namespace smedash::metrics
