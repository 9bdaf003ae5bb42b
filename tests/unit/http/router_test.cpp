#include "http/router.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <cerrno>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "core/errors.hpp"

namespace smedash::http {
namespace {

// Signs in whoever sends "cookie: sessionid=<username>" for a known user.
class FakeGatekeeper : public Gatekeeper {
 public:
  std::optional<core::Principal> Authenticate(const Request& request) const override {
    const auto session = request.Cookie("sessionid");
    if (session == "budi")
      return core::Principal{7, "budi", "Budi", core::Role::kUser, "tok-budi", "h1"};
    if (session == "admin") {
      return core::Principal{1, "admin", "Admin", core::Role::kAdmin, "tok-admin", "h2"};
    }
    if (session == "db-down") throw core::Unavailable("database is restarting");
    return std::nullopt;
  }
};

Response Ok(RequestContext& context) {
  std::string body = "ok";
  for (const auto& [name, value] : context.params) body += " " + name + "=" + value;
  return Response::Text(200, body);
}

Request Make(Method method, std::string target, std::map<std::string, std::string> headers = {}) {
  Request request;
  request.method = method;
  request.target = std::move(target);
  request.headers = std::move(headers);
  request.request_id = "req42";
  return request;
}

std::string ErrorCode(const Response& response) {
  return std::string(boost::json::parse(response.body).at("error").at("code").as_string());
}

// The upload route as the app declares it: a POST whose body goes to a file.
Route UploadRoute(Access access = Access::kSignedIn) {
  Route upload;
  upload.method = Method::kPost;
  upload.pattern = "/api/v1/uploads";
  upload.access = access;
  upload.kind = Kind::kApi;
  upload.handler = Ok;
  upload.body_to_file = true;
  return upload;
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.SetGatekeeper(std::make_shared<FakeGatekeeper>());
    router_.SetErrorPageRenderer(
        [](const RequestContext& context, int status, const std::string& message) {
          return Response::Html(
              200, "page " + std::to_string(status) + " " + context.lang + ": " + message);
        });
  }
  void Add(Method method, std::string pattern, Access access, Kind kind, Handler handler = Ok,
           bool csrf_exempt = false) {
    Route route;
    route.method = method;
    route.pattern = std::move(pattern);
    route.access = access;
    route.kind = kind;
    route.name = "test.route";
    route.handler = std::move(handler);
    route.csrf_exempt = csrf_exempt;
    router_.Add(std::move(route));
  }
  Router router_;
};

TEST_F(RouterTest, MatchesLiteralsParamsAndRest) {
  Add(Method::kGet, "/accounts/users/", Access::kPublic, Kind::kPage);
  Add(Method::kGet, "/api/v1/users/{id}", Access::kPublic, Kind::kApi);
  Add(Method::kGet, "/api/v1/users/me", Access::kPublic, Kind::kApi,
      [](RequestContext&) { return Response::Text(200, "me"); });
  Add(Method::kGet, "/static/{path*}", Access::kPublic, Kind::kPage);

  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/accounts/users/?page=2")).body, "ok");
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/accounts/users")).status, 404);
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/api/v1/users/42")).body, "ok id=42");
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/api/v1/users/me")).body, "me");
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/static/vendor/a%20b.js")).body,
            "ok path=vendor/a b.js");
}

TEST_F(RouterTest, NotFoundAnswersPageOrJson) {
  Add(Method::kGet, "/", Access::kPublic, Kind::kPage);
  const Response page = router_.Dispatch(Make(Method::kGet, "/nope"));
  EXPECT_EQ(page.status, 404);
  EXPECT_EQ(page.body, "page 404 id: Halaman tidak ditemukan.");
  const Response api = router_.Dispatch(Make(Method::kGet, "/api/v1/nope"));
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(ErrorCode(api), "not_found");
}

