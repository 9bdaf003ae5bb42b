//! Dates as bank files write them (domain.md section 2): dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy,
//! yyyy-mm-dd, "09 Okt 2025", "09-Oct-2025" (Indonesian or English month names, short or
//! full), and spreadsheet date cells and serial numbers. Day first, always: "10/9/2025" is
//! 10 September, and "10/13/2025" is no date rather than a guess.
#pragma once
#include <optional>
#include <string_view>

#include "core/date.hpp"

namespace smedash::ingest {

// Years outside this range are typing errors in a loan file, not dates.
inline constexpr int kMinFileYear = 1900;
inline constexpr int kMaxFileYear = 9999;

// A date written as text (already trimmed). A time of day after an ISO date
// ("2025-10-09 00:00:00", "2025-10-09T08:30") or after a day-first date ("09/10/2025 0:00")
// is dropped, as spreadsheet exports add one.
std::optional<core::Date> ParseDateText(std::string_view trimmed);

// 1..12 for a month name, Indonesian or English, short or full, any case ("Okt", "AUGUST",
// "Agt", "Sept"); 0 for anything else. Komitmen file names use the same names.
int MonthFromName(std::string_view name);

// An Excel serial day number in the 1900 date system (1 = 1900-01-01, 45939 = 2025-10-09),
// from a number cell's exact text; a fraction (time of day) is dropped. nullopt outside
// 1..2958465 (9999-12-31), and for 60: Excel's 29 February 1900, a day that never was.
std::optional<core::Date> DateFromExcelSerial(std::string_view number_text);

// "0", "00/00/0000", "0000-00-00", "00-00-0000": how files write "no date".
bool IsNoDate(std::string_view trimmed);

}  // namespace smedash::ingest
