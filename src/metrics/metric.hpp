//! The metrics of domain.md section 5 as the dashboards name them: their API names, what
//! kind of number each is, and which direction is good (section 6).
#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace smedash::metrics {

enum class Metric { kOs, kDpk, kDpkPct, kNpl, kNplPct, kLr, kLrPct, kLar, kLarPct, kNsb };

inline constexpr std::array kAllMetrics{
    Metric::kOs, Metric::kDpk,   Metric::kDpkPct, Metric::kNpl,    Metric::kNplPct,
    Metric::kLr, Metric::kLrPct, Metric::kLar,    Metric::kLarPct, Metric::kNsb};

// What a value of the metric is: rupiah (scale 2), a percentage of OS (scale 4, changes in
// percentage points), or a number of customers (scale 0).
enum class MetricKind { kAmount, kPercent, kCount };

// API names: "os", "dpk", "dpk_pct", "npl", "npl_pct", "lr", "lr_pct", "lar", "lar_pct",
// "nsb". Parse is exact (lower case); nullopt for anything else.
std::string_view MetricName(Metric metric);
std::optional<Metric> ParseMetric(std::string_view name);

MetricKind KindOf(Metric metric);
// OS and NSB: a rise is good (green). DPK, NPL, LR, LAR and their ratios: a rise is bad.
bool RiseIsGood(Metric metric);
// For a percentage metric, the amount it is a share of OS of (kDpkPct → kDpk); else itself.
Metric AmountOf(Metric metric);

}  // namespace smedash::metrics
