//! Achievement against the monthly targets (komitmen, issue 6): which target groups and
//! measures stand behind a dashboard group and metric, and % Ach and Gap of an actual figure
//! against its target. Pure rules on exact decimals; targets.hpp adds up the units' targets.
#pragma once
#include <optional>
#include <span>
#include <string_view>

#include "komitmen/target_layout.hpp"
#include "metrics/decimal.hpp"
#include "metrics/metric.hpp"

namespace smedash::metrics {

// The target groups whose sum is a dashboard group's target: KUR ← KUR RITEL, SMALL_NCC ←
// KECIL NCC, CC ← KECIL CC, SMALL ← KECIL NCC + KECIL CC, SMALL_KUR ← SMALL SD 5M; empty
// (no target) for MEDIUM, SME and any other code.
std::span<const komitmen::TargetGroup> TargetGroupsOf(std::string_view group_code);

// The measure a metric's target is, for a ratio its numerator (a ratio's target is that
// measure over the OS target): os ← OS, nsb ← DEB, dpk and dpk_pct ← DPK, npl and npl_pct ←
// NPL; nullopt for LR, LAR and their ratios, which have no target.
std::optional<komitmen::Measure> TargetMeasureOf(Metric metric);

// A ratio's target from the summed targets: part / os × 100 at the percentage scale; none
// when either is none or os is 0.
std::optional<Decimal> RatioTarget(const std::optional<Decimal>& part,
                                   const std::optional<Decimal>& os);

// The bank's spreadsheets cap % Ach to this.
inline constexpr int kAchievementCap = 110;

struct Achievement {
  Decimal target;
  // OS, NSB: actual / target × 100; DPK, NPL and their ratios (lower is better): target /
  // actual × 100; clamped to [0, 110]. Target 0 (higher is better) and actual ≥ 0 → 110;
  // actual 0 (lower is better) → 110. None when the actual figure is none (a ratio of OS 0).
  std::optional<Decimal> percent;
  std::optional<Decimal> gap;  // actual − target, in the metric's unit; none with no actual
};

Achievement Achieve(Metric metric, const Decimal& target, const std::optional<Decimal>& actual);

}  // namespace smedash::metrics
