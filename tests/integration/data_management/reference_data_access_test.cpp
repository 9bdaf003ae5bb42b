// Who may use the segment map and unit hierarchy routes: admins only, and every change
// needs the session's CSRF token.
#include <regex>

#include "reference_data_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

// Every route these pages registered, with "{code}" filled in.
std::vector<std::pair<Method, std::string>> ReferenceRoutes(const http::Router& router) {
  std::vector<std::pair<Method, std::string>> routes;
  for (const auto& route : router.Routes()) {
    if (!route.name.starts_with("segments.") && !route.name.starts_with("units.")) continue;
    routes.emplace_back(route.method,
                        std::regex_replace(route.pattern, std::regex("\\{code\\}"), "5"));
  }
  return routes;
}

TEST_F(ReferenceDataTest, EveryRouteIsForAdminsOnly) {
  CreateUser("budi", "budi-password-1", core::Role::kUser);
  Client user = SignIn("budi", "budi-password-1");
  const auto routes = ReferenceRoutes(router_);
  ASSERT_EQ(routes.size(), 12u);
  for (const auto& [method, target] : routes) {
    auto signed_in = Send(method, target, &user, method == Method::kGet ? "" : "{}");
    EXPECT_EQ(signed_in.status, 403) << http::MethodName(method) << " " << target;
    auto anonymous = Send(method, target, nullptr, method == Method::kGet ? "" : "{}");
    if (target.starts_with("/api/")) {
      EXPECT_EQ(anonymous.status, 401) << http::MethodName(method) << " " << target;
    } else {
      EXPECT_EQ(anonymous.status, 303) << target;  // to the sign-in page
    }
  }
  EXPECT_EQ(Count("SELECT count(*) FROM segment_map"), 25);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action LIKE 'segment_map.%' "
                  "OR action LIKE 'unit_master.%'"),
            0);
}

TEST_F(ReferenceDataTest, EveryChangeNeedsTheCsrfToken) {
  Client admin = SignInAdmin();
  Client forged = admin;
  forged.csrf_token = "not-the-token";
  const auto version = DataVersion();
  for (const auto& [method, target] : ReferenceRoutes(router_)) {
    if (method == Method::kGet) {
      EXPECT_EQ(Send(method, target, &forged).status, 200) << target;  // reads need none
      continue;
    }
    auto answer = Send(method, target, &forged, R"({"code":"12345","segment":"KUR"})");
    EXPECT_EQ(answer.status, 403) << http::MethodName(method) << " " << target;
    EXPECT_EQ(JsonOf(answer).at("error").at("code").as_string(), "csrf");
  }
  auto imported =
      PostCsv("/api/v1/units/import", &forged, "KODE UKER,UKER,KODE KANCA,KANCA\n9,X,9,X\n");
  EXPECT_EQ(imported.status, 403);
  EXPECT_EQ(Count("SELECT count(*) FROM segment_map WHERE code = '12345'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM unit_master"), 0);
  EXPECT_EQ(DataVersion(), version);

  // The same request with the token goes through.
  auto added =
      SendJson(Method::kPost, "/api/v1/segments", &admin, {{"code", "12345"}, {"segment", "KUR"}});
  EXPECT_EQ(added.status, 201) << added.body;
}

TEST_F(ReferenceDataTest, PagesRenderForAdminsWithTheirMenuEntries) {
  Client admin = SignInAdmin();
  for (const std::string path : {"/data/segments/", "/data/units/"}) {
    auto page = Send(Method::kGet, path, &admin);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_NE(page.body.find("href=\"/data/segments/\""), std::string::npos);
    EXPECT_NE(page.body.find("href=\"/data/units/\""), std::string::npos);
  }
  EXPECT_NE(Send(Method::kGet, "/data/segments/", &admin).body.find("Peta Segmen"),
            std::string::npos);
  EXPECT_NE(Send(Method::kGet, "/data/units/", &admin).body.find("/static/app/js/units.mjs"),
            std::string::npos);
}

}  // namespace
}  // namespace smedash::testing
