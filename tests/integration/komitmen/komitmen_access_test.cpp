// Who may use the komitmen pages and API: admins only; a signed-out request is refused.
#include <regex>

#include "komitmen_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

TEST_F(KomitmenTest, EveryRouteIsForAdminsOnly) {
  CreateUser("budi", "budi-password-1", core::Role::kUser);
  Client user = SignIn("budi", "budi-password-1");
  const auto csv = TargetCsv({{"5", "5", "KC Bandung AA", "KC Bandung AA", {{"F", "1"}}}});
  Apply("KOMITMEN_NOV_2025.csv", csv);
  int routes = 0;
  for (const auto& route : app_->Router().Routes()) {
    if (!route.name.starts_with("komitmen.")) continue;
    ++routes;
    std::string target = std::regex_replace(route.pattern, std::regex("\\{month\\}"), "2025-11");
    if (route.method == Method::kPost) target += "?name=KOMITMEN_NOV_2025.csv";
    const std::string body = route.method == Method::kGet ? "" : csv;
    auto signed_in = Send(route.method, target, &user, body);
    EXPECT_EQ(signed_in.status, 403) << route.name;
    auto anonymous = Send(route.method, target, nullptr, body);
    EXPECT_EQ(anonymous.status, target.starts_with("/api/") ? 401 : 303) << route.name;
  }
  EXPECT_EQ(routes, 10);
  EXPECT_EQ(Count("SELECT count(*) FROM komitmen_uploads"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action LIKE 'komitmen.%'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM komitmen_targets"), 1);
}

TEST_F(KomitmenTest, TheUploadPageIsInTheAdminsMenu) {
  auto page = Send(Method::kGet, "/data/komitmen/", &admin_);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("href=\"/data/komitmen/\""), std::string::npos);
  EXPECT_NE(page.body.find("komitmen.mjs"), std::string::npos);
}

}  // namespace
}  // namespace smedash::testing
