#include "dashboard/selection.hpp"

#include <algorithm>

#include "dashboard/api_error.hpp"

namespace smedash::dashboard {
namespace {

bool IsLoaded(const metrics::Snapshot& snapshot, core::Date position) {
  const auto& positions = snapshot.Positions();
  return std::binary_search(positions.begin(), positions.end(), position);
}

// Σ of an additive metric over units; nullopt when the position is not loaded.
std::optional<metrics::Decimal> SumOverUnits(const metrics::Snapshot& snapshot,
                                             metrics::Metric metric, std::size_t group,
                                             const std::vector<std::size_t>& units,
                                             core::Date position) {
  if (!IsLoaded(snapshot, position)) return std::nullopt;
  metrics::Decimal sum = metrics::KindOf(metric) == metrics::MetricKind::kCount
                             ? metrics::Decimal::Count(0)
                             : metrics::Decimal::Cents(0);
  for (const std::size_t unit : units) {
    const auto value = snapshot.Value(metric, group, metrics::Scope::Unit(unit), position);
    if (!value) return std::nullopt;
    sum = sum.Plus(*value);
  }
  return sum;
}

}  // namespace

std::optional<metrics::Decimal> FigureOf(const metrics::Snapshot& snapshot, const Subject& subject,
                                         core::Date position) {
  if (subject.units == nullptr) {
    return snapshot.Value(subject.metric, subject.group, subject.scope, position);
  }
  const auto& units = *subject.units;
  switch (metrics::KindOf(subject.metric)) {
    case metrics::MetricKind::kAmount:
      return SumOverUnits(snapshot, subject.metric, subject.group, units, position);
    case metrics::MetricKind::kCount:
      // A customer with loans in two units counts once: only 0 or 1 unit is exact.
      if (units.size() > 1) return std::nullopt;
      return SumOverUnits(snapshot, subject.metric, subject.group, units, position);
    case metrics::MetricKind::kPercent: {
      const auto part =
          SumOverUnits(snapshot, metrics::AmountOf(subject.metric), subject.group, units, position);
      const auto whole =
          SumOverUnits(snapshot, metrics::Metric::kOs, subject.group, units, position);
      if (!part || !whole) return std::nullopt;
      return metrics::Decimal::Percent(*part, *whole);
    }
  }
  return std::nullopt;
}

std::optional<core::Date> SelectPosition(const metrics::Snapshot& snapshot,
                                         const std::optional<core::Date>& requested) {
  const auto& positions = snapshot.Positions();
  if (positions.empty()) return std::nullopt;
  if (!requested) return positions.back();
  if (!IsLoaded(snapshot, *requested)) throw ApiError::PositionNotLoaded(*requested);
  return requested;
}

std::size_t SelectGroup(const metrics::Snapshot& snapshot, std::string_view code) {
  if (const auto group = snapshot.FindGroup(code)) return *group;
  std::string accepted;
  for (const auto& info : snapshot.Groups()) {
    if (!accepted.empty()) accepted += ", ";
    accepted += info.code;
  }
  throw ApiError::BadParameter("group", accepted);
}

std::optional<std::size_t> SelectKanca(const metrics::Snapshot& snapshot,
                                       const std::optional<std::string>& id) {
  if (!id) return std::nullopt;
  if (const auto kanca = snapshot.Units().FindKanca(*id)) return kanca;
  std::string accepted = "all";
  for (const auto& kanca : snapshot.Units().Kancas()) accepted += ", " + kanca.id;
  throw ApiError::BadParameter("kanca", accepted);
}

std::span<const core::Date> PositionsBetween(const metrics::Snapshot& snapshot,
                                             const std::optional<core::Date>& from,
                                             const std::optional<core::Date>& to) {
  const auto& positions = snapshot.Positions();
  auto first =
      from ? std::lower_bound(positions.begin(), positions.end(), *from) : positions.begin();
  auto last = to ? std::upper_bound(first, positions.end(), *to) : positions.end();
  return {first, last};
}

std::span<const core::Date> LastPositions(const metrics::Snapshot& snapshot, core::Date last,
                                          std::size_t count) {
  const auto up_to = PositionsBetween(snapshot, std::nullopt, last);
  return up_to.last(std::min(count, up_to.size()));
}

std::vector<std::size_t> UnitsOf(const metrics::HierarchyKanca& kanca) {
  std::vector<std::size_t> units;
  units.reserve(kanca.kcps.size() + 1);
  if (kanca.office) units.push_back(*kanca.office);
  units.insert(units.end(), kanca.kcps.begin(), kanca.kcps.end());
  return units;
}

}  // namespace smedash::dashboard
