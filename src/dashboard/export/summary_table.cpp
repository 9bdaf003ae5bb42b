// Dashboard Summary (domain.md 7): the tab's ten sections (END BAL ... NASABAH) stacked in
// one table; every row repeats its section's name so the sheet can be filtered by it.
#include <stdexcept>

#include "dashboard/export/comparison_block.hpp"
#include "dashboard/export/json_access.hpp"
#include "dashboard/export/komitmen_block.hpp"
#include "dashboard/export/table_builders.hpp"

namespace smedash::dashboard::exports {
namespace {

bool IsTab(std::string_view tab) { return tab == "konsol" || tab == "only" || tab == "medium"; }

std::vector<HeaderLine> SummaryHeader(const boost::json::object& data, const std::string& tab,
                                      const ExportContext& context) {
  std::vector<HeaderLine> header;
  header.push_back({context.Text("export.filter.tab"), Cell::Text(tab)});
  AddKancaLine(header, data, context);
  header.push_back({context.Text("export.filter.position"),
                    ExportContext::DateCell(StringOrEmpty(data, "position"))});
  AddUnitLine(header, context);
  AddComparedDates(header, OptionalObject(data, "columns"), context);
  return header;
}

// Medium Only lists kanca and units (code + name); the other tabs list groups.
void AddSectionRows(Table& table, const boost::json::object& section, bool by_unit,
                    bool with_komitmen, const ExportContext& context) {
  const std::string metric = StringOrEmpty(section, "metric");
  KindOfMetric(metric);  // rejects an unknown metric before its label is looked up
  const std::string name = context.Text("export.section." + metric);
  const NumberKind kind = KindOfMetricKind(StringOrEmpty(section, "metric_kind"));
  for (const boost::json::value& element : ArrayOrEmpty(section, "rows")) {
    const boost::json::object& row = ElementObject(element, "rows");
    Row out{.cells = {Cell::Text(name)}, .emphasis = StringOrEmpty(row, "kind") == "header"};
    if (by_unit) out.cells.push_back(Cell::Text(StringOrEmpty(row, "code")));
    out.cells.push_back(Cell::Text(StringOrEmpty(row, "label")));
    for (Cell& cell : ComparisonCells(row, kind, context)) out.cells.push_back(std::move(cell));
    if (with_komitmen) {
      for (Cell& cell : KomitmenCells(row, kind, context)) out.cells.push_back(std::move(cell));
    }
    table.rows.push_back(std::move(out));
  }
}

}  // namespace

Table BuildSummaryTable(const boost::json::object& data, const ExportContext& context) {
  const std::string tab = StringOrEmpty(data, "tab");
  if (!IsTab(tab)) throw std::invalid_argument("export data: unknown summary tab \"" + tab + "\"");
  const std::string tab_label = context.Text("export.tab." + tab);
  const bool by_unit = tab == "medium";
  Table table{.sheet_name = tab_label,
              .title = context.Text("export.title.summary", {{"tab", tab_label}}),
              .header = SummaryHeader(data, tab_label, context),
              .columns = {context.Text("export.column.section")},
              .rows = {},
              .label_columns = by_unit ? 3 : 2};
  if (by_unit) table.columns.push_back(context.Text("export.column.code"));
  table.columns.push_back(context.Text(by_unit ? "export.column.name" : "export.column.group"));
  for (std::string& title : ComparisonTitles(OptionalObject(data, "columns"), context)) {
    table.columns.push_back(std::move(title));
  }
  const bool with_komitmen = HasKomitmen(data);
  if (with_komitmen) {
    for (std::string& title : KomitmenTitles(data, context)) {
      table.columns.push_back(std::move(title));
    }
  }
  for (const boost::json::value& section : ArrayOrEmpty(data, "sections")) {
    AddSectionRows(table, ElementObject(section, "sections"), by_unit, with_komitmen, context);
  }
  return table;
}

}  // namespace smedash::dashboard::exports
