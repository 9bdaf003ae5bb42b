#include "metrics/targets.hpp"

#include <pqxx/pqxx>
#include <stdexcept>

#include "metrics/achievement.hpp"
#include "metrics/sql.hpp"

namespace smedash::metrics {

MonthTargets::MonthTargets(core::Date month, std::vector<komitmen::TargetValues> by_unit)
    : month_(month), by_unit_(std::move(by_unit)) {}

std::optional<Decimal> MonthTargets::Target(Metric metric, std::string_view group_code,
                                            std::span<const std::size_t> units) const {
  const auto groups = TargetGroupsOf(group_code);
  const auto measure = TargetMeasureOf(metric);
  if (groups.empty() || !measure) return std::nullopt;
  const auto part = Sum(*measure, groups, units);
  if (KindOf(metric) != MetricKind::kPercent) return part;
  return RatioTarget(part, Sum(komitmen::Measure::kOs, groups, units));
}

std::optional<Decimal> MonthTargets::Sum(komitmen::Measure measure,
                                         std::span<const komitmen::TargetGroup> groups,
                                         std::span<const std::size_t> units) const {
  std::optional<Decimal> sum;
  for (const std::size_t unit : units) {
    const komitmen::TargetValues& targets = by_unit_.at(unit);
    for (const komitmen::TargetGroup group : groups) {
      const auto& value = targets[komitmen::TargetIndex(group, measure)];
      if (!value) continue;
      sum = sum.value_or(Decimal::Cents(0)).Plus(Decimal::Cents(value->Cents()));
    }
  }
  return sum;
}

MonthTargets ReadMonthTargets(pqxx::transaction_base& tx, const Hierarchy& units,
                              core::Date month) {
  static const std::string kSql = sql::Query("komitmen_month_targets.sql");
  std::vector<komitmen::TargetValues> by_unit(units.Units().size());
  for (const auto& row : tx.exec_params(kSql, month.ToIso())) {
    const auto unit = units.FindUnit(row[0].c_str());
    if (!unit) continue;  // a unit no loan file names yet has no row to stand against
    const auto group = komitmen::ParseGroupCode(row[1].c_str());
    const auto measure = komitmen::ParseMeasureCode(row[2].c_str());
    const auto value = core::Money::Parse(row[3].c_str());
    if (!group || !measure || !value) {
      throw std::runtime_error("unexpected komitmen_targets row for unit " +
                               std::string(row[0].c_str()));
    }
    by_unit[*unit][komitmen::TargetIndex(*group, *measure)] = *value;
  }
  return MonthTargets(month, std::move(by_unit));
}

}  // namespace smedash::metrics
