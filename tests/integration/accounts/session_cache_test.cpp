// The server keeps resolved sessions for a few seconds (SessionCache) and still never
// honours one that ended: sign-outs, deactivations, role and password changes take effect
// on the next request, from this process at once and from any other once notified.
#include <chrono>
#include <pqxx/connection>
#include <pqxx/transaction>
#include <thread>

#include "app_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;
using namespace std::chrono_literals;

class SessionCacheTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!app_->Changes().Listening() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(5ms);
    }
    ASSERT_TRUE(app_->Changes().Listening());
  }

  // SQL on its own connection, as another process would run it (no announcement here).
  void Elsewhere(const std::string& sql) {
    pqxx::connection connection(connection_string_);
    pqxx::work tx(connection);
    tx.exec0(sql);
    tx.commit();
  }

  int Me(const Client& client) { return Send(Method::kGet, "/api/v1/me", &client).status; }

  // Polls for up to 10 s until `client` gets `status` (notifications arrive on a thread).
  bool EventuallyMe(const Client& client, int status) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
      if (Me(client) == status) return true;
      std::this_thread::sleep_for(5ms);
    }
    return false;
  }
};

TEST_F(SessionCacheTest, AResolvedSessionIsKeptWhileNothingEnds) {
  Client admin = SignIn("admin", kAdminPassword);
  ASSERT_EQ(Me(admin), 200);
  // Aged past its idle limit without telling anyone: the kept copy still answers, which is
  // what saves the lookup (a real session only ages by time, which the copy honours).
  Elsewhere("UPDATE sessions SET last_seen_at = now() - interval '2 hours'");
  EXPECT_EQ(Me(admin), 200);
  app_->Changes().Announce(db::ChangeTopic::kSessions);
  EXPECT_EQ(Me(admin), 401);
}

TEST_F(SessionCacheTest, ASessionDeletedByAnotherProcessEndsOnceNotified) {
  Client admin = SignIn("admin", kAdminPassword);
  ASSERT_EQ(Me(admin), 200);
  Elsewhere("DELETE FROM sessions");
  EXPECT_TRUE(EventuallyMe(admin, 401));
}

TEST_F(SessionCacheTest, AUserDeactivatedByAnotherProcessIsOutOnceNotified) {
  const auto id = CreateUser("budi", "budi-password-1", core::Role::kUser);
  Client budi = SignIn("budi", "budi-password-1");
  ASSERT_EQ(Me(budi), 200);
  Elsewhere("UPDATE users SET is_active = false WHERE id = " + std::to_string(id));
  EXPECT_TRUE(EventuallyMe(budi, 401));
}

TEST_F(SessionCacheTest, SignOutEndsTheCookieAtOnce) {
  Client admin = SignIn("admin", kAdminPassword);
  ASSERT_EQ(Me(admin), 200);
  ASSERT_EQ(Send(Method::kDelete, "/api/v1/session", &admin).status, 204);
  EXPECT_EQ(Me(admin), 401);
}

TEST_F(SessionCacheTest, DeactivationAndDemotionTakeEffectAtOnce) {
  const auto ani_id = CreateUser("ani", "ani-password-1", core::Role::kAdmin);
  const auto budi_id = CreateUser("budi", "budi-password-1", core::Role::kUser);
  Client admin = SignIn("admin", kAdminPassword);
  Client ani = SignIn("ani", "ani-password-1");
  Client budi = SignIn("budi", "budi-password-1");
  ASSERT_EQ(Send(Method::kGet, "/api/v1/users", &ani).status, 200);
  ASSERT_EQ(Me(budi), 200);

  ASSERT_EQ(
      Send(Method::kPatch, "/api/v1/users/" + std::to_string(ani_id), &admin, R"({"role":"user"})")
          .status,
      200);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/users", &ani).status, 403);

  ASSERT_EQ(Send(Method::kPatch, "/api/v1/users/" + std::to_string(budi_id), &admin,
                 R"({"is_active":false})")
                .status,
            200);
  EXPECT_EQ(Me(budi), 401);
}

TEST_F(SessionCacheTest, AKeptSessionStillEndsAtItsLifetime) {
  Client admin = SignIn("admin", kAdminPassword);
  Elsewhere("UPDATE sessions SET expires_at = now() + interval '1 second'");
  app_->Changes().Announce(db::ChangeTopic::kSessions);  // the change above is not news
  ASSERT_EQ(Me(admin), 200);                             // kept for at most its second
  std::this_thread::sleep_for(1500ms);
  EXPECT_EQ(Me(admin), 401);
}

}  // namespace
}  // namespace smedash::testing
