// What the dashboard API refuses: bad parameters (400 bad_parameter naming the field, in
// the user's language), a position not loaded (404), and anyone not signed in (401).
#include "dashboard_api_fixture.hpp"

namespace smedash::testing {
namespace {

class RefusalsTest : public DashboardApiTest {
 protected:
  void SetUp() override {
    DashboardApiTest::SetUp();
    ImportWorkedExample();
  }

  // The error object, after checking the status.
  boost::json::object ErrorOf(const std::string& target, int status,
                              const Client* client = nullptr) {
    const auto response = Get(target, {}, client);
    EXPECT_EQ(response.status, status) << target << ": " << response.body;
    const auto body = JsonOf(response);
    return body.at("error").as_object();
  }
  // "code field" of the error, after checking the status is 400.
  std::string BadParameter(const std::string& target) {
    const auto error = ErrorOf(target, 400);
    return Text(error.at("code")) + " " + Text(error.at("field"));
  }
};

TEST_F(RefusalsTest, BadParametersNameTheirField) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"/api/v1/dashboard/os?group=MIKRO", "group"},
      {"/api/v1/dashboard/os?group=sme", "group"},
      {"/api/v1/dashboard/os?metric=npl%25", "metric"},
      {"/api/v1/dashboard/os?metric=OS", "metric"},
      {"/api/v1/dashboard/os?position=09/10/2025", "position"},
      {"/api/v1/dashboard/os?position=2025-02-30", "position"},
      {"/api/v1/dashboard/os?kanca=999", "kanca"},
      {"/api/v1/dashboard/summary?tab=medium_only", "tab"},
      {"/api/v1/dashboard/summary?kanca=KC%20Garut", "kanca"},
      {"/api/v1/dashboard/summary?position=latest", "position"},
      {"/api/v1/dashboard/daily?view=weekly", "view"},
      {"/api/v1/dashboard/daily?group=SMALL%20KUR", "group"},
      {"/api/v1/dashboard/daily?view=compare&months=0", "months"},
      {"/api/v1/dashboard/daily?view=compare&months=13", "months"},
      {"/api/v1/dashboard/daily?view=compare&months=3x", "months"},
      {"/api/v1/dashboard/daily?from=2025-10-09&to=2025-10-01", "from"},
      {"/api/v1/dashboard/daily?to=2025-10", "to"},
      {"/api/v1/dashboard/os/export?format=pdf", "format"},
      {"/api/v1/dashboard/os/export?format=csv&unit=ribu", "unit"},
      {"/api/v1/dashboard/os/export?format=csv&table=kcp", "table"},
      {"/api/v1/dashboard/summary/export?tab=x", "tab"},
      {"/api/v1/dashboard/daily/export?view=x", "view"},
  };
  for (const auto& [target, field] : cases) {
    EXPECT_EQ(BadParameter(target), "bad_parameter " + field) << target;
  }
}

TEST_F(RefusalsTest, MessagesAreInTheUsersLanguage) {
  const auto indonesian = ErrorOf("/api/v1/dashboard/os?metric=foo", 400);
  EXPECT_EQ(Text(indonesian.at("message")),
            "Parameter 'metric' tidak valid. Nilai yang diterima: os, dpk, dpk_pct, npl, "
            "npl_pct, lr, lr_pct, lar, lar_pct, nsb.");
  Client english = user_;
  english.lang = "en";
  const auto error = ErrorOf("/api/v1/dashboard/summary?tab=x", 400, &english);
  EXPECT_EQ(Text(error.at("message")),
            "Invalid parameter 'tab'. Accepted values: konsol, only, medium.");
}

TEST_F(RefusalsTest, APositionNotLoadedIs404) {
  for (const std::string target :
       {"/api/v1/dashboard/os?position=2025-10-07", "/api/v1/dashboard/summary?position=2025-10-10",
        "/api/v1/dashboard/os/export?format=csv&position=2025-10-07"}) {
    const auto error = ErrorOf(target, 404);
    EXPECT_EQ(Text(error.at("code")), "position_not_loaded") << target;
    EXPECT_EQ(Text(error.at("field")), "position") << target;
  }
  EXPECT_EQ(Text(ErrorOf("/api/v1/dashboard/os?position=2025-10-07", 404).at("message")),
            "Posisi 2025-10-07 belum dimuat.");
}

TEST_F(RefusalsTest, AnonymousRequestsAre401) {
  for (const std::string target :
       {"/api/v1/positions", "/api/v1/dashboard/home", "/api/v1/dashboard/os",
        "/api/v1/dashboard/summary", "/api/v1/dashboard/daily", "/api/v1/dashboard/os/export",
        "/api/v1/dashboard/summary/export", "/api/v1/dashboard/daily/export"}) {
    const auto response = Send(http::Method::kGet, target, nullptr);
    EXPECT_EQ(response.status, 401) << target;
    EXPECT_EQ(Text(JsonOf(response).at("error").at("code")), "unauthenticated") << target;
    EXPECT_FALSE(response.Header("ETag").has_value()) << target;
  }
}

TEST_F(RefusalsTest, EmptyValuesTakeTheDefaults) {
  const auto os = GetJson("/api/v1/dashboard/os?group=&metric=&position=&kanca=");
  EXPECT_EQ(Text(os.at("group")), "SME");
  EXPECT_EQ(Text(os.at("metric")), "os");
  EXPECT_EQ(Text(os.at("position")), "2025-10-09");
  EXPECT_TRUE(os.at("kanca").is_null());
}

}  // namespace
}  // namespace smedash::testing
