#include "dashboard/export/export_context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/json/serialize.hpp>
#include <stdexcept>

#include "core/date.hpp"
#include "dashboard/export/decimal_text.hpp"

namespace smedash::dashboard::exports {
namespace {

constexpr std::array<std::string_view, 7> kGroups = {"SME",       "MEDIUM", "SMALL_KUR", "SMALL",
                                                     "SMALL_NCC", "CC",     "KUR"};

bool Contains(const auto& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

core::Date ParseDate(std::string_view iso_date) {
  const auto date = core::Date::ParseIso(iso_date);
  if (!date) throw std::invalid_argument("export data: bad date \"" + std::string(iso_date) + "\"");
  return *date;
}

// Places the decimal point moves for each unit: Rp juta = 10^6, Rp M (miliar) = 10^9.
int UnitShift(AmountUnit unit) {
  switch (unit) {
    case AmountUnit::kRupiah:
      return 0;
    case AmountUnit::kJuta:
      return 6;
    case AmountUnit::kMiliar:
      return 9;
  }
  return 0;
}

}  // namespace

NumberKind KindOfMetricKind(std::string_view metric_kind) {
  if (metric_kind == "amount") return NumberKind::kAmount;
  if (metric_kind == "percent") return NumberKind::kPercent;
  if (metric_kind == "count") return NumberKind::kCount;
  throw std::invalid_argument("export data: unknown metric_kind \"" + std::string(metric_kind) +
                              "\"");
}

NumberKind KindOfMetric(std::string_view metric) {
  if (!Contains(kMetrics, metric)) {
    throw std::invalid_argument("export data: unknown metric \"" + std::string(metric) + "\"");
  }
  if (metric == "nsb") return NumberKind::kCount;
  return metric.ends_with("_pct") ? NumberKind::kPercent : NumberKind::kAmount;
}

std::string ExportContext::GroupLabel(std::string_view group) const {
  return Contains(kGroups, group) ? Text("export.group." + std::string(group)) : std::string(group);
}

std::string ExportContext::MetricLabel(std::string_view metric) const {
  return Contains(kMetrics, metric) ? Text("export.metric." + std::string(metric))
                                    : std::string(metric);
}

std::string ExportContext::UnitLabel() const {
  switch (unit_) {
    case AmountUnit::kRupiah:
      return Text("export.unit.rp");
    case AmountUnit::kJuta:
      return Text("export.unit.juta");
    case AmountUnit::kMiliar:
      return Text("export.unit.m");
  }
  return {};
}

std::string ExportContext::MonthAbbreviation(int month) const {
  return Text(fmt::format("export.month.{}", month));
}

std::string ExportContext::ColumnDate(std::string_view iso_date) const {
  const core::Date date = ParseDate(iso_date);
  return fmt::format("{:02}-{}-{:02}", date.Day(), MonthAbbreviation(date.Month()),
                     date.Year() % 100);
}

std::string ExportContext::MonthHeader(std::string_view year_month) const {
  const core::Date date = ParseDate(std::string(year_month) + "-01");
  return fmt::format("{}'{:02}", MonthAbbreviation(date.Month()), date.Year() % 100);
}

Cell ExportContext::FigureCell(const boost::json::value& figure, NumberKind kind,
                               bool change) const {
  if (figure.is_null()) return Cell::Missing();
  if (!figure.is_string() || !IsDecimal(figure.get_string())) {
    throw std::invalid_argument("export data: a figure is not a decimal string: " +
                                boost::json::serialize(figure));
  }
  std::string text(figure.get_string());
  if (kind == NumberKind::kAmount) {
    text = ShiftDecimalPoint(text, UnitShift(unit_), 2);
  }
  return Cell::Number(std::move(text), kind, change);
}

Cell ExportContext::DateCell(std::string_view iso_date) {
  if (iso_date.empty()) return Cell::Missing();
  ParseDate(iso_date);
  return Cell::Date(std::string(iso_date));
}

}  // namespace smedash::dashboard::exports
