//! Which loaded positions the dashboards compare (domain.md section 6): columns A..E and Y
//! for a selected position. Pure: callers pass the loaded positions.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace smedash::metrics {

enum class Column { kA, kB, kC, kD, kE, kY };
inline constexpr Column kAllColumns[] = {Column::kA, Column::kB, Column::kC,
                                         Column::kD, Column::kE, Column::kY};
std::string_view ColumnName(Column column);  // "A" .. "E", "Y"

// A change shown next to the columns: E minus its base column.
enum class Change { kDtd, kMom, kMtd, kYtd, kYoy };
inline constexpr Change kAllChanges[] = {Change::kDtd, Change::kMom, Change::kMtd, Change::kYtd,
                                         Change::kYoy};
std::string_view ChangeName(Change change);  // "dtd", "mom", "mtd", "ytd", "yoy"
Column BaseOf(Change change);                // kDtd → kD, kMom → kB, kMtd → kC, ...

struct ComparisonDates {
  std::optional<core::Date> a, b, c, d, e, y;
  const std::optional<core::Date>& At(Column column) const;
};

// `loaded` ascending and distinct. E is `selected` when loaded, else nullopt with the rest
// computed as if it were (callers pick a loaded position first):
//   D: the latest loaded before S;
//   C: the latest loaded in the month before S's month;
//   B: the latest loaded on or before S − 1 month (day clamped), within that month;
//   A: the latest loaded in December of S's previous year;
//   Y: the latest loaded on or before S − 1 year (day clamped), within that month.
ComparisonDates CompareDates(const std::vector<core::Date>& loaded, core::Date selected);

}  // namespace smedash::metrics
