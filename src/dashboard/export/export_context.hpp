//! What every table builder needs besides the JSON: the language's labels and month names,
//! the amount unit, and the one way a JSON figure becomes a cell.
#pragma once
#include <array>
#include <boost/json/value.hpp>
#include <map>
#include <string>
#include <string_view>

#include "dashboard/export/dashboard_export.hpp"
#include "dashboard/export/export_table.hpp"
#include "ui/i18n.hpp"

namespace smedash::dashboard::exports {

// Every metric, in the order the pages list them.
inline constexpr std::array<std::string_view, 10> kMetrics = {
    "os", "dpk", "dpk_pct", "npl", "npl_pct", "lr", "lr_pct", "lar", "lar_pct", "nsb"};

// The display kind of a metric: by its API "metric_kind" ("amount" | "percent" | "count")
// or by its code ("os", "dpk_pct", "nsb", ...). Throws std::invalid_argument when unknown.
NumberKind KindOfMetricKind(std::string_view metric_kind);
NumberKind KindOfMetric(std::string_view metric);

class ExportContext {
 public:
  ExportContext(const ui::Translations& texts, std::string lang, AmountUnit unit)
      : texts_(texts), lang_(std::move(lang)), unit_(unit) {}

  const std::string& Lang() const { return lang_; }
  std::string Text(std::string_view key,
                   const std::map<std::string, std::string>& args = {}) const {
    return texts_.Get(lang_, key, args);
  }

  // Labels of API codes; an unknown code is shown as it is.
  std::string GroupLabel(std::string_view group) const;
  std::string MetricLabel(std::string_view metric) const;
  std::string UnitLabel() const;

  // "2025-10-09" → "09-Okt-25" (Indonesian) / "09-Oct-25"; "2025-10" → "Okt'25"
  // (domain.md 8). Throw std::invalid_argument on a malformed date.
  std::string ColumnDate(std::string_view iso_date) const;
  std::string MonthHeader(std::string_view year_month) const;

  // A figure from the API: null → missing ("–"); a decimal string → a number cell, amounts
  // moved to the export's unit. Throws std::invalid_argument on anything else.
  Cell FigureCell(const boost::json::value& figure, NumberKind kind, bool change = false) const;
  // A position date: a date cell, or missing when null / "". Throws on a malformed date.
  static Cell DateCell(std::string_view iso_date);

 private:
  std::string MonthAbbreviation(int month) const;

  const ui::Translations& texts_;
  std::string lang_;
  AmountUnit unit_;
};

}  // namespace smedash::dashboard::exports
