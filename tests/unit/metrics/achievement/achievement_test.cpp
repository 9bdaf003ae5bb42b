// Issue 6's achievement rules: which targets stand behind a group and a metric, % Ach
// (higher or lower is better, capped to 0-110) and Gap, on exact decimals.
#include "metrics/achievement.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace smedash::metrics {
namespace {

using komitmen::Measure;
using komitmen::TargetGroup;

std::vector<TargetGroup> Groups(std::string_view code) {
  const auto groups = TargetGroupsOf(code);
  return {groups.begin(), groups.end()};
}

Decimal Rupiah(long long rupiah) { return Decimal::Cents(rupiah * 100); }
Decimal Pct(long long ten_thousandths) {
  return Decimal::Scaled(ten_thousandths, Decimal::kPercentScale);
}

std::string Text(const std::optional<Decimal>& value) { return value ? value->ToString() : "none"; }

TEST(TargetGroupsOf, EachDashboardGroupSumsItsTargetGroups) {
  EXPECT_EQ(Groups("KUR"), (std::vector{TargetGroup::kKurRitel}));
  EXPECT_EQ(Groups("SMALL_NCC"), (std::vector{TargetGroup::kKecilNcc}));
  EXPECT_EQ(Groups("CC"), (std::vector{TargetGroup::kKecilCc}));
  EXPECT_EQ(Groups("SMALL"), (std::vector{TargetGroup::kKecilNcc, TargetGroup::kKecilCc}));
  EXPECT_EQ(Groups("SMALL_KUR"), (std::vector{TargetGroup::kSmallSd5m}));
}

TEST(TargetGroupsOf, MediumSmeAndUnknownGroupsHaveNone) {
  EXPECT_TRUE(Groups("MEDIUM").empty());
  EXPECT_TRUE(Groups("SME").empty());
  EXPECT_TRUE(Groups("kur").empty());
}

TEST(TargetMeasureOf, AmountsCountsAndRatiosTakeTheirMeasure) {
  EXPECT_EQ(TargetMeasureOf(Metric::kOs), Measure::kOs);
  EXPECT_EQ(TargetMeasureOf(Metric::kNsb), Measure::kDeb);
  EXPECT_EQ(TargetMeasureOf(Metric::kDpk), Measure::kDpk);
  EXPECT_EQ(TargetMeasureOf(Metric::kDpkPct), Measure::kDpk);
  EXPECT_EQ(TargetMeasureOf(Metric::kNpl), Measure::kNpl);
  EXPECT_EQ(TargetMeasureOf(Metric::kNplPct), Measure::kNpl);
}

TEST(TargetMeasureOf, LrLarAndTheirRatiosHaveNone) {
  for (const Metric metric : {Metric::kLr, Metric::kLrPct, Metric::kLar, Metric::kLarPct}) {
    EXPECT_EQ(TargetMeasureOf(metric), std::nullopt) << MetricName(metric);
  }
}

TEST(RatioTarget, IsThePartOverTheOsTarget) {
  EXPECT_EQ(Text(RatioTarget(Rupiah(150), Rupiah(1000))), "15.0000");
  // 1 / 3 × 100 = 33.33333…, rounded half away from zero at 4 decimals.
  EXPECT_EQ(Text(RatioTarget(Rupiah(1), Rupiah(3))), "33.3333");
}

TEST(RatioTarget, NoneWithoutBothAmountsOrWithOsZero) {
  EXPECT_EQ(RatioTarget(std::nullopt, Rupiah(1000)), std::nullopt);
  EXPECT_EQ(RatioTarget(Rupiah(10), std::nullopt), std::nullopt);
  EXPECT_EQ(RatioTarget(Rupiah(10), Rupiah(0)), std::nullopt);
}

TEST(Achieve, HigherIsBetterIsActualOverTarget) {
  const Achievement os = Achieve(Metric::kOs, Rupiah(2000), Rupiah(1900));
  EXPECT_EQ(os.target.ToString(), "2000.00");
  EXPECT_EQ(Text(os.percent), "95.0000");
  EXPECT_EQ(Text(os.gap), "-100.00");
  // 6900 / 7100 × 100 = 97.183098…
  EXPECT_EQ(Text(Achieve(Metric::kOs, Rupiah(7100), Rupiah(6900)).percent), "97.1831");
}

TEST(Achieve, NsbAgainstDebtorsKeepsTheTargetsDecimals) {
  const Achievement nsb = Achieve(Metric::kNsb, Decimal::Cents(400), Decimal::Count(3));
  EXPECT_EQ(Text(nsb.percent), "75.0000");
  EXPECT_EQ(Text(nsb.gap), "-1.00");
}

TEST(Achieve, LowerIsBetterIsTargetOverActual) {
  // NPL 500 against a target of 100: 100 / 500 × 100 = 20; Gap = 500 − 100.
  const Achievement npl = Achieve(Metric::kNpl, Rupiah(100), Rupiah(500));
  EXPECT_EQ(Text(npl.percent), "20.0000");
  EXPECT_EQ(Text(npl.gap), "400.00");
  for (const Metric metric : {Metric::kDpk, Metric::kDpkPct, Metric::kNplPct}) {
    EXPECT_EQ(Text(Achieve(metric, Pct(100000), Pct(125000)).percent), "80.0000")
        << MetricName(metric);
  }
  EXPECT_EQ(Text(Achieve(Metric::kNplPct, Pct(100000), Pct(125000)).gap), "2.5000");
}

TEST(Achieve, IsCappedAt110) {
  EXPECT_EQ(Text(Achieve(Metric::kOs, Rupiah(1800), Rupiah(2400)).percent), "110.0000");
  EXPECT_EQ(Text(Achieve(Metric::kOs, Rupiah(1800), Rupiah(2400)).gap), "600.00");
  EXPECT_EQ(Text(Achieve(Metric::kNpl, Rupiah(100), Rupiah(50)).percent), "110.0000");
  EXPECT_EQ(Text(Achieve(Metric::kOs, Rupiah(1000), Rupiah(1100)).percent), "110.0000");
}

TEST(Achieve, IsNeverBelowZero) {
  EXPECT_EQ(Text(Achieve(Metric::kOs, Rupiah(1000), Rupiah(-5)).percent), "0.0000");
  EXPECT_EQ(Text(Achieve(Metric::kNpl, Rupiah(100), Rupiah(-5)).percent), "0.0000");
  EXPECT_EQ(Text(Achieve(Metric::kOs, Rupiah(1000), Rupiah(0)).percent), "0.0000");
}

TEST(Achieve, NothingBadAgainstATargetIs110) {
  EXPECT_EQ(Text(Achieve(Metric::kNpl, Rupiah(50), Rupiah(0)).percent), "110.0000");
  EXPECT_EQ(Text(Achieve(Metric::kNpl, Rupiah(50), Rupiah(0)).gap), "-50.00");
  EXPECT_EQ(Text(Achieve(Metric::kDpk, Rupiah(0), Rupiah(0)).percent), "110.0000");
  // Any NPL against a target of none at all: 0 / actual.
  EXPECT_EQ(Text(Achieve(Metric::kNpl, Rupiah(0), Rupiah(100)).percent), "0.0000");
}

TEST(Achieve, TargetZeroOnHigherIsBetterIs110UnlessNegative) {
  EXPECT_EQ(Text(Achieve(Metric::kOs, Rupiah(0), Rupiah(5)).percent), "110.0000");
  EXPECT_EQ(Text(Achieve(Metric::kOs, Rupiah(0), Rupiah(0)).percent), "110.0000");
  EXPECT_EQ(Text(Achieve(Metric::kOs, Rupiah(0), Rupiah(-1)).percent), "0.0000");
  EXPECT_EQ(Text(Achieve(Metric::kNsb, Decimal::Cents(0), Decimal::Count(2)).percent), "110.0000");
}

TEST(Achieve, WithoutAnActualOnlyTheTargetIsKnown) {
  // A ratio whose OS is 0 has no value: neither % Ach nor Gap.
  const Achievement none = Achieve(Metric::kNplPct, Pct(100000), std::nullopt);
  EXPECT_EQ(none.target.ToString(), "10.0000");
  EXPECT_EQ(none.percent, std::nullopt);
  EXPECT_EQ(none.gap, std::nullopt);
}

}  // namespace
}  // namespace smedash::metrics
