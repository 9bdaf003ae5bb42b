#include "dashboard/os_service.hpp"

#include <boost/json/array.hpp>

#include "dashboard/comparison_rows.hpp"
#include "dashboard/json_values.hpp"
#include "dashboard/komitmen_rows.hpp"
#include "dashboard/selection.hpp"

namespace smedash::dashboard {
namespace {

using boost::json::array;
using boost::json::object;
using metrics::Scope;

constexpr std::size_t kTrendPositions = 30;

// What one OS request works with once its parameters are resolved.
struct OsView {
  const metrics::Snapshot& snapshot;
  const metrics::Hierarchy& units;
  metrics::Metric metric;
  std::size_t group;
  std::optional<std::size_t> kanca;  // none: every kanca
  core::Date position;
  const ComparisonRows& rows;
  const KomitmenRows& komitmen;
  const boost::json::storage_ptr& storage;

  Subject Of(Scope scope) const { return {metric, group, scope, nullptr}; }
  void AddFigures(object& row, const Subject& subject) const {
    AddRowFigures(row, subject, rows, komitmen);
  }
  bool Shows(std::size_t kanca_idx) const { return !kanca || *kanca == kanca_idx; }
};

object Table(const OsView& view, std::string_view id, array rows, object total) {
  object table(view.storage);
  table["id"] = id;
  table.emplace("rows", std::move(rows));
  table.emplace("total", std::move(total));
  return table;
}

object Total(const OsView& view, const Subject& subject) {
  object total(view.storage);
  total["name"] = "TOTAL";
  view.AddFigures(total, subject);
  return total;
}

object KancaRow(const OsView& view, std::size_t kanca_idx, Scope scope) {
  const auto& kanca = view.units.Kancas()[kanca_idx];
  object row(view.storage);
  row["kanca_id"] = kanca.id;
  row.emplace("code", OptionalText(kanca.code, view.storage));
  row["name"] = kanca.name;
  view.AddFigures(row, view.Of(scope));
  return row;
}

// KANCA KONSOL (kind kKonsol) or KANCA ONLY (kind kOffice): one row per kanca shown.
object KancaTable(const OsView& view, std::string_view id, Scope::Kind kind, Scope all_total) {
  array rows(view.storage);
  for (std::size_t kanca_idx = 0; kanca_idx < view.units.Kancas().size(); ++kanca_idx) {
    if (view.Shows(kanca_idx)) rows.push_back(KancaRow(view, kanca_idx, {kind, kanca_idx}));
  }
  const Scope total = view.kanca ? Scope{kind, *view.kanca} : all_total;
  return Table(view, id, std::move(rows), Total(view, view.Of(total)));
}

object KcpTable(const OsView& view) {
  array rows(view.storage);
  const auto& kcps = view.kanca ? view.units.Kancas()[*view.kanca].kcps : view.units.KcpsInOrder();
  for (const std::size_t unit_idx : kcps) {
    const auto& unit = view.units.Units()[unit_idx];
    object row(view.storage);
    row["kanca_id"] = view.units.Kancas()[unit.kanca].id;
    row["code"] = unit.code;
    row["name"] = unit.name;
    row["kanca_name"] = view.units.Kancas()[unit.kanca].name;
    view.AddFigures(row, view.Of(Scope::Unit(unit_idx)));
    rows.push_back(std::move(row));
  }
  // One kanca's KCPs together have no stored scope: their units are summed.
  const Subject total =
      view.kanca ? Subject{view.metric, view.group, {}, &kcps} : view.Of(Scope::Kcps());
  return Table(view, "kcp_only", std::move(rows), Total(view, total));
}

object ChartItem(const OsView& view, const std::string& kanca_id,
                 const std::optional<std::string>& code, const std::string& name, Scope scope) {
  object item(view.storage);
  item["kanca_id"] = kanca_id;
  item.emplace("code", OptionalText(code, view.storage));
  item["name"] = name;
  item.emplace("value",
               DecimalJson(FigureOf(view.snapshot, view.Of(scope), view.position), view.storage));
  return item;
}

// E of each kanca's KONSOL, or of each unit of the kanca shown.
array ByKanca(const OsView& view) {
  array items(view.storage);
  if (!view.kanca) {
    for (std::size_t kanca_idx = 0; kanca_idx < view.units.Kancas().size(); ++kanca_idx) {
      const auto& kanca = view.units.Kancas()[kanca_idx];
      items.push_back(ChartItem(view, kanca.id, kanca.code, kanca.name, Scope::Konsol(kanca_idx)));
    }
    return items;
  }
  const auto& kanca = view.units.Kancas()[*view.kanca];
  for (const std::size_t unit_idx : UnitsOf(kanca)) {
    const auto& unit = view.units.Units()[unit_idx];
    items.push_back(ChartItem(view, kanca.id, unit.code, unit.name, Scope::Unit(unit_idx)));
  }
  return items;
}

array ByGrade(const OsView& view, Scope scope) {
  array items(view.storage);
  const auto grades = view.snapshot.OsByGrade(view.group, scope, view.position);
  if (!grades) return items;
  for (std::size_t grade_idx = 0; grade_idx < grades->size(); ++grade_idx) {
    object item(view.storage);
    item["kol"] = static_cast<int>(grade_idx + 1);
    item.emplace("os", DecimalJson((*grades)[grade_idx], view.storage));
    items.push_back(std::move(item));
  }
  return items;
}

array Trend(const OsView& view, Scope scope) {
  array points(view.storage);
  for (const core::Date position : LastPositions(view.snapshot, view.position, kTrendPositions)) {
    object point(view.storage);
    point.emplace("position", DateJson(position, view.storage));
    point.emplace("value",
                  DecimalJson(FigureOf(view.snapshot, view.Of(scope), position), view.storage));
    points.push_back(std::move(point));
  }
  return points;
}

object Charts(const OsView& view) {
  const Scope scope = view.kanca ? Scope::Konsol(*view.kanca) : Scope::Total();
  object charts(view.storage);
  charts.emplace("by_kanca", ByKanca(view));
  charts.emplace("by_grade", ByGrade(view, scope));
  charts.emplace("trend", Trend(view, scope));
  return charts;
}

object EmptyCharts(const boost::json::storage_ptr& storage) {
  object charts(storage);
  charts.emplace("by_kanca", array(storage));
  charts.emplace("by_grade", array(storage));
  charts.emplace("trend", array(storage));
  return charts;
}

}  // namespace

boost::json::object BuildOsDashboard(const metrics::Snapshot& snapshot, const OsQuery& query,
                                     const boost::json::storage_ptr& storage) {
  const std::size_t group = SelectGroup(snapshot, query.group);
  const auto position = SelectPosition(snapshot, query.position);
  const auto kanca = position ? SelectKanca(snapshot, query.kanca) : std::nullopt;
  const metrics::ComparisonDates dates =
      position ? metrics::CompareDates(snapshot.Positions(), *position)
               : metrics::ComparisonDates{};
  const ComparisonRows rows(snapshot, dates, storage);

  object result(storage);
  result.emplace("position", DateJson(position, storage));
  result["group"] = snapshot.Groups()[group].code;
  AddMetricFields(result, query.metric);
  result.emplace("kanca", KancaJson(snapshot.Units(), kanca, storage));
  result.emplace("columns", rows.ColumnsJson());
  result.emplace("komitmen", nullptr);  // set once the rows said whether any has a target
  if (!position) {
    result.emplace("tables", array(storage));
    result.emplace("charts", EmptyCharts(storage));
    return result;
  }
  rows.Prefetch(LastPositions(snapshot, *position, kTrendPositions));
  const KomitmenRows komitmen(snapshot, position, storage);
  const OsView view{snapshot, snapshot.Units(), query.metric, group, kanca, *position,
                    rows,     komitmen,         storage};
  array tables(storage);
  tables.push_back(KancaTable(view, "konsol", Scope::Kind::kKonsol, Scope::Total()));
  tables.push_back(KancaTable(view, "kanca_only", Scope::Kind::kOffice, Scope::Offices()));
  tables.push_back(KcpTable(view));
  result.emplace("tables", std::move(tables));
  result["komitmen"] = komitmen.MonthJson();
  result.emplace("charts", Charts(view));
  return result;
}

}  // namespace smedash::dashboard
