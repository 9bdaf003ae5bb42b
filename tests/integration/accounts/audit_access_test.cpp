// The audit log is for admins and can only grow: a `user` is refused every audit route,
// every audit route only reads (any other method is 405 and changes nothing), and the
// database itself refuses to change, delete or empty an entry.
#include <set>

#include "audit_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

std::vector<const http::Route*> AuditRoutes(const http::Router& router) {
  std::vector<const http::Route*> routes;
  for (const auto& route : router.Routes()) {
    if (route.name.starts_with("audit.")) routes.push_back(&route);
  }
  return routes;
}

std::string Concrete(const std::string& pattern) {
  std::string target = pattern;
  if (auto pos = target.find("{id}"); pos != std::string::npos) target.replace(pos, 4, "1");
  return target;
}

TEST_F(AuditTest, EveryAuditRouteIsAnAdminGet) {
  const auto routes = AuditRoutes(app_->Router());
  std::set<std::string> patterns;
  for (const auto* route : routes) {
    EXPECT_EQ(route->method, Method::kGet) << route->name;
    EXPECT_EQ(route->access, http::Access::kAdmin) << route->name;
    patterns.insert(route->pattern);
  }
  EXPECT_EQ(patterns, (std::set<std::string>{"/accounts/audit/", "/api/v1/audit",
                                             "/api/v1/audit.csv", "/api/v1/audit/{id}"}));
}

TEST_F(AuditTest, AUserIsRefusedEveryAuditRoute) {
  CreateUser("biasa", "biasa-password-1", core::Role::kUser);
  Client user = SignIn("biasa", "biasa-password-1");
  for (const auto* route : AuditRoutes(app_->Router())) {
    auto response = Send(route->method, Concrete(route->pattern) + "?action=auth", &user);
    EXPECT_EQ(response.status, 403) << route->name;
    // No entry leaks: none of the sign-ins' address, no entries array.
    EXPECT_EQ(response.body.find("192.0.2.10"), std::string::npos) << route->name;
    EXPECT_EQ(response.body.find("\"entries\""), std::string::npos) << route->name;
    EXPECT_FALSE(response.file || response.stream) << route->name;
  }
}

TEST_F(AuditTest, NoMethodChangesOrDeletesAnEntry) {
  Client admin = SignIn("admin", kAdminPassword);
  const auto before = Count("SELECT count(*) FROM audit_log");
  const auto id = std::to_string(Newest(admin, "auth.sign_in").at("id").as_int64());
  for (const std::string& target : std::vector<std::string>{
           "/api/v1/audit", "/api/v1/audit/" + id, "/api/v1/audit.csv", "/accounts/audit/"}) {
    for (const auto method : {Method::kPost, Method::kPut, Method::kPatch, Method::kDelete}) {
      // With the session's valid CSRF token: refused for the method, not the token.
      auto response = Send(method, target, &admin, R"({"action":"x"})");
      EXPECT_EQ(response.status, 405) << http::MethodName(method) << " " << target;
      EXPECT_EQ(response.Header("allow"), "GET, HEAD") << target;
    }
  }
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log"), before);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'x'"), 0);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/audit/" + id, &admin).status, 200);
}

TEST_F(AuditTest, TheDatabaseRefusesToUpdateDeleteOrTruncateEntries) {
  SignIn("admin", kAdminPassword);
  const auto before = Count("SELECT count(*) FROM audit_log");
  ASSERT_GT(before, 0);
  EXPECT_THROW(Execute("UPDATE audit_log SET ip_address = '203.0.113.1'"), std::exception);
  EXPECT_THROW(Execute("DELETE FROM audit_log WHERE action = 'auth.sign_in'"), std::exception);
  EXPECT_THROW(Execute("TRUNCATE audit_log"), std::exception);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log"), before);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE ip_address = '203.0.113.1'"), 0);
}

TEST_F(AuditTest, ThePageIsInTheAdminMenuAfterUserManagement) {
  Client admin = SignIn("admin", kAdminPassword);
  auto page = Send(Method::kGet, "/accounts/audit/", &admin);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("data-timezone=\"Asia/Jakarta\""), std::string::npos);
  EXPECT_NE(page.body.find("data-zone=\"WIB\""), std::string::npos);
  EXPECT_NE(page.body.find("/static/app/js/audit.mjs"), std::string::npos);
  const auto users = page.body.find("href=\"/accounts/users/\"");
  const auto audit = page.body.find("href=\"/accounts/audit/\"");
  ASSERT_NE(users, std::string::npos);
  ASSERT_NE(audit, std::string::npos);
  EXPECT_LT(users, audit);

  CreateUser("biasa", "biasa-password-1", core::Role::kUser);
  Client user = SignIn("biasa", "biasa-password-1");
  EXPECT_EQ(Send(Method::kGet, "/", &user).body.find("/accounts/audit/"), std::string::npos);
}

}  // namespace
}  // namespace smedash::testing