// A parameter PostgreSQL could not bind as text is refused before any handler reads it,
// for uploads (Admit) as well; the sign-in checks come first, so nothing leaks to others.
TEST_F(RouterTest, AQueryOrPathThatIsNotTextIsRefusedBeforeTheHandler) {
  int called = 0;
  Add(Method::kGet, "/api/v1/search", Access::kSignedIn, Kind::kApi, [&](RequestContext&) {
    ++called;
    return Response::Text(200, "ok");
  });
  const std::map<std::string, std::string> budi = {{"cookie", "sessionid=budi"}};
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/api/v1/search?q=%FF")).status, 401);
  const Response invalid = router_.Dispatch(Make(Method::kGet, "/api/v1/search?q=%FF", budi));
  EXPECT_EQ(invalid.status, 400);
  EXPECT_EQ(ErrorCode(invalid), "bad_request");
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/api/v1/search?q=a%00b", budi)).status, 400);
  EXPECT_EQ(called, 0);
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/api/v1/search?q=%C3%9C%27", budi)).status, 200);
  EXPECT_EQ(called, 1);
  // A path parameter that is not text names nothing.
  Add(Method::kGet, "/api/v1/months/{month}", Access::kSignedIn, Kind::kApi);
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/api/v1/months/%FF%FE", budi)).status, 404);
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/api/v1/months/a%00", budi)).status, 404);
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/api/v1/months/2025-10", budi)).body,
            "ok month=2025-10");

  Route upload = UploadRoute();
  router_.Add(upload);
  const auto refusal =
      router_.Admit(Make(Method::kPost, "/api/v1/uploads?name=%FE.csv",
                         {{"cookie", "sessionid=budi"}, {"x-csrf-token", "tok-budi"}}));
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->status, 400);
}

TEST_F(RouterTest, WrongMethodIs405WithAllow) {
  Add(Method::kGet, "/api/v1/users/{id}", Access::kPublic, Kind::kApi);
  Add(Method::kDelete, "/api/v1/users/{id}", Access::kAdmin, Kind::kApi);
  const Response response = router_.Dispatch(Make(Method::kPost, "/api/v1/users/3"));
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.Header("Allow"), "GET, HEAD, DELETE");
  EXPECT_EQ(ErrorCode(response), "method_not_allowed");
}

