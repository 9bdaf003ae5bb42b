// The permission matrix, checked on every route the router knows (so a new route cannot
// forget its guard), plus the pages each role sees.
#include "app_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Access;
using http::Method;

std::string Concrete(const std::string& pattern) {
  std::string target = pattern;
  if (auto pos = target.find("{id}"); pos != std::string::npos) target.replace(pos, 4, "1");
  if (auto pos = target.find("{path*}"); pos != std::string::npos) {
    target.replace(pos, 7, "app/css/app.css");
  }
  return target;
}

TEST_F(AppTest, AnonymousGetsLoginRedirectOr401OnEveryProtectedRoute) {
  int checked = 0;
  for (const auto& route : app_->Router().Routes()) {
    if (route.access == Access::kPublic) continue;
    auto response = Send(route.method, Concrete(route.pattern), nullptr, "{}");
    if (route.kind == http::Kind::kApi) {
      EXPECT_EQ(response.status, 401) << route.name;
    } else if (route.method == Method::kGet) {
      EXPECT_EQ(response.status, 303) << route.name;
      EXPECT_TRUE(response.Header("location").value_or("").starts_with("/accounts/login/?next="))
          << route.name;
    } else {
      EXPECT_EQ(response.status, 401) << route.name;
    }
    ++checked;
  }
  EXPECT_GE(checked, 10);
}

TEST_F(AppTest, UserRoleGets403OnEveryAdminRoute) {
  CreateUser("biasa", "biasa-password-1", core::Role::kUser);
  Client user = SignIn("biasa", "biasa-password-1");
  int checked = 0;
  for (const auto& route : app_->Router().Routes()) {
    if (route.access != Access::kAdmin) continue;
    auto response = Send(route.method, Concrete(route.pattern), &user, "{}");
    EXPECT_EQ(response.status, 403) << route.name;
    EXPECT_EQ(response.body.find("\"users\":["), std::string::npos) << route.name;
    ++checked;
  }
  EXPECT_GE(checked, 5);
}

TEST_F(AppTest, StateChangingRoutesWithoutCsrfAre403) {
  Client admin = SignIn("admin", kAdminPassword);
  for (const auto& route : app_->Router().Routes()) {
    if (route.access == Access::kPublic || !http::IsStateChanging(route.method)) continue;
    auto response =
        Send(route.method, Concrete(route.pattern), &admin, "{}", {{"x-csrf-token", "forged"}});
    EXPECT_EQ(response.status, 403) << route.name;
  }
  EXPECT_EQ(Send(http::Method::kGet, "/api/v1/me", &admin).status, 200);  // still signed in
}

TEST_F(AppTest, UserPagesShowNoAdminMenuAndUsersPageIs403) {
  CreateUser("biasa", "biasa-password-1", core::Role::kUser);
  Client user = SignIn("biasa", "biasa-password-1");
  auto home = Send(Method::kGet, "/", &user);
  ASSERT_EQ(home.status, 200);
  EXPECT_EQ(home.body.find("/accounts/users/"), std::string::npos);
  auto users_page = Send(Method::kGet, "/accounts/users/", &user);
  EXPECT_EQ(users_page.status, 403);
  EXPECT_NE(users_page.body.find("Anda tidak memiliki akses ke halaman ini."), std::string::npos);
}

TEST_F(AppTest, AdminHomeHasTheLayoutAndAdminMenu) {
  Client admin = SignIn("admin", kAdminPassword);
  auto home = Send(Method::kGet, "/", &admin);
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("href=\"/accounts/users/\""), std::string::npos);
  EXPECT_NE(home.body.find("name=\"csrf-token\" content=\"" + admin.csrf_token + "\""),
            std::string::npos);
  EXPECT_NE(home.body.find("action=\"/accounts/logout/\""), std::string::npos);
  auto csp = home.Header("content-security-policy").value_or("");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(home.Header("x-content-type-options"), "nosniff");
  EXPECT_TRUE(home.Header("referrer-policy").has_value());
}

TEST_F(AppTest, EnglishIsAvailable) {
  Client admin = SignIn("admin", kAdminPassword);
  admin.lang = "en";
  auto home = Send(Method::kGet, "/", &admin);
  EXPECT_NE(home.body.find("<html lang=\"en\""), std::string::npos);
  auto lang = Send(Method::kGet, "/lang?set=en&next=%2Faccounts%2Fusers%2F", nullptr);
  EXPECT_EQ(lang.status, 303);
  EXPECT_EQ(lang.Header("location"), "/accounts/users/");
  EXPECT_TRUE(CookieValue(lang, "lang") == "en");
}

TEST_F(AppTest, HealthzAnswersWithoutSignIn) {
  auto response = Send(Method::kGet, "/healthz", nullptr);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(JsonOf(response).at("database").as_string(), "up");
}

TEST_F(AppTest, UnknownPathIs404AndWrongMethodIs405) {
  Client admin = SignIn("admin", kAdminPassword);
  EXPECT_EQ(Send(Method::kGet, "/no/such/page/", &admin).status, 404);
  EXPECT_EQ(Send(Method::kDelete, "/api/v1/users", &admin).status, 405);
}

}  // namespace
}  // namespace smedash::testing
