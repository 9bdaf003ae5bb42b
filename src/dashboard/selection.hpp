//! How the dashboard API reads a metrics::Snapshot: the selected position, group and kanca
//! resolved against the loaded data (ApiError when they are not there), and the figure of a
//! subject (metric × group × rows) at a position.
#pragma once
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "metrics/figure_store.hpp"

namespace smedash::dashboard {

// The rows a figure covers: a FigureStore scope, or (when `units` is set) several units
// together, for a set the store keeps no scope of (the KCPs of one kanca).
struct Subject {
  metrics::Metric metric = metrics::Metric::kOs;
  std::size_t group = 0;
  metrics::Scope scope;
  const std::vector<std::size_t>* units = nullptr;  // indexes into Units().Units()
};

// The figure, nullopt for none (position not loaded, percentage of OS 0). Over `units`:
// amounts add up, percentages are taken of the summed amounts, and NSB (a distinct count
// that does not add up) is known only for zero or one unit.
std::optional<metrics::Decimal> FigureOf(const metrics::Snapshot& snapshot, const Subject& subject,
                                         core::Date position);

// The position to show: `requested` when loaded (ApiError position_not_loaded otherwise),
// the latest when none was requested; nullopt when nothing is loaded at all.
std::optional<core::Date> SelectPosition(const metrics::Snapshot& snapshot,
                                         const std::optional<core::Date>& requested);
// Index into Groups(); ApiError bad_parameter "group" when unknown.
std::size_t SelectGroup(const metrics::Snapshot& snapshot, std::string_view code);
// Index into Kancas(), nullopt for "all" (no id); ApiError bad_parameter "kanca" when unknown.
std::optional<std::size_t> SelectKanca(const metrics::Snapshot& snapshot,
                                       const std::optional<std::string>& id);

// Loaded positions (ascending) in [from, to]; either bound may be open.
std::span<const core::Date> PositionsBetween(const metrics::Snapshot& snapshot,
                                             const std::optional<core::Date>& from,
                                             const std::optional<core::Date>& to);
// The last `count` loaded positions up to and including `last`, ascending.
std::span<const core::Date> LastPositions(const metrics::Snapshot& snapshot, core::Date last,
                                          std::size_t count);

// A kanca's units in display order: its office (when it has one), then its KCPs.
std::vector<std::size_t> UnitsOf(const metrics::HierarchyKanca& kanca);

}  // namespace smedash::dashboard
