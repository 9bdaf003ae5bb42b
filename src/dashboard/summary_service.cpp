#include "dashboard/summary_service.hpp"

#include <array>
#include <boost/json/array.hpp>
#include <stdexcept>

#include "dashboard/comparison_rows.hpp"
#include "dashboard/json_values.hpp"
#include "dashboard/komitmen_rows.hpp"
#include "dashboard/selection.hpp"

namespace smedash::dashboard {
namespace {

using boost::json::array;
using boost::json::object;
using metrics::Scope;

// The rows of a Konsol or Only section, as the seed's summary lays them out: SME as the
// header, then the groups, Small's two parts indented.
struct GroupRow {
  std::string_view code;
  bool header;
  std::string_view indent;
};
constexpr std::array<GroupRow, 7> kGroupRows{{{"SME", true, ""},
                                              {"MEDIUM", false, ""},
                                              {"SMALL_KUR", false, ""},
                                              {"SMALL", false, ""},
                                              {"SMALL_NCC", false, "– "},
                                              {"CC", false, "– "},
                                              {"KUR", false, ""}}};

struct SummaryView {
  const metrics::Snapshot& snapshot;
  const metrics::Hierarchy& units;
  std::optional<std::size_t> kanca;
  const ComparisonRows& rows;
  const KomitmenRows& komitmen;
  const boost::json::storage_ptr& storage;

  void AddFigures(object& row, const Subject& subject) const {
    AddRowFigures(row, subject, rows, komitmen);
  }
};

object Row(const SummaryView& view, bool header, std::string_view group_code) {
  object row(view.storage);
  row["kind"] = header ? "header" : "row";
  row["group"] = group_code;
  return row;
}

// Konsol: the kanca with its KCPs (or all rows); Only: its own office (or every office).
array GroupRows(const SummaryView& view, metrics::Metric metric, Scope scope) {
  array rows(view.storage);
  for (const GroupRow& layout : kGroupRows) {
    const auto group = view.snapshot.FindGroup(layout.code);
    if (!group) continue;  // a group the database does not define has no row
    object row = Row(view, layout.header, layout.code);
    row["label"] = std::string(layout.indent) + view.snapshot.Groups()[*group].label;
    view.AddFigures(row, {metric, *group, scope, nullptr});
    rows.push_back(std::move(row));
  }
  return rows;
}

// Medium Only: the scope as header, then each kanca's KONSOL (RO) or the kanca's units.
array MediumRows(const SummaryView& view, metrics::Metric metric, std::size_t medium) {
  array rows(view.storage);
  object header = Row(view, true, "MEDIUM");
  if (view.kanca) {
    const auto& kanca = view.units.Kancas()[*view.kanca];
    header["kanca_id"] = kanca.id;
    header.emplace("code", OptionalText(kanca.code, view.storage));
    header["label"] = kanca.name;
  } else {
    header["label"] = "TOTAL";
  }
  const Scope scope = view.kanca ? Scope::Konsol(*view.kanca) : Scope::Total();
  view.AddFigures(header, {metric, medium, scope, nullptr});
  rows.push_back(std::move(header));

  auto add = [&](const std::string& kanca_id, const std::optional<std::string>& code,
                 const std::string& label, Scope row_scope) {
    object row = Row(view, false, "MEDIUM");
    row["kanca_id"] = kanca_id;
    row.emplace("code", OptionalText(code, view.storage));
    row["label"] = label;
    view.AddFigures(row, {metric, medium, row_scope, nullptr});
    rows.push_back(std::move(row));
  };
  if (!view.kanca) {
    for (std::size_t kanca_idx = 0; kanca_idx < view.units.Kancas().size(); ++kanca_idx) {
      const auto& kanca = view.units.Kancas()[kanca_idx];
      add(kanca.id, kanca.code, kanca.name, Scope::Konsol(kanca_idx));
    }
    return rows;
  }
  const auto& kanca = view.units.Kancas()[*view.kanca];
  for (const std::size_t unit_idx : UnitsOf(kanca)) {
    const auto& unit = view.units.Units()[unit_idx];
    add(kanca.id, unit.code, unit.name, Scope::Unit(unit_idx));
  }
  return rows;
}

array Sections(const SummaryView& view, SummaryTab tab) {
  array sections(view.storage);
  std::optional<std::size_t> medium;
  if (tab == SummaryTab::kMedium) {
    medium = view.snapshot.FindGroup("MEDIUM");
    if (!medium) throw std::logic_error("segment_groups has no MEDIUM group");
  }
  const bool only = tab == SummaryTab::kOnly;
  const Scope scope = view.kanca ? (only ? Scope::Office(*view.kanca) : Scope::Konsol(*view.kanca))
                                 : (only ? Scope::Offices() : Scope::Total());
  for (const metrics::Metric metric : metrics::kAllMetrics) {
    object section(view.storage);
    AddMetricFields(section, metric);
    section.emplace("rows",
                    medium ? MediumRows(view, metric, *medium) : GroupRows(view, metric, scope));
    sections.push_back(std::move(section));
  }
  return sections;
}

}  // namespace

std::optional<SummaryTab> ParseSummaryTab(std::string_view text) {
  for (const SummaryTab tab : {SummaryTab::kKonsol, SummaryTab::kOnly, SummaryTab::kMedium}) {
    if (SummaryTabName(tab) == text) return tab;
  }
  return std::nullopt;
}

std::string_view SummaryTabName(SummaryTab tab) {
  switch (tab) {
    case SummaryTab::kKonsol:
      return "konsol";
    case SummaryTab::kOnly:
      return "only";
    case SummaryTab::kMedium:
      return "medium";
  }
  throw std::logic_error("unknown summary tab");
}

boost::json::object BuildSummary(const metrics::Snapshot& snapshot, const SummaryQuery& query,
                                 const boost::json::storage_ptr& storage) {
  const auto position = SelectPosition(snapshot, query.position);
  const auto kanca = position ? SelectKanca(snapshot, query.kanca) : std::nullopt;
  const metrics::ComparisonDates dates =
      position ? metrics::CompareDates(snapshot.Positions(), *position)
               : metrics::ComparisonDates{};
  const ComparisonRows rows(snapshot, dates, storage);

  object result(storage);
  result.emplace("position", DateJson(position, storage));
  result["tab"] = SummaryTabName(query.tab);
  result.emplace("kanca", KancaJson(snapshot.Units(), kanca, storage));
  result.emplace("columns", rows.ColumnsJson());
  result.emplace("komitmen", nullptr);  // set once the rows said whether any has a target
  if (!position) {
    result.emplace("sections", array(storage));
    return result;
  }
  rows.Prefetch();
  const KomitmenRows komitmen(snapshot, position, storage);
  const SummaryView view{snapshot, snapshot.Units(), kanca, rows, komitmen, storage};
  result.emplace("sections", Sections(view, query.tab));
  result["komitmen"] = komitmen.MonthJson();
  return result;
}

}  // namespace smedash::dashboard
