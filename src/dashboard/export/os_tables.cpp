// Dashboard OS (domain.md 7): three tables of one metric, one row per kanca / office / KCP
// and a total row, each with the comparison block.
#include "dashboard/export/comparison_block.hpp"
#include "dashboard/export/json_access.hpp"
#include "dashboard/export/komitmen_block.hpp"
#include "dashboard/export/table_builders.hpp"

namespace smedash::dashboard::exports {
namespace {

const boost::json::object* FindTable(const boost::json::object& data, std::string_view id) {
  for (const boost::json::value& element : ArrayOrEmpty(data, "tables")) {
    const boost::json::object& table = ElementObject(element, "tables");
    if (StringOrEmpty(table, "id") == id) return &table;
  }
  return nullptr;
}

Row OsRow(const boost::json::object& row, bool with_kanca, bool with_komitmen, NumberKind kind,
          const ExportContext& context, bool total) {
  Row out{.cells = {Cell::Text(StringOrEmpty(row, "code")), Cell::Text(StringOrEmpty(row, "name"))},
          .emphasis = total};
  if (with_kanca) out.cells.push_back(Cell::Text(StringOrEmpty(row, "kanca_name")));
  for (Cell& cell : ComparisonCells(row, kind, context)) out.cells.push_back(std::move(cell));
  if (with_komitmen) {
    for (Cell& cell : KomitmenCells(row, kind, context)) out.cells.push_back(std::move(cell));
  }
  return out;
}

std::vector<HeaderLine> OsHeader(const boost::json::object& data, NumberKind kind,
                                 const ExportContext& context) {
  std::vector<HeaderLine> header;
  header.push_back({context.Text("export.filter.group"),
                    Cell::Text(context.GroupLabel(StringOrEmpty(data, "group")))});
  header.push_back({context.Text("export.filter.metric"),
                    Cell::Text(context.MetricLabel(StringOrEmpty(data, "metric")))});
  AddKancaLine(header, data, context);
  header.push_back({context.Text("export.filter.position"),
                    ExportContext::DateCell(StringOrEmpty(data, "position"))});
  if (kind == NumberKind::kAmount) AddUnitLine(header, context);
  AddComparedDates(header, OptionalObject(data, "columns"), context);
  return header;
}

Table OsTable(const boost::json::object& data, std::string_view id, NumberKind kind,
              const ExportContext& context) {
  const bool with_kanca = id == "kcp_only";
  const std::string label = context.Text("export.table." + std::string(id));
  Table table{.sheet_name = label,
              .title = context.Text("export.title.os", {{"table", label}}),
              .header = OsHeader(data, kind, context),
              .columns = {context.Text("export.column.code"), context.Text("export.column.name")},
              .rows = {},
              .label_columns = with_kanca ? 3 : 2};
  if (with_kanca) table.columns.push_back(context.Text("export.column.kanca"));
  for (std::string& title : ComparisonTitles(OptionalObject(data, "columns"), context)) {
    table.columns.push_back(std::move(title));
  }
  const bool with_komitmen = HasKomitmen(data);
  if (with_komitmen) {
    for (std::string& title : KomitmenTitles(data, context)) {
      table.columns.push_back(std::move(title));
    }
  }
  const boost::json::object* source = FindTable(data, id);
  if (source == nullptr) return table;
  for (const boost::json::value& row : ArrayOrEmpty(*source, "rows")) {
    table.rows.push_back(
        OsRow(ElementObject(row, "rows"), with_kanca, with_komitmen, kind, context, false));
  }
  if (const boost::json::object* total = OptionalObject(*source, "total")) {
    table.rows.push_back(OsRow(*total, with_kanca, with_komitmen, kind, context, true));
  }
  return table;
}

}  // namespace

std::vector<Table> BuildOsTables(const boost::json::object& data, const ExportContext& context) {
  // With nothing loaded the answer may carry no metric_kind; the metric code says the same.
  const std::string metric_kind = StringOrEmpty(data, "metric_kind");
  const NumberKind kind = metric_kind.empty() ? KindOfMetric(StringOrEmpty(data, "metric"))
                                              : KindOfMetricKind(metric_kind);
  std::vector<Table> tables;
  for (const std::string_view id : kOsTableIds) tables.push_back(OsTable(data, id, kind, context));
  return tables;
}

}  // namespace smedash::dashboard::exports
