// A month's targets over a set of units (issue 6): units without a target add nothing, a
// group adds its target groups, a ratio is taken of the summed amounts.
#include <gtest/gtest.h>

#include <vector>

#include "metrics/targets.hpp"

namespace smedash::metrics {
namespace {

using komitmen::Measure;
using komitmen::TargetGroup;
using komitmen::TargetIndex;

void Set(komitmen::TargetValues& values, TargetGroup group, Measure measure, long long juta) {
  values[TargetIndex(group, measure)] = core::Money::FromCents(juta * 100'000'000);
}

std::string Text(const std::optional<Decimal>& value) { return value ? value->ToString() : "none"; }

// Three units: 0 with KECIL NCC and KECIL CC targets, 1 with KECIL NCC and KUR RITEL, 2
// with none at all.
class MonthTargetsTest : public ::testing::Test {
 protected:
  MonthTargets Targets() const {
    std::vector<komitmen::TargetValues> by_unit(3);
    Set(by_unit[0], TargetGroup::kKecilNcc, Measure::kOs, 1000);
    Set(by_unit[0], TargetGroup::kKecilCc, Measure::kOs, 500);
    Set(by_unit[0], TargetGroup::kKecilNcc, Measure::kNpl, 30);
    Set(by_unit[1], TargetGroup::kKecilNcc, Measure::kOs, 3000);
    Set(by_unit[1], TargetGroup::kKecilNcc, Measure::kNpl, 90);
    Set(by_unit[1], TargetGroup::kKurRitel, Measure::kNpl, 10);
    by_unit[1][TargetIndex(TargetGroup::kKecilNcc, Measure::kDeb)] = core::Money::FromCents(1250);
    return MonthTargets(*core::Date::FromYmd(2025, 10, 1), std::move(by_unit));
  }
  const std::vector<std::size_t> all_{0, 1, 2};
};

std::string Juta(long long juta) { return std::to_string(juta * 1'000'000) + ".00"; }

TEST_F(MonthTargetsTest, AGroupSumsItsTargetGroupsOverTheUnits) {
  const MonthTargets targets = Targets();
  EXPECT_EQ(Text(targets.Target(Metric::kOs, "SMALL", all_)), Juta(4500));
  EXPECT_EQ(Text(targets.Target(Metric::kOs, "SMALL_NCC", all_)), Juta(4000));
  EXPECT_EQ(Text(targets.Target(Metric::kOs, "CC", all_)), Juta(500));
  const std::vector<std::size_t> second{1};
  EXPECT_EQ(Text(targets.Target(Metric::kOs, "SMALL", second)), Juta(3000));
  EXPECT_EQ(Text(targets.Target(Metric::kNsb, "SMALL_NCC", all_)), "12.50");
}

TEST_F(MonthTargetsTest, NoneWhenNoUnitHasTheTarget) {
  const MonthTargets targets = Targets();
  const std::vector<std::size_t> third{2};
  EXPECT_EQ(targets.Target(Metric::kOs, "SMALL", third), std::nullopt);
  EXPECT_EQ(targets.Target(Metric::kOs, "SMALL", {}), std::nullopt);
  EXPECT_EQ(targets.Target(Metric::kDpk, "SMALL", all_), std::nullopt);
  EXPECT_EQ(targets.Target(Metric::kOs, "KUR", all_), std::nullopt);
}

TEST_F(MonthTargetsTest, NoneForGroupsAndMetricsWithoutTargets) {
  const MonthTargets targets = Targets();
  EXPECT_EQ(targets.Target(Metric::kOs, "SME", all_), std::nullopt);
  EXPECT_EQ(targets.Target(Metric::kOs, "MEDIUM", all_), std::nullopt);
  EXPECT_EQ(targets.Target(Metric::kLar, "SMALL", all_), std::nullopt);
  EXPECT_EQ(targets.Target(Metric::kLrPct, "SMALL", all_), std::nullopt);
}

TEST_F(MonthTargetsTest, ARatioIsTakenOfTheSummedAmounts) {
  const MonthTargets targets = Targets();
  // SMALL NCC: (30 + 90) / (1000 + 3000) × 100 = 3; SMALL adds KECIL CC's OS 500:
  // 120 / 4500 × 100 = 2.66666…
  EXPECT_EQ(Text(targets.Target(Metric::kNplPct, "SMALL_NCC", all_)), "3.0000");
  EXPECT_EQ(Text(targets.Target(Metric::kNplPct, "SMALL", all_)), "2.6667");
  // KUR RITEL has an NPL target but no OS target: no ratio.
  EXPECT_EQ(targets.Target(Metric::kNplPct, "KUR", all_), std::nullopt);
}

TEST_F(MonthTargetsTest, UnitIndexesOutOfRangeThrow) {
  const std::vector<std::size_t> beyond{3};
  EXPECT_THROW(Targets().Target(Metric::kOs, "SMALL", beyond), std::out_of_range);
  EXPECT_EQ(Targets().Month(), *core::Date::FromYmd(2025, 10, 1));
}

}  // namespace
}  // namespace smedash::metrics
