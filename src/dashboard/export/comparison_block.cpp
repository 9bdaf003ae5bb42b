#include "dashboard/export/comparison_block.hpp"

#include <array>
#include <string_view>

#include "dashboard/export/json_access.hpp"

namespace smedash::dashboard::exports {
namespace {

constexpr std::array<std::string_view, 5> kValueColumns = {"A", "B", "C", "D", "E"};
constexpr std::array<std::string_view, 6> kComparedDates = {"A", "B", "C", "D", "E", "Y"};
// Domain.md 7's column order; the titles are the same abbreviations in both languages.
constexpr std::array<std::string_view, 5> kChanges = {"dtd", "mom", "mtd", "ytd", "yoy"};
constexpr std::array<std::string_view, 5> kChangeTitles = {"DtD", "MoM", "MtD", "YtD", "YoY"};
constexpr std::string_view kMissing = "–";

const boost::json::value& FieldOrNull(const boost::json::object* object, std::string_view key) {
  static const boost::json::value kNull;
  if (object == nullptr) return kNull;
  const boost::json::value* value = object->if_contains(key);
  return value == nullptr ? kNull : *value;
}

}  // namespace

std::vector<std::string> ComparisonTitles(const boost::json::object* columns,
                                          const ExportContext& context) {
  std::vector<std::string> titles;
  for (const std::string_view letter : kValueColumns) {
    const boost::json::value& date = FieldOrNull(columns, letter);
    titles.push_back(date.is_string() ? context.ColumnDate(date.get_string())
                                      : std::string(kMissing));
  }
  for (const std::string_view change : kChangeTitles) {
    titles.emplace_back(change);
    titles.emplace_back("%");
  }
  return titles;
}

std::vector<Cell> ComparisonCells(const boost::json::object& row, NumberKind kind,
                                  const ExportContext& context) {
  std::vector<Cell> cells;
  const boost::json::object* values = OptionalObject(row, "values");
  for (const std::string_view letter : kValueColumns) {
    cells.push_back(context.FigureCell(FieldOrNull(values, letter), kind));
  }
  const boost::json::object* changes = OptionalObject(row, "changes");
  for (const std::string_view change : kChanges) {
    const boost::json::object* pair = changes ? OptionalObject(*changes, change) : nullptr;
    cells.push_back(context.FigureCell(FieldOrNull(pair, "value"), kind, /*change=*/true));
    cells.push_back(
        context.FigureCell(FieldOrNull(pair, "percent"), NumberKind::kGrowth, /*change=*/true));
  }
  return cells;
}

void AddComparedDates(std::vector<HeaderLine>& header, const boost::json::object* columns,
                      const ExportContext& context) {
  for (const std::string_view letter : kComparedDates) {
    const boost::json::value& date = FieldOrNull(columns, letter);
    header.push_back(
        {context.Text("export.compared." + std::string(letter)),
         date.is_string() ? ExportContext::DateCell(date.get_string()) : Cell::Missing()});
  }
}

}  // namespace smedash::dashboard::exports
