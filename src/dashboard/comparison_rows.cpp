#include "dashboard/comparison_rows.hpp"

#include <vector>

#include "dashboard/json_values.hpp"

namespace smedash::dashboard {

std::optional<ChangeFigure> ChangeBetween(const std::optional<metrics::Decimal>& current,
                                          const std::optional<metrics::Decimal>& base) {
  if (!current || !base) return std::nullopt;
  const metrics::Decimal change = current->Minus(*base);
  return ChangeFigure{change, metrics::Decimal::Percent(change, base->Abs())};
}

Comparison ComparisonRows::Compare(const Subject& subject) const {
  Comparison comparison;
  for (const metrics::Column column : metrics::kAllColumns) {
    if (const auto& date = dates_.At(column)) {
      comparison.values[static_cast<std::size_t>(column)] = FigureOf(snapshot_, subject, *date);
    }
  }
  const auto& current = comparison.At(metrics::Column::kE);
  for (const metrics::Change change : metrics::kAllChanges) {
    comparison.changes[static_cast<std::size_t>(change)] =
        ChangeBetween(current, comparison.At(metrics::BaseOf(change)));
  }
  return comparison;
}

void ComparisonRows::Prefetch(std::span<const core::Date> also) const {
  std::vector<core::Date> dates(also.begin(), also.end());
  for (const metrics::Column column : metrics::kAllColumns) {
    if (const auto& date = dates_.At(column)) dates.push_back(*date);
  }
  snapshot_.Prefetch(dates);
}

boost::json::object ComparisonRows::ColumnsJson() const {
  boost::json::object columns(storage_);
  for (const metrics::Column column : metrics::kAllColumns) {
    columns.emplace(metrics::ColumnName(column), DateJson(dates_.At(column), storage_));
  }
  return columns;
}

Comparison ComparisonRows::AddTo(boost::json::object& row, const Subject& subject) const {
  const Comparison comparison = Compare(subject);
  boost::json::object values(storage_);
  for (const metrics::Column column : metrics::kAllColumns) {
    values.emplace(metrics::ColumnName(column), DecimalJson(comparison.At(column), storage_));
  }
  boost::json::object changes(storage_);
  for (const metrics::Change change : metrics::kAllChanges) {
    changes.emplace(metrics::ChangeName(change), ChangeJson(comparison.Of(change)));
  }
  row.emplace("values", std::move(values));
  row.emplace("changes", std::move(changes));
  return comparison;
}

boost::json::value ComparisonRows::ChangeJson(const std::optional<ChangeFigure>& change) const {
  if (!change) return boost::json::value(nullptr, storage_);
  boost::json::object object(storage_);
  object.emplace("value", DecimalJson(change->value, storage_));
  object.emplace("percent", DecimalJson(change->percent, storage_));
  return object;
}

}  // namespace smedash::dashboard
