// GET /api/v1/dashboard/daily on domain.md section 10: the daily, compare-months and
// monthly views, their defaults, ranges, group and kanca filters.
#include "dashboard_api_fixture.hpp"

namespace smedash::testing {
namespace {

using Strings = std::vector<std::string>;

class DailyTest : public DashboardApiTest {
 protected:
  void SetUp() override {
    DashboardApiTest::SetUp();
    ImportWorkedExample();
  }
};

std::string Juta(long juta) { return std::to_string(juta * 1000000L) + ".00"; }

TEST_F(DailyTest, DailyViewDefaultsToTheLastPositionsWithEveryMetric) {
  const auto daily = GetJson("/api/v1/dashboard/daily");
  EXPECT_EQ(Text(daily.at("view")), "daily");
  EXPECT_EQ(Text(daily.at("group")), "SME");
  EXPECT_TRUE(daily.at("kanca").is_null());
  EXPECT_EQ(Text(daily.at("position")), "2025-10-09");
  EXPECT_EQ(Text(daily.at("from")), "2024-12-31");
  EXPECT_EQ(Text(daily.at("to")), "2025-10-09");
  EXPECT_EQ(
      Texts(daily.at("metrics"), "metric"),
      (Strings{"os", "dpk", "dpk_pct", "npl", "npl_pct", "lr", "lr_pct", "lar", "lar_pct", "nsb"}));
  const auto& points = daily.at("points");
  EXPECT_EQ(Texts(points, "position"),
            (Strings{"2024-12-31", "2025-09-30", "2025-10-08", "2025-10-09"}));
  EXPECT_EQ(Texts(points, "os"), (Strings{Juta(11500), Juta(15250), Juta(16600), Juta(17400)}));
  EXPECT_EQ(Texts(points, "lar"), (Strings{Juta(2500), Juta(2800), Juta(3900), Juta(5900)}));
  EXPECT_EQ(Texts(points, "npl_pct"), (Strings{"0.0000", "0.0000", "2.4096", "5.1724"}));
  EXPECT_EQ(Texts(points, "nsb"), (Strings{"2", "4", "5", "5"}));
  for (const auto& point : points.as_array()) EXPECT_EQ(point.as_object().size(), 11u);
}

TEST_F(DailyTest, GroupAndKancaNarrowTheLines) {
  const auto daily = GetJson("/api/v1/dashboard/daily?view=daily&group=KUR&kanca=25");
  EXPECT_EQ(Text(daily.at("kanca").at("name")), "KC Garut");
  const auto& points = daily.at("points");
  EXPECT_EQ(Texts(points, "os"), (Strings{Juta(0), Juta(450), Juta(500), Juta(500)}));
  EXPECT_EQ(Texts(points, "npl"), (Strings{Juta(0), Juta(0), Juta(0), Juta(500)}));
  EXPECT_EQ(Texts(points, "dpk"), (Strings{Juta(0), Juta(0), Juta(500), Juta(0)}));
  // No KUR loan in KC Garut at 2024-12-31: a ratio of OS 0 is none.
  EXPECT_EQ(Texts(points, "npl_pct"), (Strings{"null", "0.0000", "0.0000", "100.0000"}));
}

TEST_F(DailyTest, DailyViewTakesARange) {
  const auto daily = GetJson("/api/v1/dashboard/daily?view=daily&from=2025-10-01&to=2025-10-08");
  EXPECT_EQ(Text(daily.at("from")), "2025-10-01");
  EXPECT_EQ(Text(daily.at("to")), "2025-10-08");
  EXPECT_EQ(Texts(daily.at("points"), "position"), (Strings{"2025-10-08"}));
}

TEST_F(DailyTest, CompareViewHasOneSeriesPerMonthByDay) {
  const auto compare = GetJson("/api/v1/dashboard/daily?view=compare&months=2");
  EXPECT_EQ(Text(compare.at("view")), "compare");
  EXPECT_EQ(compare.at("months").as_int64(), 2);
  const auto& series = compare.at("series");
  EXPECT_EQ(Texts(series, "month"), (Strings{"2025-09", "2025-10"}));
  const auto& september = series.as_array()[0].at("points");
  EXPECT_EQ(september.as_array().size(), 1u);
  EXPECT_EQ(september.as_array()[0].at("day").as_int64(), 30);
  EXPECT_EQ(Texts(september, "os"), (Strings{Juta(15250)}));
  const auto& october = series.as_array()[1].at("points");
  EXPECT_EQ(Texts(october, "position"), (Strings{"2025-10-08", "2025-10-09"}));
  EXPECT_EQ(october.as_array()[1].at("day").as_int64(), 9);

  const auto by_default = GetJson("/api/v1/dashboard/daily?view=compare&to=2025-10-08");
  EXPECT_EQ(Texts(by_default.at("series"), "month"), (Strings{"2025-08", "2025-09", "2025-10"}));
  EXPECT_TRUE(by_default.at("series").as_array()[0].at("points").as_array().empty());
  EXPECT_EQ(Texts(by_default.at("series").as_array()[2].at("points"), "position"),
            (Strings{"2025-10-08"}));
}

TEST_F(DailyTest, MonthlyViewTakesEachMonthsLastPosition) {
  const auto monthly = GetJson("/api/v1/dashboard/daily?view=monthly");
  EXPECT_EQ(Text(monthly.at("from")), "2024-10-01");
  EXPECT_EQ(Texts(monthly.at("points"), "month"), (Strings{"2024-12", "2025-09", "2025-10"}));
  EXPECT_EQ(Texts(monthly.at("points"), "position"),
            (Strings{"2024-12-31", "2025-09-30", "2025-10-09"}));
  EXPECT_EQ(Texts(monthly.at("points"), "os"), (Strings{Juta(11500), Juta(15250), Juta(17400)}));
  const auto recent = GetJson("/api/v1/dashboard/daily?view=monthly&from=2025-01-01&to=2025-10-08");
  EXPECT_EQ(Texts(recent.at("points"), "position"), (Strings{"2025-09-30", "2025-10-08"}));
}

}  // namespace
}  // namespace smedash::testing
