// With nothing loaded every dashboard endpoint answers 200 with position null and empty
// lists, so the pages can say "no data".
#include "dashboard_api_fixture.hpp"

namespace smedash::testing {
namespace {

using EmptyDatabaseTest = DashboardApiTest;

bool Empty(const boost::json::value& value) { return value.as_array().empty(); }

TEST_F(EmptyDatabaseTest, PositionsListNothingButTheGroups) {
  const auto body = GetJson("/api/v1/positions");
  EXPECT_TRUE(Empty(body.at("positions")));
  EXPECT_TRUE(body.at("latest").is_null());
  EXPECT_TRUE(Empty(body.at("kancas")));
  EXPECT_EQ(body.at("groups").as_array().size(), 7u);
}

TEST_F(EmptyDatabaseTest, HomeHasNoCards) {
  const auto home = GetJson("/api/v1/dashboard/home");
  EXPECT_TRUE(home.at("position").is_null());
  EXPECT_TRUE(Empty(home.at("cards")));
  EXPECT_TRUE(Empty(home.at("trend")));
  EXPECT_TRUE(Empty(home.at("missing_days")));
  EXPECT_TRUE(home.at("last_upload").is_null());
  EXPECT_TRUE(home.at("columns").at("E").is_null());
}

TEST_F(EmptyDatabaseTest, OsHasNoTables) {
  // Even a bookmarked position or kanca: the page says "no data", not an error.
  const auto os = GetJson("/api/v1/dashboard/os?group=KUR&metric=npl&position=2025-10-09&kanca=25");
  EXPECT_TRUE(os.at("position").is_null());
  EXPECT_EQ(Text(os.at("group")), "KUR");
  EXPECT_EQ(Text(os.at("metric")), "npl");
  EXPECT_TRUE(Empty(os.at("tables")));
  EXPECT_TRUE(Empty(os.at("charts").at("by_kanca")));
  EXPECT_TRUE(Empty(os.at("charts").at("by_grade")));
  EXPECT_TRUE(Empty(os.at("charts").at("trend")));
  for (const auto& [column, date] : os.at("columns").as_object()) {
    EXPECT_TRUE(date.is_null()) << std::string(column);
  }
}

TEST_F(EmptyDatabaseTest, SummaryAndDailyHaveNoRows) {
  for (const std::string tab : {"konsol", "only", "medium"}) {
    const auto summary = GetJson("/api/v1/dashboard/summary?tab=" + tab);
    EXPECT_TRUE(summary.at("position").is_null()) << tab;
    EXPECT_TRUE(Empty(summary.at("sections"))) << tab;
  }
  for (const std::string view : {"daily", "monthly"}) {
    const auto daily = GetJson("/api/v1/dashboard/daily?view=" + view);
    EXPECT_TRUE(daily.at("position").is_null()) << view;
    EXPECT_TRUE(Empty(daily.at("points"))) << view;
  }
  const auto compare = GetJson("/api/v1/dashboard/daily?view=compare");
  EXPECT_TRUE(Empty(compare.at("series")));
}

TEST_F(EmptyDatabaseTest, AnUnknownGroupIsStillRefused) {
  EXPECT_EQ(Get("/api/v1/dashboard/os?group=MIKRO").status, 400);
}

}  // namespace
}  // namespace smedash::testing
