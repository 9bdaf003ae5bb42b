#include "data_management/view_data_json.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "data_management/view_data_columns.hpp"

namespace smedash::data_management::view_data {
namespace {

std::string_view TypeName(ValueType type) {
  switch (type) {
    case ValueType::kText:
      return "text";
    case ValueType::kDate:
      return "date";
    case ValueType::kAmount:
      return "amount";
    case ValueType::kRate:
      return "rate";
    case ValueType::kInteger:
      return "integer";
    case ValueType::kFlag:
      return "flag";
  }
  return "text";
}

boost::json::value Value(const ViewColumn& column, const std::optional<std::string>& text) {
  if (!text) return nullptr;
  if (column.type == ValueType::kFlag) return *text == "t";
  if (column.type == ValueType::kInteger) {
    std::int64_t number = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), number);
    if (ec == std::errc() && end == text->data() + text->size()) return number;
  }
  // Amounts and rates stay decimal text: a JSON number is a binary float in the browser.
  return boost::json::string(*text);
}

boost::json::value Optional(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return boost::json::string(*text);
}

}  // namespace

boost::json::object RowToJson(const LoanRow& row) {
  boost::json::object object;
  const auto& columns = ViewColumns();
  for (std::size_t column_idx = 0; column_idx < columns.size(); ++column_idx) {
    object[columns[column_idx].name] = Value(columns[column_idx], row.values[column_idx]);
  }
  object["segment"] = row.segment;
  object["upload_id"] =
      row.upload_id ? boost::json::value(std::stoll(*row.upload_id)) : boost::json::value(nullptr);
  return object;
}

boost::json::object PageToJson(const RowPage& page, const SortOrder& sort, int page_rows) {
  boost::json::array rows;
  for (const auto& row : page.rows) rows.push_back(RowToJson(row));
  boost::json::object object{{"rows", std::move(rows)},
                             {"next", Optional(page.next)},
                             {"prev", Optional(page.prev)},
                             {"sort", sort.column->name},
                             {"dir", sort.descending ? "desc" : "asc"},
                             {"page_rows", page_rows}};
  object["position"] =
      page.position ? boost::json::value(page.position->ToIso()) : boost::json::value(nullptr);
  return object;
}

boost::json::object CountToJson(const RowCount& count) {
  std::string_view bound = "exact";
  if (count.bound == RowCount::Bound::kMoreThan) bound = "more_than";
  if (count.bound == RowCount::Bound::kAtLeast) bound = "at_least";
  return {
      {"count", count.count}, {"exact", count.bound == RowCount::Bound::kExact}, {"bound", bound}};
}

boost::json::object OptionsToJson(const FilterOptions& options, const ViewDataLimits& limits) {
  boost::json::array positions;
  for (const auto& date : options.positions) positions.push_back(boost::json::string(date.ToIso()));
  boost::json::array kancas;
  for (const auto& kanca : options.hierarchy.Kancas()) {
    kancas.push_back({{"id", kanca.id},
                      {"code", kanca.code ? boost::json::value(*kanca.code) : nullptr},
                      {"name", kanca.name}});
  }
  boost::json::array units;
  for (const auto& unit : options.hierarchy.Units()) {
    units.push_back({{"code", unit.code},
                     {"name", unit.name},
                     {"kanca", options.hierarchy.Kancas()[unit.kanca].id},
                     {"is_office", unit.is_office}});
  }
  boost::json::array columns;
  for (const auto& column : ViewColumns()) {
    columns.push_back({{"name", column.name},
                       {"header", column.header},
                       {"type", TypeName(column.type)},
                       {"shown", column.shown}});
  }
  boost::json::value latest = nullptr;
  if (!options.positions.empty()) latest = boost::json::string(options.positions.front().ToIso());
  return {{"positions", std::move(positions)},
          {"latest", std::move(latest)},
          {"kancas", std::move(kancas)},
          {"units", std::move(units)},
          {"segments", {"MEDIUM", "SMALL NCC", "CC", "KUR"}},
          {"grades", {1, 2, 3, 4, 5}},
          {"columns", std::move(columns)},
          {"page_rows", limits.page_rows},
          {"xlsx_max_rows", limits.xlsx_max_rows}};
}

}  // namespace smedash::data_management::view_data
