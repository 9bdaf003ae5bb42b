#include "dashboard/komitmen_rows.hpp"

#include "dashboard/json_values.hpp"
#include "metrics/achievement.hpp"

namespace smedash::dashboard {

void KomitmenRows::AddTo(boost::json::object& row, const Subject& subject,
                         const std::optional<metrics::Decimal>& actual) const {
  const auto target = TargetOf(subject);
  if (!target) {
    row.emplace("komitmen", nullptr);
    return;
  }
  const metrics::Achievement achievement = metrics::Achieve(subject.metric, *target, actual);
  boost::json::object komitmen(storage_);
  komitmen.emplace("target", DecimalJson(achievement.target, storage_));
  komitmen.emplace("achievement", DecimalJson(achievement.percent, storage_));
  komitmen.emplace("gap", DecimalJson(achievement.gap, storage_));
  row.emplace("komitmen", std::move(komitmen));
  any_ = true;
}

boost::json::value KomitmenRows::MonthJson() const {
  if (!any_ || !position_) return boost::json::value(nullptr, storage_);
  boost::json::object month(storage_);
  month.emplace("month", DateJson(position_->FirstDayOfMonth(), storage_));
  return month;
}

std::optional<metrics::Decimal> KomitmenRows::TargetOf(const Subject& subject) const {
  if (!position_) return std::nullopt;
  if (subject.units != nullptr) {
    return snapshot_.Target(subject.metric, subject.group, *subject.units, *position_);
  }
  return snapshot_.Target(subject.metric, subject.group, subject.scope, *position_);
}

void AddRowFigures(boost::json::object& row, const Subject& subject, const ComparisonRows& rows,
                   const KomitmenRows& komitmen) {
  const Comparison comparison = rows.AddTo(row, subject);
  komitmen.AddTo(row, subject, comparison.At(metrics::Column::kE));
}

}  // namespace smedash::dashboard
