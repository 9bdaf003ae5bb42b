#include "data_management/view_data_query.hpp"

#include <fmt/format.h>

#include "ingest/validate/text_util.hpp"
#include "metrics/sql.hpp"

namespace smedash::data_management::view_data {
namespace {

// Parameters in the order they are referenced; each reference is "$n" or "$n::type".
class Params {
 public:
  std::string Add(std::string value, std::string_view cast = "text") {
    values_.push_back(std::move(value));
    return fmt::format("${}::{}", values_.size(), cast);
  }
  std::vector<std::string> Take() { return std::move(values_); }

 private:
  std::vector<std::string> values_;
};

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t part_idx = 0; part_idx < parts.size(); ++part_idx) {
    if (part_idx > 0) out += separator;
    out += parts[part_idx];
  }
  return out;
}

// Identifiers match from their start, as typed or in capitals (CIFs are written in
// capitals; LIKE costs half of ILIKE, and every row of a search over all positions is
// read); the name anywhere, ignoring case. No index serves this: a trigram GIN index would
// slow every upload's COPY two- to fivefold (measured, README).
std::string SearchCondition(const std::string& search, Params& params) {
  const std::string escaped = EscapeLike(search);
  std::string upper = escaped;
  for (char& c : upper) c = ingest::AsciiUpper(c);
  std::string prefix = params.Add(escaped + "%");
  if (upper != escaped) prefix = "ANY(ARRAY[" + prefix + ", " + params.Add(upper + "%") + "])";
  const std::string anywhere = params.Add("%" + escaped + "%");
  std::vector<std::string> tests;
  for (const auto column : SearchedIdentifierColumns()) {
    tests.push_back(fmt::format("l.{} LIKE {}", column, prefix));
  }
  tests.push_back(fmt::format("l.{} ILIKE {}", kSearchedNameColumn, anywhere));
  return "(" + Join(tests, " OR ") + ")";
}

std::vector<std::string> FilterConditions(const RowFilter& filter, Params& params) {
  std::vector<std::string> conditions;
  if (filter.position) {
    conditions.push_back("l.periode = " + params.Add(filter.position->ToIso(), "date"));
  }
  if (filter.units) {
    conditions.push_back("l.kode_uker = ANY(" +
                         params.Add(metrics::sql::ArrayLiteral(*filter.units), "text[]") + ")");
  }
  if (filter.unit) conditions.push_back("l.kode_uker = " + params.Add(*filter.unit));
  if (filter.codes) {
    const std::string codes = params.Add(metrics::sql::ArrayLiteral(*filter.codes), "text[]");
    conditions.push_back(filter.codes_excluded ? "l.code <> ALL(" + codes + ")"
                                               : "l.code = ANY(" + codes + ")");
  }
  if (filter.grade) {
    conditions.push_back("l.kol_adk = " + params.Add(std::to_string(*filter.grade), "smallint"));
  }
  if (!filter.search.empty()) conditions.push_back(SearchCondition(filter.search, params));
  return conditions;
}

// The total order: the sort column, then position and account number (the primary key),
// without repeating a key column. NULLs come last going up, first going down, so going
// down is exactly going up backwards.
std::vector<const ViewColumn*> SortKeys(const SortOrder& sort) {
  const ViewColumn* periode = &ColumnNamed(kPeriode);
  const ViewColumn* account = &ColumnNamed(kAccount);
  if (sort.column == periode) return {periode, account};
  if (sort.column == account) return {account, periode};
  return {sort.column, periode, account};
}

std::string OrderBy(const std::vector<const ViewColumn*>& keys, bool ascending) {
  std::vector<std::string> terms;
  for (const ViewColumn* key : keys) {
    std::string term = fmt::format("l.{} {}", key->name, ascending ? "ASC" : "DESC");
    if (key->nullable) term += ascending ? " NULLS LAST" : " NULLS FIRST";
    terms.push_back(std::move(term));
  }
  return Join(terms, ", ");
}

// Rows strictly after `start` in the scan's direction.
std::vector<std::string> KeysetConditions(const std::vector<const ViewColumn*>& keys,
                                          bool ascending, const Cursor& start, Params& params) {
  const std::string op = ascending ? ">" : "<";
  auto value_of = [&](const ViewColumn* key) -> std::optional<std::string> {
    if (key->name == kPeriode) return start.periode.ToIso();
    if (key->name == kAccount) return start.account;
    return start.value;
  };
  std::vector<std::string> names;
  std::vector<std::string> values;
  for (const ViewColumn* key : keys) {
    names.push_back("l." + std::string(key->name));
    if (auto value = value_of(key)) values.push_back(params.Add(std::move(*value), key->sql_type));
  }
  const ViewColumn* first = keys.front();
  if (!first->nullable) {
    // The leading key alone as well: an index range on it, and partitions pruned by it.
    return {fmt::format("({}) {} ({})", Join(names, ", "), op, Join(values, ", ")),
            fmt::format("{} {}= {}", names.front(), op, values.front())};
  }
  const std::string rest_names = Join({names[1], names[2]}, ", ");
  if (start.value) {
    // values = {v, p, a}
    const std::string row = fmt::format("({}) {} ({})", Join(names, ", "), op, Join(values, ", "));
    if (!ascending) return {row};  // NULLs come first going down: none is before a value
    return {fmt::format("({} IS NULL OR {})", names.front(), row)};
  }
  // values = {p, a}: the cursor's row has no value.
  const std::string rest = fmt::format("({}) {} ({})", rest_names, op, Join(values, ", "));
  if (ascending) return {fmt::format("({} IS NULL AND {})", names.front(), rest)};
  return {fmt::format("({} IS NOT NULL OR {})", names.front(), rest)};
}

std::string SelectList() {
  std::vector<std::string> columns;
  for (const auto& column : ViewColumns()) columns.push_back("l." + std::string(column.name));
  columns.emplace_back("l.upload_id");
  return Join(columns, ", ");
}

std::string WhereClause(const std::vector<std::string>& conditions) {
  return conditions.empty() ? std::string() : " WHERE " + Join(conditions, " AND ");
}

}  // namespace

SqlQuery BuildRowsQuery(const RowFilter& filter, const SortOrder& sort, bool backwards,
                        const std::optional<Cursor>& start, int limit) {
  Params params;
  auto conditions = FilterConditions(filter, params);
  const auto keys = SortKeys(sort);
  const bool ascending = sort.descending == backwards;
  if (start) {
    for (auto& condition : KeysetConditions(keys, ascending, *start, params)) {
      conditions.push_back(std::move(condition));
    }
  }
  // The limit is ours, never the client's, so it is written in: a generic plan then knows
  // how few rows are wanted.
  std::string text = fmt::format("SELECT {} FROM loan_data l{} ORDER BY {} LIMIT {}", SelectList(),
                                 WhereClause(conditions), OrderBy(keys, ascending), limit);
  return {std::move(text), params.Take()};
}

SqlQuery BuildCountQuery(const RowFilter& filter, std::int64_t cap) {
  Params params;
  const auto conditions = FilterConditions(filter, params);
  std::string text =
      fmt::format("SELECT count(*) FROM (SELECT 1 FROM loan_data l{} LIMIT {}) AS counted",
                  WhereClause(conditions), cap);
  return {std::move(text), params.Take()};
}

}  // namespace smedash::data_management::view_data
