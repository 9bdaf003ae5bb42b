// Every route the App registers, taken from the router itself, so a route added later is
// checked without anyone remembering to: anonymous callers are sent to sign in (pages) or
// get 401 (API); a `user` gets 403 on admin routes; a state change without the session's
// CSRF token, or with another one, gets 403; a method no route has for a path gets 405.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "../accounts/app_fixture.hpp"
#include "http/route_pattern.hpp"

namespace smedash::testing {
namespace {

using http::Access;
using http::Method;
using http::Route;

constexpr std::array kMethods{Method::kGet, Method::kPost, Method::kPut, Method::kPatch,
                              Method::kDelete};

// A path the route's pattern matches: each "{name}" becomes "1", a last "{name*}" a file.
std::string TargetOf(const Route& route) {
  static const std::regex rest(R"(\{[a-z_]+\*\})");
  static const std::regex param(R"(\{[a-z_]+\})");
  return std::regex_replace(std::regex_replace(route.pattern, rest, "x/y.txt"), param, "1");
}

class RouteGuardTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    admin_ = SignIn("admin", kAdminPassword);
    CreateUser("analyst", "analyst-password-123", core::Role::kUser);
    user_ = SignIn("analyst", "analyst-password-123");
    ASSERT_GT(Routes().size(), 60u) << "the router lists fewer routes than the App has";
  }

  const std::vector<Route>& Routes() const { return app_->Router().Routes(); }

  // A request as the browser sends it, with the session of `client` (none: anonymous) and
  // `csrf` as the x-csrf-token header (none: no header).
  http::Request RequestFor(Method method, const std::string& target, const Client* client,
                           const std::optional<std::string>& csrf) const {
    http::Request request;
    request.method = method;
    request.target = target;
    request.remote_address = "192.0.2.20";
    request.request_id = "route-guard";
    request.headers["host"] = "127.0.0.1:8000";
    request.headers["origin"] = "http://127.0.0.1:8000";
    if (http::IsStateChanging(method)) {
      request.body = "{}";
      request.headers["content-type"] = "application/json";
    }
    if (client != nullptr) request.headers["cookie"] = "smedash_session=" + client->session_token;
    if (csrf) request.headers["x-csrf-token"] = *csrf;
    return request;
  }

  // What the route answers; an upload route is refused before its body is read, so it is
  // asked the way the server asks it (Admit) as well as through Dispatch.
  int StatusOf(const Route& route, const Client* client,
               const std::optional<std::string>& csrf) const {
    const auto request = RequestFor(route.method, TargetOf(route), client, csrf);
    if (route.body_to_file) {
      const auto refusal = app_->Router().Admit(request);
      return refusal ? refusal->status : 0;
    }
    return app_->Router().Dispatch(request).status;
  }

  // Methods of every route whose pattern matches `target`.
  std::set<Method> AllowedAt(const std::string& target) const {
    std::set<Method> allowed;
    const auto segments = http::RoutePattern::SplitPath(target);
    for (const auto& route : Routes()) {
      if (http::RoutePattern::Parse(route.pattern).Match(segments)) allowed.insert(route.method);
    }
    return allowed;
  }

  Client admin_;
  Client user_;
};

TEST_F(RouteGuardTest, AnonymousCallersAreSentToSignInOrGet401) {
  for (const auto& route : Routes()) {
    if (route.access == Access::kPublic) continue;
    SCOPED_TRACE(route.name + " " + route.pattern);
    const auto request = RequestFor(route.method, TargetOf(route), nullptr, std::nullopt);
    if (route.body_to_file) {
      const auto refusal = app_->Router().Admit(request);
      ASSERT_TRUE(refusal.has_value());
      EXPECT_EQ(refusal->status, 401);
      continue;
    }
    const auto response = app_->Router().Dispatch(request);
    if (route.kind == http::Kind::kPage && route.method == Method::kGet) {
      EXPECT_EQ(response.status, 303);
      EXPECT_TRUE(response.Header("location").value_or("").starts_with("/accounts/login/"));
    } else {
      EXPECT_EQ(response.status, 401);
    }
  }
}

TEST_F(RouteGuardTest, ApiRoutesAnswerJsonNotPages) {
  for (const auto& route : Routes()) {
    if (route.pattern.starts_with("/api/")) {
      EXPECT_EQ(route.kind, http::Kind::kApi) << route.name;
    }
  }
}

TEST_F(RouteGuardTest, UsersAreForbiddenFromAdminRoutes) {
  std::size_t admin_routes = 0;
  for (const auto& route : Routes()) {
    if (route.access != Access::kAdmin) continue;
    ++admin_routes;
    EXPECT_EQ(StatusOf(route, &user_, user_.csrf_token), 403) << route.name << " " << route.pattern;
  }
  EXPECT_GT(admin_routes, 30u);
}

TEST_F(RouteGuardTest, StateChangesWithoutTheSessionsCsrfTokenAreRefused) {
  std::size_t state_changing = 0;
  for (const auto& route : Routes()) {
    if (route.access == Access::kPublic || !http::IsStateChanging(route.method)) continue;
    ++state_changing;
    SCOPED_TRACE(route.name + " " + route.pattern);
    EXPECT_EQ(StatusOf(route, &admin_, std::nullopt), 403);
    EXPECT_EQ(StatusOf(route, &admin_, user_.csrf_token), 403);
    EXPECT_EQ(StatusOf(route, &admin_, ""), 403);
  }
  EXPECT_GT(state_changing, 15u);
}

TEST_F(RouteGuardTest, PublicStateChangesFromAnotherSiteAreRefused) {
  for (const auto& route : Routes()) {
    if (route.access != Access::kPublic || !http::IsStateChanging(route.method)) continue;
    auto request = RequestFor(route.method, TargetOf(route), nullptr, std::nullopt);
    request.headers["origin"] = "https://evil.example";
    EXPECT_EQ(app_->Router().Dispatch(request).status, 403) << route.name;
  }
}

TEST_F(RouteGuardTest, MethodsNoRouteHasAnswer405WithAllow) {
  std::set<std::string> targets;
  for (const auto& route : Routes()) targets.insert(TargetOf(route));
  std::size_t refused = 0;
  for (const auto& target : targets) {
    const auto allowed = AllowedAt(target);
    for (const Method method : kMethods) {
      if (allowed.contains(method)) continue;
      ++refused;
      const auto response =
          app_->Router().Dispatch(RequestFor(method, target, &admin_, admin_.csrf_token));
      EXPECT_EQ(response.status, 405) << http::MethodName(method) << " " << target;
      EXPECT_TRUE(response.Header("allow").has_value()) << target;
    }
  }
  EXPECT_GT(refused, 100u);
}

// The control: the checks above refuse what they should, not everything. An admin with
// the right token passes every guard (a handler may still find "1" unknown: 404 or 400).
TEST_F(RouteGuardTest, AdminsWithTheTokenPassEveryGuard) {
  for (const auto& route : Routes()) {
    if (route.method != Method::kGet) continue;
    const int status = StatusOf(route, &admin_, admin_.csrf_token);
    EXPECT_NE(status, 401) << route.name;
    EXPECT_NE(status, 403) << route.name;
    EXPECT_NE(status, 405) << route.name;
    EXPECT_LT(status, 500) << route.name;
  }
}

}  // namespace
}  // namespace smedash::testing