TEST_F(RouterTest, HeadIsServedByGet) {
  Add(Method::kGet, "/health", Access::kPublic, Kind::kApi);
  const Response response = router_.Dispatch(Make(Method::kHead, "/health"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "ok");  // the session drops it
}

TEST_F(RouterTest, LanguageComesFromCookie) {
  Add(Method::kGet, "/", Access::kPublic, Kind::kPage,
      [](RequestContext& context) { return Response::Text(200, context.lang); });
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/")).body, "id");
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/", {{"cookie", "lang=en"}})).body, "en");
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/", {{"cookie", "lang=de"}})).body, "id");
}

TEST_F(RouterTest, AnonymousPageGetRedirectsToLoginWithNext) {
  Add(Method::kGet, "/dashboard/os/", Access::kSignedIn, Kind::kPage);
  const Response response = router_.Dispatch(Make(Method::kGet, "/dashboard/os/?periode=2024-01"));
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(response.Header("Location"),
            "/accounts/login/?next=%2Fdashboard%2Fos%2F%3Fperiode%3D2024-01");
  EXPECT_EQ(router_.Dispatch(Make(Method::kHead, "/dashboard/os/")).status, 303);
}

TEST_F(RouterTest, AnonymousPagePostIs401) {
  Add(Method::kPost, "/accounts/users/", Access::kSignedIn, Kind::kPage);
  const Response response = router_.Dispatch(Make(Method::kPost, "/accounts/users/"));
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(response.body, "page 401 id: Silakan masuk terlebih dahulu.");
}

TEST_F(RouterTest, AnonymousApiIs401Json) {
  Add(Method::kGet, "/api/v1/os", Access::kSignedIn, Kind::kApi);
  const Response response =
      router_.Dispatch(Make(Method::kGet, "/api/v1/os", {{"cookie", "sessionid=stolen"}}));
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(ErrorCode(response), "unauthenticated");
  EXPECT_EQ(response.Header("Content-Type"), "application/json");
}

TEST_F(RouterTest, SignedInUserReachesHandlerWithPrincipal) {
  Add(Method::kGet, "/api/v1/me", Access::kSignedIn, Kind::kApi,
      [](RequestContext& context) { return Response::Text(200, context.User().username); });
  DispatchInfo info;
  const Response response =
      router_.Dispatch(Make(Method::kGet, "/api/v1/me", {{"cookie", "sessionid=budi"}}), &info);
  EXPECT_EQ(response.body, "budi");
  EXPECT_EQ(info.route_name, "test.route");
  EXPECT_EQ(info.user_id, 7);
}

TEST_F(RouterTest, AdminRouteRefusesUsers) {
  Add(Method::kGet, "/accounts/users/", Access::kAdmin, Kind::kPage);
  Add(Method::kGet, "/api/v1/users", Access::kAdmin, Kind::kApi);
  const Response page = router_.Dispatch(
      Make(Method::kGet, "/accounts/users/", {{"cookie", "sessionid=budi; lang=en"}}));
  EXPECT_EQ(page.status, 403);
  EXPECT_EQ(page.body, "page 403 en: You do not have access to this page.");
  const Response api =
      router_.Dispatch(Make(Method::kGet, "/api/v1/users", {{"cookie", "sessionid=budi"}}));
  EXPECT_EQ(api.status, 403);
  EXPECT_EQ(ErrorCode(api), "forbidden");
  EXPECT_EQ(
      router_.Dispatch(Make(Method::kGet, "/api/v1/users", {{"cookie", "sessionid=admin"}})).status,
      200);
}

TEST_F(RouterTest, CsrfTokenRequiredForStateChanges) {
  Add(Method::kPost, "/api/v1/uploads", Access::kSignedIn, Kind::kApi);
  const std::string cookie = "sessionid=budi";

  const Response missing =
      router_.Dispatch(Make(Method::kPost, "/api/v1/uploads", {{"cookie", cookie}}));
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(ErrorCode(missing), "csrf");

  const Response wrong = router_.Dispatch(
      Make(Method::kPost, "/api/v1/uploads", {{"cookie", cookie}, {"x-csrf-token", "tok-admin"}}));
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(ErrorCode(wrong), "csrf");

  const Response right = router_.Dispatch(
      Make(Method::kPost, "/api/v1/uploads", {{"cookie", cookie}, {"x-csrf-token", "tok-budi"}}));
  EXPECT_EQ(right.status, 200);
}

TEST_F(RouterTest, CsrfTokenFromFormField) {
  Add(Method::kPost, "/accounts/users/", Access::kSignedIn, Kind::kPage);
  Request form =
      Make(Method::kPost, "/accounts/users/",
           {{"cookie", "sessionid=budi"}, {"content-type", "application/x-www-form-urlencoded"}});
  form.body = "username=x&csrf_token=tok-budi";
  EXPECT_EQ(router_.Dispatch(form).status, 200);

  form.body = "username=x&csrf_token=tok-bud";
  EXPECT_EQ(router_.Dispatch(form).status, 403);

  form.headers["content-type"] = "application/json";  // not a form: the field is not read
  form.body = "csrf_token=tok-budi";
  EXPECT_EQ(router_.Dispatch(form).status, 403);
}

TEST_F(RouterTest, SafeMethodsNeedNoCsrfToken) {
  Add(Method::kGet, "/api/v1/os", Access::kSignedIn, Kind::kApi);
  EXPECT_EQ(
      router_.Dispatch(Make(Method::kGet, "/api/v1/os", {{"cookie", "sessionid=budi"}})).status,
      200);
}

TEST_F(RouterTest, PublicStateChangeChecksOrigin) {
  Add(Method::kPost, "/accounts/login/", Access::kPublic, Kind::kPage, Ok, true);
  const std::map<std::string, std::string> same = {{"host", "127.0.0.1:8000"},
                                                   {"origin", "http://127.0.0.1:8000"}};
  EXPECT_EQ(router_.Dispatch(Make(Method::kPost, "/accounts/login/", same)).status, 200);
  EXPECT_EQ(router_.Dispatch(Make(Method::kPost, "/accounts/login/", {{"host", "127.0.0.1:8000"}}))
                .status,
            200);
  const Response cross =
      router_.Dispatch(Make(Method::kPost, "/accounts/login/",
                            {{"host", "127.0.0.1:8000"}, {"origin", "http://evil.test"}}));
  EXPECT_EQ(cross.status, 403);
  EXPECT_TRUE(cross.body.starts_with("page 403 id: Formulir kedaluwarsa"));
}

TEST_F(RouterTest, ExceptionsMapToStatuses) {
  struct Case {
    std::function<void()> raise;
    int status;
    std::string code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {[] { throw core::ClientError("Periode tidak valid"); }, 400, "bad_request",
       "Periode tidak valid"},
      {[] { throw core::Unauthorized("expired"); }, 401, "unauthenticated", "expired"},
      {[] { throw core::Forbidden("not yours"); }, 403, "forbidden", "not yours"},
      {[] { throw core::NotFound("no such user"); }, 404, "not_found", "no such user"},
      {[] { throw core::Conflict("periode exists"); }, 409, "conflict", "periode exists"},
      {[] { throw core::TooManyRequests("slow down"); }, 429, "too_many_requests", "slow down"},
      {[] { throw core::Unavailable("socket /run/x: no such file"); }, 503, "unavailable",
       "Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi; jika terus terjadi, "
       "hubungi administrator sistem."},
      {[] {
         throw std::filesystem::filesystem_error(
             "copy", std::make_error_code(std::errc::no_space_on_device));
       },
       507, "disk_full",
       "Disk server penuh, jadi tidak ada yang disimpan. Hubungi administrator sistem untuk "
       "mengosongkan ruang, lalu coba lagi."},
      {[] { throw std::system_error(EDQUOT, std::generic_category(), "write"); }, 507, "disk_full",
       "Disk server penuh, jadi tidak ada yang disimpan. Hubungi administrator sistem untuk "
       "mengosongkan ruang, lalu coba lagi."},
      {[] { throw std::system_error(std::make_error_code(std::errc::permission_denied)); }, 500,
       "internal", "Terjadi kesalahan internal. (ID: req42)"},
      {[] { throw std::runtime_error("SELECT secret FROM t"); }, 500, "internal",
       "Terjadi kesalahan internal. (ID: req42)"},
      {[] { throw 42; }, 500, "internal", "Terjadi kesalahan internal. (ID: req42)"},
  };
  for (std::size_t index = 0; index < cases.size(); ++index) {
    const std::string pattern = "/api/v1/fail/" + std::to_string(index);
    const auto raise = cases[index].raise;
    Add(Method::kGet, pattern, Access::kPublic, Kind::kApi, [raise](RequestContext&) -> Response {
      raise();
      return Response::Text(200, "unreachable");
    });
    const Response response = router_.Dispatch(Make(Method::kGet, pattern));
    SCOPED_TRACE(pattern);
    EXPECT_EQ(response.status, cases[index].status);
    const auto error = boost::json::parse(response.body).at("error");
    EXPECT_EQ(error.at("code").as_string(), cases[index].code);
    EXPECT_EQ(error.at("message").as_string(), cases[index].message);
  }
}

TEST_F(RouterTest, PageExceptionsUseTheErrorPage) {
  Add(Method::kGet, "/boom", Access::kPublic, Kind::kPage,
      [](RequestContext&) -> Response { throw std::logic_error("internal detail"); });
  const Response response = router_.Dispatch(Make(Method::kGet, "/boom", {{"cookie", "lang=en"}}));
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body, "page 500 en: An internal error occurred. (ID: req42)");
}

