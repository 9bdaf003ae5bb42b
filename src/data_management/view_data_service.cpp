#include "data_management/view_data_service.hpp"

#include <algorithm>
#include <pqxx/pqxx>
#include <stdexcept>

#include "data_management/view_data_columns.hpp"
#include "data_management/view_data_query.hpp"

namespace smedash::data_management::view_data {
namespace {

constexpr std::string_view kFallbackSegment = "SMALL NCC";  // a CODE the map lacks

// One snapshot for every statement of the transaction (read committed takes one per
// statement), where a data version and the rows must belong together.
using Snapshot = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

// The filters as the data has them, read in the request's transaction.
struct Resolved {
  RowFilter filter;
  std::optional<std::string> segment;
  std::map<std::string, std::string> segments;  // the segment map
  bool nothing_loaded = false;  // the latest position was asked for and there is none
};

std::vector<std::string> UnitsOf(const metrics::Hierarchy& hierarchy, std::size_t kanca_idx) {
  const auto& kanca = hierarchy.Kancas()[kanca_idx];
  std::vector<std::string> units;
  if (kanca.office) units.push_back(hierarchy.Units()[*kanca.office].code);
  for (const std::size_t unit_idx : kanca.kcps) units.push_back(hierarchy.Units()[unit_idx].code);
  return units;
}

// CODEs selecting `segment`: those mapped to it, or for the fallback segment every CODE
// mapped elsewhere, excluded (a CODE the map lacks is the fallback's).
void SelectSegment(const std::map<std::string, std::string>& segments, const std::string& segment,
                   RowFilter& filter) {
  const bool fallback = segment == kFallbackSegment;
  std::vector<std::string> codes;
  for (const auto& [code, mapped] : segments) {
    if ((mapped == segment) != fallback) codes.push_back(code);
  }
  filter.codes = std::move(codes);
  filter.codes_excluded = fallback;
}

Parsed<Resolved> Resolve(pqxx::transaction_base& tx, ViewDataReader& reader,
                         const ViewFilters& filters) {
  Resolved resolved;
  auto& filter = resolved.filter;
  switch (filters.scope) {
    case ViewFilters::Scope::kLatest:
      filter.position = reader.LatestPosition();
      resolved.nothing_loaded = !filter.position;
      break;
    case ViewFilters::Scope::kDate:
      filter.position = filters.position;
      break;
    case ViewFilters::Scope::kAll:
      break;
  }
  if (filters.kanca) {
    // The unit hierarchy, as the dashboards group units: a unit that moved to another
    // kanca shows all its rows under the kanca it belongs to now.
    const auto hierarchy = metrics::Hierarchy::Load(tx);
    const auto kanca_idx = hierarchy.FindKanca(*filters.kanca);
    if (!kanca_idx) return RequestProblem{"kanca", "view_data.error.kanca", {}, "validation"};
    filter.units = UnitsOf(hierarchy, *kanca_idx);
  }
  filter.unit = filters.unit;
  resolved.segments = reader.SegmentMap();
  if (filters.segment) {
    SelectSegment(resolved.segments, *filters.segment, filter);
    resolved.segment = filters.segment;
  }
  filter.grade = filters.grade;
  filter.search = filters.search;
  return resolved;
}

std::size_t ColumnIndex(std::string_view name) {
  const auto& columns = ViewColumns();
  for (std::size_t column_idx = 0; column_idx < columns.size(); ++column_idx) {
    if (columns[column_idx].name == name) return column_idx;
  }
  throw std::logic_error("view data: no column " + std::string(name));
}

// The place of `row` in `sort`'s order.
Cursor CursorAt(const LoanRow& row, const SortOrder& sort) {
  Cursor cursor;
  cursor.sort = std::string(sort.column->name);
  cursor.descending = sort.descending;
  cursor.value = row.values[ColumnIndex(sort.column->name)];
  const auto periode = core::Date::ParseIso(row.values[ColumnIndex(kPeriode)].value_or(""));
  if (!periode) throw std::runtime_error("view data: a row without a position");
  cursor.periode = *periode;
  cursor.account = row.values[ColumnIndex(kAccount)].value_or("");
  return cursor;
}

void FillSegments(std::vector<LoanRow>& rows, const std::map<std::string, std::string>& segments) {
  const std::size_t code_idx = ColumnIndex("code");
  for (auto& row : rows) {
    const auto found = segments.find(row.values[code_idx].value_or(""));
    row.segment = found == segments.end() ? std::string(kFallbackSegment) : found->second;
  }
}

}  // namespace

Parsed<RowPage> ViewDataService::Page(const PageRequest& request) {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  ViewDataReader reader(tx);
  reader.ApplySettings(limits_.statement_timeout);
  auto resolved = Resolve(tx, reader, request.filters);
  if (auto* problem = std::get_if<RequestProblem>(&resolved)) return std::move(*problem);
  auto& [filter, segment, segments, nothing_loaded] = std::get<Resolved>(resolved);
  RowPage page;
  page.position = filter.position;
  if (nothing_loaded) return page;

  const bool backwards = request.direction == PageDirection::kBefore;
  reader.KeepGenericPlans(!filter.position);
  auto rows = reader.Rows(
      BuildRowsQuery(filter, request.sort, backwards, request.cursor, limits_.page_rows + 1));
  // One row more than a page says whether another page follows in the reading direction.
  const bool more = rows.size() > static_cast<std::size_t>(limits_.page_rows);
  if (more) rows.pop_back();
  if (backwards) std::reverse(rows.begin(), rows.end());
  FillSegments(rows, segments);
  if (!rows.empty()) {
    const bool has_next = backwards || more;
    const bool has_prev = backwards ? more : request.direction == PageDirection::kAfter;
    if (has_next) page.next = EncodeCursor(CursorAt(rows.back(), request.sort));
    if (has_prev) page.prev = EncodeCursor(CursorAt(rows.front(), request.sort));
  }
  page.rows = std::move(rows);
  return page;
}

Parsed<RowCount> ViewDataService::Count(const ViewFilters& filters) {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  ViewDataReader reader(tx);
  reader.ApplySettings(limits_.statement_timeout);
  auto resolved = Resolve(tx, reader, filters);
  if (auto* problem = std::get_if<RequestProblem>(&resolved)) return std::move(*problem);
  const auto& [filter, segment, segments, nothing_loaded] = std::get<Resolved>(resolved);
  if (nothing_loaded) return RowCount{0, RowCount::Bound::kExact};
  if (filter.search.empty())
    return RowCount{reader.CountFromAggregates(filter, segment), RowCount::Bound::kExact};
  if (filter.position) {
    const std::int64_t counted = reader.Count(BuildCountQuery(filter, limits_.count_cap + 1));
    if (counted > limits_.count_cap) return RowCount{limits_.count_cap, RowCount::Bound::kMoreThan};
    return RowCount{counted, RowCount::Bound::kExact};
  }
  return CountEveryPosition(reader, filter);
}

RowCount ViewDataService::CountEveryPosition(ViewDataReader& reader, RowFilter filter) {
  const auto deadline = std::chrono::steady_clock::now() + limits_.count_budget;
  const auto positions = reader.Positions();
  std::int64_t counted = 0;
  for (std::size_t position_idx = 0; position_idx < positions.size(); ++position_idx) {
    filter.position = positions[position_idx];
    counted += reader.Count(BuildCountQuery(filter, limits_.count_cap + 1 - counted));
    if (counted > limits_.count_cap) return RowCount{limits_.count_cap, RowCount::Bound::kMoreThan};
    const bool last = position_idx + 1 == positions.size();
    if (!last && std::chrono::steady_clock::now() >= deadline) {
      return RowCount{counted, RowCount::Bound::kAtLeast};  // the rows counted so far
    }
  }
  return RowCount{counted, RowCount::Bound::kExact};
}

FilterOptions ViewDataService::Options() {
  auto lease = pool_.Acquire();
  pqxx::read_transaction tx(*lease);
  ViewDataReader reader(tx);
  reader.ApplySettings(limits_.statement_timeout);
  return FilterOptions{reader.Positions(), metrics::Hierarchy::Load(tx)};
}

Parsed<ExportPlan> ViewDataService::PlanExport(const ViewFilters& filters, const SortOrder& sort,
                                               bool xlsx) {
  auto lease = pool_.Acquire();
  Snapshot tx(*lease);
  ViewDataReader reader(tx);
  reader.ApplySettings(limits_.statement_timeout);
  auto resolved = Resolve(tx, reader, filters);
  if (auto* problem = std::get_if<RequestProblem>(&resolved)) return std::move(*problem);
  auto& [filter, segment, segments, nothing_loaded] = std::get<Resolved>(resolved);
  ExportPlan plan;
  plan.sort = sort;
  plan.data_version = reader.DataVersion();
  plan.segments = std::move(segments);
  if (nothing_loaded) return plan;

  if (xlsx) {
    const std::int64_t limit = limits_.xlsx_max_rows;
    const std::int64_t rows = filter.search.empty()
                                  ? reader.CountFromAggregates(filter, segment)
                                  : reader.Count(BuildCountQuery(filter, limit + 1));
    if (rows > limit) {
      return RequestProblem{"format",
                            "view_data.error.xlsx_too_many",
                            {{"max", std::to_string(limit)}},
                            "too_many_rows"};
    }
  }
  if (filter.position) {
    plan.positions = {*filter.position};
  } else {
    plan.positions = reader.Positions();  // newest first
    if (sort.column->name == kPeriode && !sort.descending) {
      std::reverse(plan.positions.begin(), plan.positions.end());
    }
  }
  filter.position.reset();
  plan.filter = std::move(filter);
  return plan;
}

std::vector<LoanRow> ViewDataService::ReadExportRows(const ExportPlan& plan,
                                                     ExportProgress& progress) {
  auto lease = pool_.Acquire();
  Snapshot tx(*lease);  // the version checked is the version of the rows read
  ViewDataReader reader(tx);
  reader.ApplySettings(limits_.statement_timeout);
  if (reader.DataVersion() != plan.data_version) {
    throw std::runtime_error("view data export: the data changed while it was written");
  }
  RowFilter filter = plan.filter;
  // Positions without a matching row cost one quick query each; skip to the next with rows.
  while (!progress.Done(plan)) {
    filter.position = plan.positions[progress.position_idx];
    auto rows = reader.Rows(
        BuildRowsQuery(filter, plan.sort, false, progress.last, limits_.export_chunk_rows));
    if (rows.size() < static_cast<std::size_t>(limits_.export_chunk_rows)) {
      ++progress.position_idx;
      progress.last.reset();
    } else {
      progress.last = CursorAt(rows.back(), plan.sort);
    }
    if (!rows.empty()) {
      FillSegments(rows, plan.segments);
      return rows;
    }
  }
  return {};
}

}  // namespace smedash::data_management::view_data
