// Signing in and out through the API and the login form.
#include "app_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

TEST_F(AppTest, ApiSignInReturnsUserAndCsrfAndSetsAHardenedCookie) {
  auto response = Send(Method::kPost, "/api/v1/session", nullptr,
                       R"({"username":"admin","password":"admin-password-123"})");
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = JsonOf(response);
  EXPECT_EQ(body.at("user").at("username").as_string(), "admin");
  EXPECT_EQ(body.at("user").at("role").as_string(), "admin");
  EXPECT_EQ(body.at("csrf_token").as_string().size(), 43u);
  auto cookie = response.Header("set-cookie").value_or("");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'auth.sign_in'"), 1);
}

TEST_F(AppTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  auto wrong = Send(Method::kPost, "/api/v1/session", nullptr,
                    R"({"username":"admin","password":"not-the-password"})");
  auto unknown = Send(Method::kPost, "/api/v1/session", nullptr,
                      R"({"username":"nobody","password":"not-the-password"})");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(JsonOf(wrong).at("error").at("message").as_string(),
            "Nama pengguna atau kata sandi salah.");
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'auth.sign_in_failed'"), 2);
}

TEST_F(AppTest, MeAnswersForTheSessionAnd401WithoutOne) {
  Client admin = SignIn("admin", kAdminPassword);
  auto me = Send(Method::kGet, "/api/v1/me", &admin);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(JsonOf(me).at("user").at("username").as_string(), "admin");
  EXPECT_EQ(Send(Method::kGet, "/api/v1/me", nullptr).status, 401);
}

TEST_F(AppTest, SignOutEndsTheSessionOnTheServer) {
  Client admin = SignIn("admin", kAdminPassword);
  EXPECT_EQ(Send(Method::kDelete, "/api/v1/session", &admin).status, 204);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/me", &admin).status, 401);
  EXPECT_EQ(Count("SELECT count(*) FROM sessions"), 0);
}

TEST_F(AppTest, LoginFormRedirectsToNextAndRefusesOtherSites) {
  auto ok = Send(Method::kPost, "/accounts/login/", nullptr,
                 "username=admin&password=admin-password-123&next=%2Faccounts%2Fusers%2F",
                 {{"content-type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.Header("location"), "/accounts/users/");
  auto evil = Send(Method::kPost, "/accounts/login/", nullptr,
                   "username=admin&password=admin-password-123&next=https%3A%2F%2Fevil.example",
                   {{"content-type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(evil.Header("location"), "/");
}

TEST_F(AppTest, LoginFormShowsTheErrorAndKeepsTheUsernameEscaped) {
  auto response = Send(Method::kPost, "/accounts/login/", nullptr,
                       "username=%3Cscript%3Ex&password=wrong-password",
                       {{"content-type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(response.status, 401);
  EXPECT_NE(response.body.find("Nama pengguna atau kata sandi salah."), std::string::npos);
  EXPECT_NE(response.body.find("&lt;script&gt;x"), std::string::npos);
  EXPECT_EQ(response.body.find("<script>x"), std::string::npos);
}

TEST_F(AppTest, CrossSiteLoginPostIsRefused) {
  auto response = Send(Method::kPost, "/api/v1/session", nullptr,
                       R"({"username":"admin","password":"admin-password-123"})",
                       {{"origin", "https://evil.example"}});
  EXPECT_EQ(response.status, 403);
}

TEST_F(AppTest, SignInRotatesTheSessionId) {
  Client first = SignIn("admin", kAdminPassword);
  // Signing in again from the same browser replaces the old session instead of reusing it.
  auto response = Send(Method::kPost, "/api/v1/session", &first,
                       R"({"username":"admin","password":"admin-password-123"})");
  ASSERT_EQ(response.status, 200);
  auto token = CookieValue(response, "smedash_session");
  ASSERT_TRUE(token);
  EXPECT_NE(*token, first.session_token);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/me", &first).status, 401);
  EXPECT_EQ(Count("SELECT count(*) FROM sessions"), 1);
}

}  // namespace
}  // namespace smedash::testing