TEST_F(RouterTest, BrokenErrorPageFallsBackToText) {
  router_.SetErrorPageRenderer([](const RequestContext&, int, const std::string&) -> Response {
    throw std::runtime_error("template missing");
  });
  const Response response = router_.Dispatch(Make(Method::kGet, "/nope"));
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.body, "Halaman tidak ditemukan.");
  EXPECT_EQ(response.Header("Content-Type"), "text/plain; charset=utf-8");
}

TEST_F(RouterTest, GatekeeperFailureIs503) {
  Add(Method::kGet, "/api/v1/os", Access::kSignedIn, Kind::kApi);
  const Response response =
      router_.Dispatch(Make(Method::kGet, "/api/v1/os", {{"cookie", "sessionid=db-down"}}));
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(ErrorCode(response), "unavailable");
}

// The router does not link the database library: the app tells it which failures mean
// "the database is down" (a lost connection), which then answer 503 in the user's language.
TEST_F(RouterTest, FailuresTheDatabaseDownTestNamesAre503) {
  router_.SetDatabaseDownTest([](const std::exception& error) {
    return std::string_view(error.what()) == "server closed the connection";
  });
  Add(Method::kGet, "/api/v1/lost", Access::kPublic, Kind::kApi, [](RequestContext&) -> Response {
    throw std::runtime_error("server closed the connection");
  });
  Add(Method::kGet, "/api/v1/bug", Access::kPublic, Kind::kApi,
      [](RequestContext&) -> Response { throw std::runtime_error("null pointer"); });
  const Response lost =
      router_.Dispatch(Make(Method::kGet, "/api/v1/lost", {{"cookie", "lang=en"}}));
  EXPECT_EQ(lost.status, 503);
  EXPECT_EQ(ErrorCode(lost), "unavailable");
  EXPECT_NE(lost.body.find("The database cannot be reached right now."), std::string::npos);
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/api/v1/bug")).status, 500);
}

TEST_F(RouterTest, UserOnPublicRouteWithoutPrincipalIs401) {
  Add(Method::kGet, "/api/v1/public", Access::kPublic, Kind::kApi,
      [](RequestContext& context) { return Response::Text(200, context.User().username); });
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/api/v1/public")).status, 401);
}

