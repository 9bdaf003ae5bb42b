// The history's pages and API are the admins': a `user` gets 403 on every route, a
// signed-out client 401 (API) or the sign-in page, and neither changes anything.
#include <fmt/format.h>

#include "history_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

TEST_F(HistoryTest, AUserGets403OnEveryHistoryRoute) {
  Client admin = SignInAdmin();
  CreateUser("siti", "siti-password-123", core::Role::kUser);
  Client user = SignIn("siti", "siti-password-123");
  const auto id = InsertUpload({UserId("admin"), "gagal.csv", "failed"});

  const std::vector<std::pair<Method, std::string>> routes = {
      {Method::kGet, "/data/history/"},
      {Method::kGet, fmt::format("/data/history/{}/", id)},
      {Method::kGet, "/api/v1/uploads/history"},
      {Method::kGet, "/api/v1/uploads/history?status=failed"},
      {Method::kGet, fmt::format("/api/v1/uploads/{}/file", id)},
      {Method::kPost, fmt::format("/api/v1/uploads/{}/retry", id)},
  };
  for (const auto& [method, target] : routes) {
    auto response = Send(method, target, &user);
    EXPECT_EQ(response.status, 403) << target << ": " << response.body;
    EXPECT_EQ(response.body.find("gagal.csv"), std::string::npos) << target;

    Client signed_out;
    auto anonymous = Send(method, target, &signed_out);
    if (target.starts_with("/api/")) {
      EXPECT_EQ(anonymous.status, 401) << target;
    } else {
      EXPECT_EQ(anonymous.status, 303) << target;
      EXPECT_TRUE(anonymous.Header("location").value_or("").starts_with("/accounts/login/"))
          << target;
    }
  }
  EXPECT_EQ(Scalar(fmt::format("SELECT status FROM uploads WHERE id = {}", id)), "failed");
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'upload.retry'"), 0);

  // The admin, for contrast, is let through the same routes.
  EXPECT_EQ(Send(Method::kGet, "/data/history/", &admin).status, 200);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/uploads/history", &admin).status, 200);
}

TEST_F(HistoryTest, RetryNeedsTheSessionsCsrfToken) {
  Client admin = SignInAdmin();
  const auto id = InsertUpload({UserId("admin"), "gagal.csv", "failed"});
  Client forged = admin;
  forged.csrf_token = "not-the-token";
  auto response = Send(Method::kPost, fmt::format("/api/v1/uploads/{}/retry", id), &forged);
  EXPECT_EQ(response.status, 403) << response.body;
  EXPECT_EQ(Scalar(fmt::format("SELECT status FROM uploads WHERE id = {}", id)), "failed");
}

}  // namespace
}  // namespace smedash::testing
