#include "data_management/view_data_repository.hpp"

#include <fmt/format.h>

#include <mutex>
#include <pqxx/pqxx>
#include <stdexcept>
#include <unordered_map>

#include "data_management/sql.hpp"
#include "data_management/view_data_columns.hpp"
#include "metrics/sql.hpp"

namespace smedash::data_management::view_data {
namespace {

// Read once, on first use (the embedded files are themselves statics).
const std::string& Statement(std::string_view file_name) {
  static const std::map<std::string, std::string, std::less<>> statements = [] {
    std::map<std::string, std::string, std::less<>> all;
    for (const char* name : {"view_data_settings.sql", "view_data_latest_position.sql",
                             "view_data_positions.sql", "view_data_segment_map.sql",
                             "view_data_count_aggregates.sql", "view_data_data_version.sql"}) {
      all.emplace(name, sql::Query(name));
    }
    return all;
  }();
  return statements.find(file_name)->second;
}

std::optional<std::string> Text(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return std::string(field.c_str(), field.size());
}

core::Date DateOf(const pqxx::field& field) {
  const auto date = core::Date::ParseIso(field.c_str());
  if (!date) throw std::runtime_error(fmt::format("view data: bad date '{}'", field.c_str()));
  return *date;
}

// The name a built query is prepared under. One list for the whole process, since every
// connection of the pool may run any query (each prepares a name the first time it runs
// it), and a name must always mean the same text. Bounded: the filters and sorts make a
// few hundred shapes at most; past the bound a query simply runs unprepared.
std::optional<std::string> StatementName(const std::string& sql) {
  constexpr std::size_t kCapacity = 512;
  static std::mutex mutex;
  static std::unordered_map<std::string, std::string> names;
  std::lock_guard lock(mutex);
  if (auto found = names.find(sql); found != names.end()) return found->second;
  if (names.size() >= kCapacity) return std::nullopt;
  std::string name = fmt::format("view_data_{}", names.size() + 1);
  names.emplace(sql, name);
  return name;
}

}  // namespace

pqxx::result ViewDataReader::Run(const SqlQuery& query) {
  const auto params = pqxx::prepare::make_dynamic_params(query.params);
  if (const auto name = StatementName(query.text)) {
    // Defining a name again with the same text does nothing; the connection prepares it
    // on its first run and keeps it.
    tx_.conn().prepare(*name, query.text);
    return tx_.exec_prepared(*name, params);
  }
  return tx_.exec_params(query.text, params);
}

void ViewDataReader::ApplySettings(std::chrono::milliseconds timeout) {
  timeout_ = timeout;
  KeepGenericPlans(false);
}

void ViewDataReader::KeepGenericPlans(bool keep) {
  tx_.exec_params(Statement("view_data_settings.sql"), std::to_string(timeout_.count()),
                  keep ? "force_generic_plan" : "auto");
}

std::vector<LoanRow> ViewDataReader::Rows(const SqlQuery& query) {
  const auto result = Run(query);
  const std::size_t columns = ViewColumns().size();
  std::vector<LoanRow> rows;
  rows.reserve(result.size());
  for (const auto& record : result) {
    LoanRow row;
    row.values.reserve(columns);
    for (std::size_t column_idx = 0; column_idx < columns; ++column_idx) {
      row.values.push_back(Text(record[static_cast<int>(column_idx)]));
    }
    row.upload_id = Text(record[static_cast<int>(columns)]);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::int64_t ViewDataReader::Count(const SqlQuery& query) {
  return Run(query)[0][0].as<std::int64_t>();
}

std::int64_t ViewDataReader::CountFromAggregates(const RowFilter& filter,
                                                 const std::optional<std::string>& segment) {
  const std::optional<std::string> position =
      filter.position ? std::optional(filter.position->ToIso()) : std::nullopt;
  const std::optional<std::string> units =
      filter.units ? std::optional(metrics::sql::ArrayLiteral(*filter.units)) : std::nullopt;
  const std::optional<std::string> grade =
      filter.grade ? std::optional(std::to_string(*filter.grade)) : std::nullopt;
  return tx_
      .exec_params1(Statement("view_data_count_aggregates.sql"), sql::OrNull(position),
                    sql::OrNull(units), sql::OrNull(filter.unit), sql::OrNull(segment),
                    sql::OrNull(grade))[0]
      .as<std::int64_t>();
}

std::optional<core::Date> ViewDataReader::LatestPosition() {
  const auto field = tx_.exec1(Statement("view_data_latest_position.sql"))[0];
  if (field.is_null()) return std::nullopt;
  return DateOf(field);
}

std::vector<core::Date> ViewDataReader::Positions() {
  std::vector<core::Date> positions;
  for (const auto& row : tx_.exec(Statement("view_data_positions.sql")))
    positions.push_back(DateOf(row[0]));
  return positions;
}

std::map<std::string, std::string> ViewDataReader::SegmentMap() {
  std::map<std::string, std::string> map;
  for (const auto& row : tx_.exec(Statement("view_data_segment_map.sql"))) {
    map.emplace(row[0].as<std::string>(), row[1].as<std::string>());
  }
  return map;
}

std::int64_t ViewDataReader::DataVersion() {
  return tx_.exec1(Statement("view_data_data_version.sql"))[0].as<std::int64_t>();
}

}  // namespace smedash::data_management::view_data