TEST_F(RouterTest, SecurityHeadersOnEveryResponse) {
  Add(Method::kGet, "/", Access::kPublic, Kind::kPage);
  Add(Method::kGet, "/cached", Access::kPublic, Kind::kPage, [](RequestContext&) {
    Response response = Response::Text(200, "x");
    response.SetHeader("Cache-Control", "public, max-age=3600");
    return response;
  });
  for (const std::string target : {"/", "/missing", "/cached"}) {
    SCOPED_TRACE(target);
    const Response response = router_.Dispatch(Make(Method::kGet, target));
    EXPECT_EQ(response.Header("Content-Security-Policy"),
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
              "form-action 'self'; frame-ancestors 'none'");
    EXPECT_EQ(response.Header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(response.Header("Referrer-Policy"), "same-origin");
    EXPECT_EQ(response.Header("X-Frame-Options"), "DENY");
    EXPECT_EQ(response.Header("Cache-Control"),
              target == "/cached" ? "public, max-age=3600" : "no-store");
  }
}

TEST_F(RouterTest, AddRejectsMistakes) {
  Add(Method::kGet, "/a", Access::kPublic, Kind::kPage);
  EXPECT_THROW(Add(Method::kGet, "/a", Access::kPublic, Kind::kPage), std::invalid_argument);
  EXPECT_THROW(Add(Method::kGet, "no-slash", Access::kPublic, Kind::kPage), std::invalid_argument);
  EXPECT_THROW(Add(Method::kGet, "/b", Access::kPublic, Kind::kPage, Handler{}),
               std::invalid_argument);
  const Route upload = UploadRoute(Access::kPublic);
  EXPECT_THROW(router_.Add(upload), std::invalid_argument);
  EXPECT_THROW(Add(Method::kPost, "/accounts/logout/", Access::kSignedIn, Kind::kPage, Ok, true),
               std::invalid_argument);
}

TEST_F(RouterTest, BodyPolicyAndAdmitForUploads) {
  Route upload = UploadRoute();
  upload.max_body_bytes = 100 * 1024 * 1024;
  router_.Add(upload);
  Add(Method::kPost, "/api/v1/other", Access::kSignedIn, Kind::kApi);

  const BodyPolicy policy = router_.BodyPolicyFor(Method::kPost, "/api/v1/uploads?x=1");
  EXPECT_TRUE(policy.to_file);
  EXPECT_EQ(policy.max_bytes, 100U * 1024 * 1024);
  EXPECT_FALSE(router_.BodyPolicyFor(Method::kPost, "/api/v1/other").to_file);
  EXPECT_EQ(router_.BodyPolicyFor(Method::kGet, "/missing").max_bytes,
            core::limits::kMaxJsonBodyBytes);

  auto refusal = router_.Admit(Make(Method::kPost, "/api/v1/uploads"));
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->status, 401);
  EXPECT_EQ(refusal->Header("X-Frame-Options"), "DENY");
  refusal = router_.Admit(Make(Method::kPost, "/api/v1/uploads", {{"cookie", "sessionid=budi"}}));
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->status, 403);
  EXPECT_FALSE(router_.Admit(Make(Method::kPost, "/api/v1/uploads",
                                  {{"cookie", "sessionid=budi"}, {"x-csrf-token", "tok-budi"}})));
  EXPECT_FALSE(router_.Admit(Make(Method::kPost, "/api/v1/other")));  // checked by Dispatch
}

// A route's own admission check runs only for a request that passed the guard, and its
// refusal (or its exception, mapped as the handler's would be) is the answer.
TEST_F(RouterTest, AdmitAsksTheRoutesOwnCheckAfterTheGuard) {
  int asked = 0;
  bool busy = true;
  Route upload = UploadRoute();
  upload.admit = [&](RequestContext& context) -> std::optional<Response> {
    ++asked;
    EXPECT_EQ(context.User().username, "budi");
    if (!busy) return std::nullopt;
    return Response::JsonError(503, "busy", "sibuk");
  };
  router_.Add(upload);

  EXPECT_EQ(router_.Admit(Make(Method::kPost, "/api/v1/uploads"))->status, 401);
  EXPECT_EQ(asked, 0);
  const Request signed_in = Make(Method::kPost, "/api/v1/uploads",
                                 {{"cookie", "sessionid=budi"}, {"x-csrf-token", "tok-budi"}});
  auto refusal = router_.Admit(signed_in);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->status, 503);
  EXPECT_EQ(refusal->Header("X-Frame-Options"), "DENY");
  EXPECT_EQ(asked, 1);
  busy = false;
  EXPECT_FALSE(router_.Admit(signed_in));
  // Dispatch runs the handler, not the admission check.
  EXPECT_EQ(router_.Dispatch(signed_in).status, 200);
  EXPECT_EQ(asked, 2);
}

}  // namespace
}  // namespace smedash::http
