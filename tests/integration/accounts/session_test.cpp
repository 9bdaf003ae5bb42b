// Session lifetime, CSRF and password changes.
#include "app_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

TEST_F(AppTest, IdleSessionExpires) {
  Client admin = SignIn("admin", kAdminPassword);
  Execute("UPDATE sessions SET last_seen_at = now() - interval '61 minutes'");
  EXPECT_EQ(Send(Method::kGet, "/api/v1/me", &admin).status, 401);
}

TEST_F(AppTest, SessionExpiresAtItsAbsoluteLifetimeEvenWhenActive) {
  Client admin = SignIn("admin", kAdminPassword);
  Execute("UPDATE sessions SET expires_at = now() - interval '1 second'");
  EXPECT_EQ(Send(Method::kGet, "/api/v1/me", &admin).status, 401);
}

TEST_F(AppTest, ExpiredSessionsAreSweptAtTheNextSignIn) {
  SignIn("admin", kAdminPassword);
  Execute("UPDATE sessions SET expires_at = now() - interval '1 second'");
  SignIn("admin", kAdminPassword);
  EXPECT_EQ(Count("SELECT count(*) FROM sessions"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM sessions WHERE expires_at < now()"), 0);
}

TEST_F(AppTest, StateChangeWithoutOrWithWrongCsrfTokenIs403) {
  Client admin = SignIn("admin", kAdminPassword);
  std::string body = R"({"first_name":"Changed"})";
  std::string target = "/api/v1/users/" + std::to_string(admin_id_);
  auto missing = Send(Method::kPatch, target, &admin, body, {{"x-csrf-token", ""}});
  auto wrong = Send(Method::kPatch, target, &admin, body, {{"x-csrf-token", "not-the-token"}});
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE first_name = 'Changed'"), 0);
  EXPECT_EQ(Send(Method::kPatch, target, &admin, body).status, 200);
  EXPECT_EQ(Count("SELECT count(*) FROM users WHERE first_name = 'Changed'"), 1);
}

TEST_F(AppTest, LogoutFormNeedsTheCsrfField) {
  Client admin = SignIn("admin", kAdminPassword);
  auto without =
      Send(Method::kPost, "/accounts/logout/", &admin, "csrf_token=wrong",
           {{"content-type", "application/x-www-form-urlencoded"}, {"x-csrf-token", ""}});
  EXPECT_EQ(without.status, 403);
  auto with = Send(Method::kPost, "/accounts/logout/", &admin, "csrf_token=" + admin.csrf_token,
                   {{"content-type", "application/x-www-form-urlencoded"}, {"x-csrf-token", ""}});
  EXPECT_EQ(with.status, 303);
  EXPECT_EQ(with.Header("location"), "/accounts/login/");
  EXPECT_EQ(Send(Method::kGet, "/api/v1/me", &admin).status, 401);
}

TEST_F(AppTest, ChangingOwnPasswordSignsOutOtherSessionsOnly) {
  CreateUser("siti", "siti-password-1", core::Role::kUser);
  Client laptop = SignIn("siti", "siti-password-1");
  Client phone = SignIn("siti", "siti-password-1");
  auto wrong = Send(Method::kPost, "/api/v1/me/password", &laptop,
                    R"({"current_password":"nope-nope-nope","new_password":"siti-password-2"})");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(JsonOf(wrong).at("error").at("field").as_string(), "current_password");
  auto ok = Send(Method::kPost, "/api/v1/me/password", &laptop,
                 R"({"current_password":"siti-password-1","new_password":"siti-password-2"})");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Send(Method::kGet, "/api/v1/me", &laptop).status, 200);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/me", &phone).status, 401);
  SignIn("siti", "siti-password-2");
}

TEST_F(AppTest, NewPasswordMustMeetThePolicy) {
  Client admin = SignIn("admin", kAdminPassword);
  auto response = Send(Method::kPost, "/api/v1/me/password", &admin,
                       R"({"current_password":"admin-password-123","new_password":"short"})");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(JsonOf(response).at("error").at("field").as_string(), "new_password");
}

}  // namespace
}  // namespace smedash::testing
