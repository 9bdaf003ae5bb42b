// The export routes hand the endpoint's JSON to the export module and answer a file
// download; the layout itself is the export module's (tests/unit/dashboard/export).
#include "dashboard_api_fixture.hpp"

namespace smedash::testing {
namespace {

class ExportTest : public DashboardApiTest {
 protected:
  void SetUp() override {
    DashboardApiTest::SetUp();
    ImportWorkedExample();
  }
};

TEST_F(ExportTest, OsTableAsCsv) {
  const auto response =
      Get("/api/v1/dashboard/os/export?format=csv&unit=rp&group=SME&metric=os&table=kcp_only");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_TRUE(response.Header("Content-Type").value_or("").starts_with("text/csv"));
  EXPECT_TRUE(
      response.Header("Content-Disposition").value_or("").starts_with("attachment; filename=\""));
  EXPECT_NE(response.body.find("KCP Cikajang"), std::string::npos) << response.body;
  EXPECT_NE(response.body.find("KCP Rajawali Bandung"), std::string::npos);
}

TEST_F(ExportTest, EveryDashboardAsXlsx) {
  for (const std::string target :
       {"/api/v1/dashboard/os/export?format=xlsx&kanca=25",
        "/api/v1/dashboard/summary/export?format=xlsx&tab=medium",
        "/api/v1/dashboard/daily/export?view=monthly", "/api/v1/dashboard/summary/export"}) {
    const auto response = Get(target);
    ASSERT_EQ(response.status, 200) << target << ": " << response.body;
    EXPECT_TRUE(response.body.starts_with("PK")) << target << ": a zip (XLSX) by default";
    EXPECT_TRUE(response.Header("Content-Disposition").value_or("").starts_with("attachment;"));
  }
}

}  // namespace
}  // namespace smedash::testing
