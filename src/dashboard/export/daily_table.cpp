// Grafik Harian (domain.md 7) as a table: one row per point of the view (a position, a day
// of a compared month, or a month's last position), one column per metric.
#include <cstdint>
#include <stdexcept>

#include "dashboard/export/json_access.hpp"
#include "dashboard/export/table_builders.hpp"

namespace smedash::dashboard::exports {
namespace {

const boost::json::value& FieldOrNull(const boost::json::object& object, std::string_view key) {
  static const boost::json::value kNull;
  const boost::json::value* value = object.if_contains(key);
  return value == nullptr ? kNull : *value;
}

void AddMetricCells(Row& row, const boost::json::object& point, const ExportContext& context) {
  for (const std::string_view metric : kMetrics) {
    row.cells.push_back(context.FigureCell(FieldOrNull(point, metric), KindOfMetric(metric)));
  }
}

Cell DayCell(const boost::json::object& point) {
  const boost::json::value& day = FieldOrNull(point, "day");
  if (!day.is_int64()) throw std::invalid_argument("export data: \"day\" is not a number");
  return Cell::Number(std::to_string(day.get_int64()), NumberKind::kCount);
}

// Points of every view, in order, each with the cells that come before the metrics.
void AddRows(Table& table, const boost::json::object& data, const std::string& view,
             const ExportContext& context) {
  const auto add = [&](const boost::json::object& point, std::vector<Cell> leading) {
    Row row{.cells = std::move(leading)};
    row.cells.push_back(ExportContext::DateCell(StringOrEmpty(point, "position")));
    AddMetricCells(row, point, context);
    table.rows.push_back(std::move(row));
  };
  if (view == "compare") {
    for (const boost::json::value& element : ArrayOrEmpty(data, "series")) {
      const boost::json::object& series = ElementObject(element, "series");
      const std::string month = context.MonthHeader(StringOrEmpty(series, "month"));
      for (const boost::json::value& point : ArrayOrEmpty(series, "points")) {
        const boost::json::object& fields = ElementObject(point, "points");
        add(fields, {Cell::Text(month), DayCell(fields)});
      }
    }
    return;
  }
  for (const boost::json::value& point : ArrayOrEmpty(data, "points")) {
    const boost::json::object& fields = ElementObject(point, "points");
    if (view == "monthly") {
      add(fields, {Cell::Text(context.MonthHeader(StringOrEmpty(fields, "month")))});
    } else {
      add(fields, {});
    }
  }
}

// From/to as the request gave them, else as the points span (the page's default range).
void AddRangeLines(std::vector<HeaderLine>& header, const boost::json::object& data,
                   const ExportContext& context) {
  const boost::json::array& points = ArrayOrEmpty(data, "points");
  std::string from = StringOrEmpty(data, "from");
  std::string to = StringOrEmpty(data, "to");
  if (from.empty() && !points.empty()) {
    from = StringOrEmpty(ElementObject(points.front(), "points"), "position");
  }
  if (to.empty() && !points.empty()) {
    to = StringOrEmpty(ElementObject(points.back(), "points"), "position");
  }
  header.push_back({context.Text("export.filter.from"), ExportContext::DateCell(from)});
  header.push_back({context.Text("export.filter.to"), ExportContext::DateCell(to)});
}

std::vector<HeaderLine> DailyHeader(const boost::json::object& data, const std::string& view,
                                    const ExportContext& context) {
  std::vector<HeaderLine> header;
  header.push_back(
      {context.Text("export.filter.view"), Cell::Text(context.Text("export.view." + view))});
  header.push_back({context.Text("export.filter.group"),
                    Cell::Text(context.GroupLabel(StringOrEmpty(data, "group")))});
  AddKancaLine(header, data, context);
  if (view == "compare") {
    // The months asked for; the series loaded when the answer does not say.
    const boost::json::value* asked = data.if_contains("months");
    const std::int64_t months =
        asked && asked->is_int64() ? asked->get_int64()
                                   : static_cast<std::int64_t>(ArrayOrEmpty(data, "series").size());
    header.push_back({context.Text("export.filter.months"),
                      Cell::Number(std::to_string(months), NumberKind::kCount)});
  }
  AddRangeLines(header, data, context);
  AddUnitLine(header, context);
  return header;
}

}  // namespace

Table BuildDailyTable(const boost::json::object& data, const ExportContext& context) {
  const std::string view = StringOrEmpty(data, "view");
  if (view != "daily" && view != "compare" && view != "monthly") {
    throw std::invalid_argument("export data: unknown daily view \"" + view + "\"");
  }
  const std::string view_label = context.Text("export.view." + view);
  Table table{.sheet_name = view_label,
              .title = context.Text("export.title.daily", {{"view", view_label}}),
              .header = DailyHeader(data, view, context),
              .columns = {},
              .rows = {},
              .label_columns = view == "compare"   ? 3
                               : view == "monthly" ? 2
                                                   : 1};
  if (view != "daily") table.columns.push_back(context.Text("export.column.month"));
  if (view == "compare") table.columns.push_back(context.Text("export.column.day"));
  table.columns.push_back(context.Text("export.column.position"));
  for (const std::string_view metric : kMetrics)
    table.columns.push_back(context.MetricLabel(metric));
  AddRows(table, data, view, context);
  return table;
}

}  // namespace smedash::dashboard::exports
