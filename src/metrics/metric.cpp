#include "metrics/metric.hpp"

#include <stdexcept>

namespace smedash::metrics {

std::string_view MetricName(Metric metric) {
  switch (metric) {
    case Metric::kOs:
      return "os";
    case Metric::kDpk:
      return "dpk";
    case Metric::kDpkPct:
      return "dpk_pct";
    case Metric::kNpl:
      return "npl";
    case Metric::kNplPct:
      return "npl_pct";
    case Metric::kLr:
      return "lr";
    case Metric::kLrPct:
      return "lr_pct";
    case Metric::kLar:
      return "lar";
    case Metric::kLarPct:
      return "lar_pct";
    case Metric::kNsb:
      return "nsb";
  }
  throw std::logic_error("unknown metric");
}

std::optional<Metric> ParseMetric(std::string_view name) {
  for (const Metric metric : kAllMetrics) {
    if (MetricName(metric) == name) return metric;
  }
  return std::nullopt;
}

MetricKind KindOf(Metric metric) {
  switch (metric) {
    case Metric::kOs:
    case Metric::kDpk:
    case Metric::kNpl:
    case Metric::kLr:
    case Metric::kLar:
      return MetricKind::kAmount;
    case Metric::kDpkPct:
    case Metric::kNplPct:
    case Metric::kLrPct:
    case Metric::kLarPct:
      return MetricKind::kPercent;
    case Metric::kNsb:
      return MetricKind::kCount;
  }
  throw std::logic_error("unknown metric");
}

bool RiseIsGood(Metric metric) { return metric == Metric::kOs || metric == Metric::kNsb; }

Metric AmountOf(Metric metric) {
  switch (metric) {
    case Metric::kDpkPct:
      return Metric::kDpk;
    case Metric::kNplPct:
      return Metric::kNpl;
    case Metric::kLrPct:
      return Metric::kLr;
    case Metric::kLarPct:
      return Metric::kLar;
    default:
      return metric;
  }
}

}  // namespace smedash::metrics
