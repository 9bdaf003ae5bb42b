// Who may use View data, and what odd input gets: a `user` is refused every route; SQL
// metacharacters and garbage in filters, sort and cursors are answered 200 or 400, never
// 500, and change nothing.
#include "view_data_fixture.hpp"

namespace smedash::testing {
namespace {

const std::vector<std::string> kRoutes = {"/data/view/", "/api/v1/loan-data",
                                          "/api/v1/loan-data/count", "/api/v1/loan-data/options",
                                          "/api/v1/loan-data/export?format=csv"};

TEST_F(ViewDataTest, AUserIsRefusedEveryRoute) {
  CreateUser("budi", "budi-password-123", core::Role::kUser);
  const Client user = SignIn("budi", "budi-password-123");
  for (const auto& route : kRoutes) {
    auto response = Send(http::Method::kGet, route, &user);
    EXPECT_EQ(response.status, 403) << route;
    EXPECT_FALSE(response.stream) << route;
  }
}

TEST_F(ViewDataTest, TheAdminOpensThePage) {
  auto response = Send(http::Method::kGet, "/data/view/", &admin_);
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("/static/app/js/view_data.mjs"), std::string::npos);
  EXPECT_NE(response.body.find("href=\"/data/view/\""), std::string::npos);  // in the sidebar
}

TEST_F(ViewDataTest, SignedOutRequestsAreSentToSignIn) {
  EXPECT_EQ(Send(http::Method::kGet, "/api/v1/loan-data", nullptr).status, 401);
  EXPECT_EQ(Send(http::Method::kGet, "/data/view/", nullptr).status, 303);
}

TEST_F(ViewDataTest, OddInputIsRefusedOrTakenLiterallyNeverAServerError) {
  const std::vector<std::string> values = {"'",
                                           "''",
                                           "%27%3B+DROP+TABLE+loan_data%3B+--",
                                           "1%27+OR+%271%27%3D%271",
                                           "%25",
                                           "_",
                                           "%5C",
                                           "%00",
                                           "%FF%FE",
                                           "%0A",
                                           "\"",
                                           "%3B",
                                           "(",
                                           ")",
                                           "$1",
                                           "%E2%80%AE",
                                           "~*"};
  const std::vector<std::string> names = {"q",        "kanca", "unit", "segment", "grade",
                                          "position", "sort",  "dir",  "after",   "before"};
  for (const auto& route : {"/api/v1/loan-data", "/api/v1/loan-data/count",
                            "/api/v1/loan-data/export?format=csv&x=1"}) {
    for (const auto& name : names) {
      for (const auto& value : values) {
        const std::string target = std::string(route) +
                                   (std::string(route).find('?') == std::string::npos ? "?" : "&") +
                                   name + "=" + value;
        auto response = Send(http::Method::kGet, target, &admin_);
        EXPECT_TRUE(response.status == 200 || response.status == 400)
            << target << " → " << response.status << " " << response.body;
        if (response.stream) BodyOf(response);  // the export runs to its end
      }
    }
  }
  EXPECT_EQ(Count("SELECT count(*) FROM loan_data"), 78);
}

TEST_F(ViewDataTest, BadFiltersAndCursorsNameTheirField) {
  struct Case {
    std::string query;
    std::string field;
  };
  const std::vector<Case> cases = {{"position=9-9-9", "position"},
                                   {"grade=6", "grade"},
                                   {"grade=1.5", "grade"},
                                   {"segment=SME", "segment"},
                                   {"kanca=999", "kanca"},
                                   {"sort=pn_rm", "sort"},
                                   {"sort=os&dir=up", "dir"},
                                   {"after=not-a-cursor", "after"},
                                   {"q=" + std::string(101, 'x'), "q"}};
  for (const auto& bad : cases) {
    auto response = Send(http::Method::kGet, "/api/v1/loan-data?" + bad.query, &admin_);
    ASSERT_EQ(response.status, 400) << bad.query;
    const auto error = JsonOf(response).at("error").as_object();
    EXPECT_EQ(error.at("field").as_string(), bad.field) << bad.query;
    EXPECT_FALSE(error.at("message").as_string().empty());
  }
  // A cursor of one sort is not a place in another.
  auto page = Page("sort=os&dir=desc");
  auto other =
      Send(http::Method::kGet,
           "/api/v1/loan-data?sort=os&dir=asc&after=" + std::string(page.at("next").as_string()),
           &admin_);
  EXPECT_EQ(other.status, 400);
}

}  // namespace
}  // namespace smedash::testing
