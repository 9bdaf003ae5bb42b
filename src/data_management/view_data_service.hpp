//! View data (/data/view/, issue 5): pages of loan_data through the filters, search and
//! sort, counted, and read in steps for the exports. Resolves the filters against the data
//! (the latest position, a kanca's units by the unit hierarchy, a segment's CODEs by the
//! segment map) and runs each request in one short read-only transaction.
#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "data_management/view_data_repository.hpp"
#include "data_management/view_data_request.hpp"
#include "db/pool.hpp"
#include "metrics/hierarchy.hpp"

namespace smedash::data_management::view_data {

struct ViewDataLimits {
  int page_rows = 100;
  // An XLSX sheet holds 1,048,576 rows; one is the header.
  std::int64_t xlsx_max_rows = 1'048'575;
  // A search is counted up to here (1,000 pages); past it the page says "more than".
  std::int64_t count_cap = 100'000;
  // A search over every position reads every row (no index, see view_data_query.cpp): it
  // is counted position by position, newest first, for about this long; then the page
  // says "more than" the rows counted so far.
  std::chrono::milliseconds count_budget{2'000};
  int export_chunk_rows = 5'000;  // rows read per step of an export
  // A sort over every position's ten million rows takes seconds; past this it is stopped.
  std::chrono::milliseconds statement_timeout{60'000};
};

struct RowPage {
  std::vector<LoanRow> rows;
  std::optional<std::string> next;     // cursor of the page after, when there is one
  std::optional<std::string> prev;     // cursor of the page before, when there is one
  std::optional<core::Date> position;  // the one position shown; none = every position
};

struct RowCount {
  enum class Bound {
    kExact,
    kMoreThan,  // stopped at the cap: more than `count` rows
    kAtLeast,   // stopped by the time budget: `count` rows or more
  };
  std::int64_t count = 0;
  Bound bound = Bound::kExact;
};

struct FilterOptions {
  std::vector<core::Date> positions;  // newest first
  metrics::Hierarchy hierarchy;
};

// What an export reads, fixed when it starts: position by position in `positions`, each
// in the sort's order (the table's order within a position).
struct ExportPlan {
  RowFilter filter;  // every filter but the position
  SortOrder sort;
  std::vector<core::Date> positions;
  std::map<std::string, std::string> segments;  // the segment map (CODE → segment)
  std::int64_t data_version = 0;
};

// Where an export has got to.
struct ExportProgress {
  std::size_t position_idx = 0;
  std::optional<Cursor> last;  // the last row written of the current position
  bool Done(const ExportPlan& plan) const { return position_idx >= plan.positions.size(); }
};

class ViewDataService {
 public:
  ViewDataService(db::Pool& pool, ViewDataLimits limits) : pool_(pool), limits_(limits) {}

  const ViewDataLimits& Limits() const { return limits_; }

  Parsed<RowPage> Page(const PageRequest& request);
  // Exact from the aggregates without a search; a search up to count_cap, and over every
  // position for count_budget at most.
  Parsed<RowCount> Count(const ViewFilters& filters);
  FilterOptions Options();

  // Refuses an XLSX of more rows than a sheet holds (code "too_many_rows").
  Parsed<ExportPlan> PlanExport(const ViewFilters& filters, const SortOrder& sort, bool xlsx);
  // The next rows of the export (empty once it is done), advancing `progress`. Throws
  // std::runtime_error when the data changed since the plan was made (a load or delete
  // committed), so an export never mixes two states of the data.
  std::vector<LoanRow> ReadExportRows(const ExportPlan& plan, ExportProgress& progress);

 private:
  // A search over every position, position by position, within count_budget.
  RowCount CountEveryPosition(ViewDataReader& reader, RowFilter filter);

  db::Pool& pool_;
  ViewDataLimits limits_;
};

}  // namespace smedash::data_management::view_data
