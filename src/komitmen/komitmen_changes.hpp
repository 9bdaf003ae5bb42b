//! What replacing a month's targets changes (issue 6: "preview shows what changes: units
//! added, removed, changed, with the largest changes listed"). Pure, so the preview and the
//! apply that follows it count the same way.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "komitmen/komitmen_types.hpp"

namespace smedash::komitmen {

// One target cell that moves; a missing side is "no target".
struct TargetChange {
  std::string kode_uker;
  std::string uker;
  TargetGroup group = TargetGroup::kKurRitel;
  Measure measure = Measure::kDeb;
  std::optional<core::Money> before;
  std::optional<core::Money> after;
  core::Money difference;  // after − before, a missing side counting as 0
};

struct MonthChanges {
  std::size_t added = 0;              // units only the new file has
  std::size_t removed = 0;            // units only the month now has
  std::size_t changed = 0;            // units in both with a name or a target that differs
  std::size_t unchanged = 0;          // units in both, the same
  std::vector<TargetChange> largest;  // by |difference|, largest first, at most kLargestChanges
};

inline constexpr std::size_t kLargestChanges = 10;

// `before`: the month as stored (empty when it has none); `after`: the file's units.
MonthChanges CompareMonths(const std::vector<MonthUnit>& before,
                           const std::vector<MonthUnit>& after);

}  // namespace smedash::komitmen
