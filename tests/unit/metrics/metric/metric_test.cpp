#include "metrics/metric.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace smedash::metrics {
namespace {

TEST(MetricTest, ApiNamesFollowTheDashboardContract) {
  std::vector<std::string> names;
  for (const Metric metric : kAllMetrics) names.emplace_back(MetricName(metric));
  EXPECT_EQ(names, (std::vector<std::string>{"os", "dpk", "dpk_pct", "npl", "npl_pct", "lr",
                                             "lr_pct", "lar", "lar_pct", "nsb"}));
}

TEST(MetricTest, ParseIsTheInverseOfName) {
  for (const Metric metric : kAllMetrics) {
    EXPECT_EQ(ParseMetric(MetricName(metric)), metric) << MetricName(metric);
  }
}

TEST(MetricTest, ParseRefusesAnythingButTheExactName) {
  for (const char* name : {"", "OS", "Os", " os", "os ", "npl%", "pct_npl", "nsb2", "o"}) {
    EXPECT_FALSE(ParseMetric(name).has_value()) << '"' << name << '"';
  }
}

TEST(MetricTest, KindsSayAmountPercentOrCount) {
  for (const Metric metric : {Metric::kOs, Metric::kDpk, Metric::kNpl, Metric::kLr, Metric::kLar}) {
    EXPECT_EQ(KindOf(metric), MetricKind::kAmount) << MetricName(metric);
  }
  for (const Metric metric : {Metric::kDpkPct, Metric::kNplPct, Metric::kLrPct, Metric::kLarPct}) {
    EXPECT_EQ(KindOf(metric), MetricKind::kPercent) << MetricName(metric);
  }
  EXPECT_EQ(KindOf(Metric::kNsb), MetricKind::kCount);
}

TEST(MetricTest, OnlyOsAndNsbRiseForTheBetter) {
  for (const Metric metric : kAllMetrics) {
    const bool good = metric == Metric::kOs || metric == Metric::kNsb;
    EXPECT_EQ(RiseIsGood(metric), good) << MetricName(metric);
  }
}

TEST(MetricTest, PercentagesAreSharesOfTheirAmount) {
  EXPECT_EQ(AmountOf(Metric::kDpkPct), Metric::kDpk);
  EXPECT_EQ(AmountOf(Metric::kNplPct), Metric::kNpl);
  EXPECT_EQ(AmountOf(Metric::kLrPct), Metric::kLr);
  EXPECT_EQ(AmountOf(Metric::kLarPct), Metric::kLar);
  for (const Metric metric : kAllMetrics) {
    if (KindOf(metric) != MetricKind::kPercent) {
      EXPECT_EQ(AmountOf(metric), metric);
    }
  }
}

}  // namespace
}  // namespace smedash::metrics
