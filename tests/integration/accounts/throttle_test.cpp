// Brute-force throttling per username and per address, and admin unlock.
#include "app_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

class ThrottleTest : public AppTest {
 protected:
  http::Response Attempt(const std::string& username, const std::string& password,
                         const std::string& address = "192.0.2.10") {
    http::Request request;
    request.method = Method::kPost;
    request.target = "/api/v1/session";
    request.remote_address = address;
    request.headers = {{"host", "127.0.0.1:8000"}, {"content-type", "application/json"}};
    request.body = R"({"username":")" + username + R"(","password":")" + password + "\"}";
    return app_->Router().Dispatch(request);
  }
};

TEST_F(ThrottleTest, FiveFailuresLockTheUsernameEvenForTheRightPassword) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Attempt("admin", "wrong-password").status, 401);
  auto locked = Attempt("admin", kAdminPassword);
  EXPECT_EQ(locked.status, 429);
  EXPECT_NE(std::string(JsonOf(locked).at("error").at("message").as_string()).find("15 menit"),
            std::string::npos);
  // From another address too: the lock is on the account.
  EXPECT_EQ(Attempt("admin", kAdminPassword, "198.51.100.7").status, 429);
}

TEST_F(ThrottleTest, LockIsVisibleToAdminsAndAdminCanUnlock) {
  CreateUser("budi", "budi-password-1", core::Role::kUser);
  for (int i = 0; i < 5; ++i) Attempt("budi", "wrong-password", "198.51.100.1");
  EXPECT_EQ(Attempt("budi", "budi-password-1", "198.51.100.2").status, 429);

  Client admin = SignIn("admin", kAdminPassword);
  auto list = JsonOf(Send(Method::kGet, "/api/v1/users", &admin));
  bool seen_lock = false;
  for (const auto& user : list.at("users").as_array()) {
    if (user.at("username") == "budi") seen_lock = user.at("locked_until").is_string();
  }
  EXPECT_TRUE(seen_lock);
  std::int64_t budi = Count("SELECT id FROM users WHERE username = 'budi'");
  auto unlock =
      Send(Method::kPatch, "/api/v1/users/" + std::to_string(budi), &admin, R"({"unlock":true})");
  ASSERT_EQ(unlock.status, 200);
  EXPECT_TRUE(JsonOf(unlock).at("user").at("locked_until").is_null());
  EXPECT_EQ(Attempt("budi", "budi-password-1", "198.51.100.2").status, 200);
}

TEST_F(ThrottleTest, LockExpires) {
  for (int i = 0; i < 5; ++i) Attempt("admin", "wrong-password");
  EXPECT_EQ(Attempt("admin", kAdminPassword).status, 429);
  Execute("UPDATE login_throttle SET locked_until = now() - interval '1 second'");
  EXPECT_EQ(Attempt("admin", kAdminPassword).status, 200);
}

TEST_F(ThrottleTest, OneAddressTryingManyUsernamesIsLocked) {
  for (int i = 0; i < 20; ++i) Attempt("user" + std::to_string(i), "wrong-password", "203.0.113.9");
  EXPECT_EQ(Attempt("admin", kAdminPassword, "203.0.113.9").status, 429);
  EXPECT_EQ(Attempt("admin", kAdminPassword, "203.0.113.10").status, 200);
}

}  // namespace
}  // namespace smedash::testing
