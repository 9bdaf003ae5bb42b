//! The loan_data columns the View data page reads, shows, sorts by and exports: every
//! column of the upload file in the file's order (ingest/columns.hpp), then the effective
//! OS the dashboards count. The one list the query builder, the JSON, the CSV and the XLSX
//! export agree on; sorting accepts only the columns the table shows.
#pragma once
#include <string_view>
#include <vector>

namespace smedash::data_management::view_data {

// How a value is sent and written: amounts and rates are exact decimal text everywhere.
enum class ValueType { kText, kDate, kAmount, kRate, kInteger, kFlag };

struct ViewColumn {
  std::string_view name;    // loan_data column; also the JSON key and the sort key
  std::string_view header;  // export header, as the upload file names the column
  ValueType type;
  std::string_view sql_type;  // the cast for a bound cursor value: "date", "numeric", ...
  bool nullable;
  bool shown;  // a column of the page's table, so the page may sort by it
};

// Every column, in export order.
const std::vector<ViewColumn>& ViewColumns();
// A column of the table by name, or nullptr (the sort whitelist).
const ViewColumn* FindShownColumn(std::string_view name);
const ViewColumn& ColumnNamed(std::string_view name);  // throws for an unknown name

inline constexpr std::string_view kPeriode = "periode";
inline constexpr std::string_view kAccount = "nomor_rekening";

// The columns the search box looks in besides the debtor's name: identifiers, matched
// from their start (account number, CIF, every staff number column).
const std::vector<std::string_view>& SearchedIdentifierColumns();
inline constexpr std::string_view kSearchedNameColumn = "nama_debitur";

}  // namespace smedash::data_management::view_data
