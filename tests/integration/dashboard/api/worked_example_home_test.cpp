// domain.md section 10 through GET /api/v1/dashboard/home: the cards of the latest
// position with DtD and MtD, the OS trend, the last upload and the missing business days.
#include "dashboard_api_fixture.hpp"

namespace smedash::testing {
namespace {

using Strings = std::vector<std::string>;

class WorkedExampleHomeTest : public DashboardApiTest {
 protected:
  void SetUp() override {
    DashboardApiTest::SetUp();
    ImportWorkedExample();
    home_ = GetJson("/api/v1/dashboard/home");
  }

  const boost::json::object& Card(const std::string& metric) {
    return Find(home_.at("cards"), "metric", metric);
  }
  std::string CardLine(const std::string& metric) {
    const auto& card = Card(metric);
    auto change = [&](const char* name) {
      const auto& value = card.at(name);
      return value.is_null() ? std::string("null")
                             : Text(value.at("value")) + "|" + Text(value.at("percent"));
    };
    return Text(card.at("value")) + " dtd " + change("dtd") + " mtd " + change("mtd");
  }

  boost::json::object home_;
};

TEST_F(WorkedExampleHomeTest, CardsOfTheLatestPosition) {
  EXPECT_EQ(Text(home_.at("position")), "2025-10-09");
  EXPECT_EQ(Text(home_.at("columns").at("C")), "2025-09-30");
  EXPECT_EQ(Text(home_.at("columns").at("D")), "2025-10-08");
  EXPECT_EQ(Text(home_.at("columns").at("E")), "2025-10-09");
  EXPECT_EQ(Texts(home_.at("cards"), "metric"),
            (Strings{"os", "dpk_pct", "npl_pct", "lar_pct", "nsb"}));
  EXPECT_EQ(CardLine("os"), "17400000000.00 dtd 800000000.00|4.8193 mtd 2150000000.00|14.0984");
  // Ratios change in percentage points; the % of a change from 0 % is none.
  EXPECT_EQ(CardLine("dpk_pct"), "11.4943 dtd 8.4823|281.6169 mtd 11.4943|null");
  EXPECT_EQ(CardLine("npl_pct"), "5.1724 dtd 2.7628|114.6580 mtd 5.1724|null");
  EXPECT_EQ(CardLine("lar_pct"), "33.9080 dtd 10.4140|44.3262 mtd 15.5473|84.6771");
  EXPECT_EQ(CardLine("nsb"), "5 dtd 0|0.0000 mtd 1|25.0000");
  EXPECT_EQ(Text(Card("os").at("metric_kind")), "amount");
  EXPECT_TRUE(Card("os").at("rise_is_good").as_bool());
  EXPECT_EQ(Text(Card("lar_pct").at("metric_kind")), "percent");
  EXPECT_FALSE(Card("lar_pct").at("rise_is_good").as_bool());
  EXPECT_EQ(Text(Card("nsb").at("metric_kind")), "count");
}

TEST_F(WorkedExampleHomeTest, TrendOfSmeOs) {
  EXPECT_EQ(Texts(home_.at("trend"), "position"),
            (Strings{"2024-12-31", "2025-09-30", "2025-10-08", "2025-10-09"}));
  EXPECT_EQ(Texts(home_.at("trend"), "os"),
            (Strings{"11500000000.00", "15250000000.00", "16600000000.00", "17400000000.00"}));
}

TEST_F(WorkedExampleHomeTest, LastUploadIsTheImport) {
  const auto& upload = home_.at("last_upload");
  ASSERT_TRUE(upload.is_object());
  EXPECT_EQ(upload.at("id").as_int64(), Count("SELECT max(id) FROM uploads"));
  EXPECT_EQ(Text(upload.at("file_name")), "contoh.csv");
  EXPECT_EQ(Text(upload.at("status")), "completed");
  EXPECT_EQ(upload.at("rows_accepted").as_int64(), 20);
  EXPECT_EQ(upload.at("rows_rejected").as_int64(), 0);
  EXPECT_EQ(Text(upload.at("created_at")).size(), 20u) << "yyyy-mm-ddThh:mm:ssZ";
  EXPECT_EQ(Text(upload.at("completed_at")).back(), 'Z');
}

TEST_F(WorkedExampleHomeTest, MissingDaysAreWeekdaysOfFourWeeksWithoutData) {
  // 2025-09-12 (Fri) .. 2025-10-09 (Thu); loaded: 09-30, 10-08, 10-09.
  EXPECT_EQ(
      TextsOf(home_.at("missing_days")),
      (Strings{"2025-09-12", "2025-09-15", "2025-09-16", "2025-09-17", "2025-09-18", "2025-09-19",
               "2025-09-22", "2025-09-23", "2025-09-24", "2025-09-25", "2025-09-26", "2025-09-29",
               "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07"}));
}

TEST_F(WorkedExampleHomeTest, ANewerQueuedUploadIsTheLastUpload) {
  Execute(
      "INSERT INTO uploads (file_name, status) VALUES ('staged.csv', 'staged'), "
      "('next.csv', 'queued'), ('withdrawn.csv', 'cancelled')");
  const auto home = GetJson("/api/v1/dashboard/home");
  EXPECT_EQ(Text(home.at("last_upload").at("file_name")), "next.csv");
  EXPECT_EQ(Text(home.at("last_upload").at("status")), "queued");
  EXPECT_TRUE(home.at("last_upload").at("completed_at").is_null());
}

}  // namespace
}  // namespace smedash::testing
