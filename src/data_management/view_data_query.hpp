//! The SQL of the View data page, built from the column whitelist (view_data_columns) with
//! every value bound as a parameter: the filter and search conditions, and keyset paging
//! (rows after a cursor in the sort order, read with an index where one fits) instead of
//! OFFSET, so any page costs what the first does. No text from a request ever becomes SQL.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "data_management/view_data_request.hpp"

namespace smedash::data_management::view_data {

// The filters resolved against the data: a kanca as its units, a segment as CODEs.
struct RowFilter {
  std::optional<core::Date> position;             // none: every position
  std::optional<std::vector<std::string>> units;  // a kanca's units (possibly none)
  std::optional<std::string> unit;
  std::optional<std::vector<std::string>> codes;  // CODEs of the segment…
  bool codes_excluded = false;                    // …or, for SMALL NCC, of every other one
  std::optional<int> grade;
  std::string search;  // trimmed; empty = none
};

struct SqlQuery {
  std::string text;
  std::vector<std::string> params;  // $1, $2, … in order; never NULL
};

// The rows of `filter` in the order of `sort` (then position, then account number, so
// the order is total), read forwards or backwards from `start` (exclusive), at most
// `limit`. Backwards reads the rows before `start`, nearest first. Selects
// ViewColumns() in order, then upload_id.
SqlQuery BuildRowsQuery(const RowFilter& filter, const SortOrder& sort, bool backwards,
                        const std::optional<Cursor>& start, int limit);

// How many rows `filter` selects, counting at most `cap`.
SqlQuery BuildCountQuery(const RowFilter& filter, std::int64_t cap);

}  // namespace smedash::data_management::view_data
