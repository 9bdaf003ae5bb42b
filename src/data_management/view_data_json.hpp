//! The View data API's JSON: a page of rows (amounts and rates as exact decimal strings,
//! dates as yyyy-mm-dd, grades and counts as numbers, flags as booleans), the count, and
//! the filter options.
#pragma once
#include <boost/json/object.hpp>

#include "data_management/view_data_service.hpp"

namespace smedash::data_management::view_data {

boost::json::object RowToJson(const LoanRow& row);
// {"rows", "next", "prev", "position", "sort", "dir", "page_rows"}
boost::json::object PageToJson(const RowPage& page, const SortOrder& sort, int page_rows);
// {"count", "exact", "bound": "exact" | "more_than" (the cap) | "at_least" (the time budget)}
boost::json::object CountToJson(const RowCount& count);
// {"positions", "latest", "kancas": [{id, code, name}], "units": [{code, name, kanca}],
//  "segments", "grades", "columns": [{name, type, shown}], "page_rows", "xlsx_max_rows"}
boost::json::object OptionsToJson(const FilterOptions& options, const ViewDataLimits& limits);

}  // namespace smedash::data_management::view_data
