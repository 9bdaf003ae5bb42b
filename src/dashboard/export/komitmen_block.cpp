#include "dashboard/export/komitmen_block.hpp"

#include <stdexcept>

#include "dashboard/export/json_access.hpp"

namespace smedash::dashboard::exports {
namespace {

const boost::json::value& FieldOrNull(const boost::json::object* object, std::string_view key) {
  static const boost::json::value kNull;
  const boost::json::value* value = object == nullptr ? nullptr : object->if_contains(key);
  return value == nullptr ? kNull : *value;
}

}  // namespace

bool HasKomitmen(const boost::json::object& data) {
  return OptionalObject(data, "komitmen") != nullptr;
}

std::vector<std::string> KomitmenTitles(const boost::json::object& data,
                                        const ExportContext& context) {
  const std::string month = StringOrEmpty(RequiredObject(data, "komitmen"), "month");
  if (month.size() < 7) throw std::invalid_argument("export data: bad komitmen month");
  return {
      context.Text("export.column.komitmen", {{"month", context.MonthHeader(month.substr(0, 7))}}),
      context.Text("export.column.achievement"), context.Text("export.column.gap")};
}

std::vector<Cell> KomitmenCells(const boost::json::object& row, NumberKind kind,
                                const ExportContext& context) {
  const boost::json::object* komitmen = OptionalObject(row, "komitmen");
  return {context.FigureCell(FieldOrNull(komitmen, "target"), kind),
          context.FigureCell(FieldOrNull(komitmen, "achievement"), NumberKind::kPercent),
          context.FigureCell(FieldOrNull(komitmen, "gap"), kind, /*change=*/true)};
}

}  // namespace smedash::dashboard::exports
