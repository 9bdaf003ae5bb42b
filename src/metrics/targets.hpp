//! The targets (komitmen) of one month as the dashboards use them: each unit of a Hierarchy
//! with its 20 targets (komitmen_targets; units the hierarchy does not know are left out),
//! and the target of a metric and group over a set of units, by achievement.hpp's rules.
//! A Snapshot reads a month once and keeps it (figure_store.hpp).
#pragma once
#include <optional>
#include <pqxx/transaction_base>
#include <span>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "komitmen/target_layout.hpp"
#include "metrics/decimal.hpp"
#include "metrics/hierarchy.hpp"
#include "metrics/metric.hpp"

namespace smedash::metrics {

class MonthTargets {
 public:
  // `by_unit` indexed like the hierarchy's Units(); `month` the first day of the month.
  MonthTargets(core::Date month, std::vector<komitmen::TargetValues> by_unit);

  core::Date Month() const { return month_; }

  // The target of `metric` for the dashboard group `group_code` over `units` (indexes
  // into Units()): the sum of the units' targets of the group's target groups (a unit
  // without one adds nothing), a ratio from the summed amounts. Nullopt when the metric
  // or group has no target, or no unit has one. Indexes out of range throw.
  std::optional<Decimal> Target(Metric metric, std::string_view group_code,
                                std::span<const std::size_t> units) const;

 private:
  std::optional<Decimal> Sum(komitmen::Measure measure,
                             std::span<const komitmen::TargetGroup> groups,
                             std::span<const std::size_t> units) const;

  core::Date month_;
  std::vector<komitmen::TargetValues> by_unit_;
};

// The month's targets from komitmen_targets, mapped onto `units` by KODE UKER.
MonthTargets ReadMonthTargets(pqxx::transaction_base& tx, const Hierarchy& units, core::Date month);

}  // namespace smedash::metrics
