// Sign-in and sign-out (page and API), the current user, own password, language choice.
#include <boost/json.hpp>

#include "accounts/handler_support.hpp"
#include "accounts/routes.hpp"
#include "core/errors.hpp"
#include "core/json_fields.hpp"
#include "core/limits.hpp"

namespace smedash::accounts {
namespace {

using http::Access;
using http::Kind;
using http::Method;
using http::RequestContext;
using http::Response;

SignInAttempt AttemptFrom(const RequestContext& context, std::string username,
                          std::string password) {
  const auto& request = context.request;
  return SignInAttempt{std::move(username), std::move(password), request.remote_address,
                       request.Header("user-agent").value_or(""), request.Cookie(kSessionCookie)};
}

std::string FailureMessage(const AccountsContext& accounts, const RequestContext& context,
                           const SignInResult& result) {
  if (result.outcome == SignInResult::Outcome::kLocked) {
    return accounts.pages.Texts().Get(context.lang, "login.error.locked",
                                      {{"minutes", std::to_string(result.locked_minutes)}});
  }
  return accounts.pages.T(context, "login.error.invalid");
}

Response LoginPage(const AccountsContext& accounts, RequestContext& context) {
  std::string next = SafeNext(context.request.Query("next").value_or("/"));
  if (accounts.auth.Authenticate(context.request)) return Response::Redirect(next);
  return accounts.pages.RenderStandalone(context, "login.html",
                                         {{"error", ""}, {"next", next}, {"username", ""}});
}

Response LoginSubmit(const AccountsContext& accounts, RequestContext& context) {
  auto form = context.request.FormFields();
  std::string next = SafeNext(form["next"]);
  auto result = accounts.auth.SignIn(AttemptFrom(context, form["username"], form["password"]));
  if (result.outcome != SignInResult::Outcome::kSignedIn) {
    int status = result.outcome == SignInResult::Outcome::kLocked ? 429 : 401;
    std::string username = form["username"].substr(0, core::limits::kMaxTextField);
    return accounts.pages.RenderStandalone(context, "login.html",
                                           {{"error", FailureMessage(accounts, context, result)},
                                            {"next", next},
                                            {"username", username}},
                                           status);
  }
  auto response = Response::Redirect(next);
  SetSessionCookie(response, accounts.config, result.session.token);
  return response;
}

Response LogoutPage(const AccountsContext& accounts, RequestContext& context) {
  return accounts.pages.RenderPage(context, {"page.logout.title", "pages/logout.html", {}, ""});
}

Response LogoutSubmit(const AccountsContext& accounts, RequestContext& context) {
  accounts.auth.SignOut(context.User(), context.request.remote_address);
  auto response = Response::Redirect("/accounts/login/");
  ClearSessionCookie(response, accounts.config);
  return response;
}

boost::json::value MeJson(const AccountsContext& accounts, const core::Principal& principal) {
  auto user = accounts.users.Get(principal.user_id);
  if (!user) throw core::Unauthorized("session user no longer exists");
  return boost::json::object{{"user", UserToJson(*user)}, {"csrf_token", principal.csrf_token}};
}

Response ApiSignIn(const AccountsContext& accounts, RequestContext& context) {
  auto body = core::ParseJsonObject(context.request.body);
  auto result =
      accounts.auth.SignIn(AttemptFrom(context, core::StringField(body, "username").value_or(""),
                                       core::StringField(body, "password").value_or("")));
  if (result.outcome != SignInResult::Outcome::kSignedIn) {
    bool locked = result.outcome == SignInResult::Outcome::kLocked;
    return Response::JsonError(locked ? 429 : 401, locked ? "locked" : "invalid_credentials",
                               FailureMessage(accounts, context, result));
  }
  auto response = Response::Json(200, MeJson(accounts, result.principal));
  SetSessionCookie(response, accounts.config, result.session.token);
  return response;
}

Response ApiSignOut(const AccountsContext& accounts, RequestContext& context) {
  accounts.auth.SignOut(context.User(), context.request.remote_address);
  Response response;
  response.status = 204;
  ClearSessionCookie(response, accounts.config);
  return response;
}

Response ApiMe(const AccountsContext& accounts, RequestContext& context) {
  return Response::Json(200, MeJson(accounts, context.User()));
}

Response ApiChangePassword(const AccountsContext& accounts, RequestContext& context) {
  auto body = core::ParseJsonObject(context.request.body);
  Actor actor{context.User(), context.request.remote_address};
  auto error = accounts.users.ChangeOwnPassword(
      actor, core::StringField(body, "current_password").value_or(""),
      core::StringField(body, "new_password").value_or(""));
  if (error) return FieldErrorResponse(accounts, context, *error);
  return Response::Json(200, boost::json::object{{"ok", true}});
}

Response PasswordPage(const AccountsContext& accounts, RequestContext& context) {
  return accounts.pages.RenderPage(
      context, {"page.password.title", "pages/password.html", {}, "/static/app/js/password.mjs"});
}

// A preference, not a change of server state, so a plain link can switch it.
Response SetLanguage(const AccountsContext& accounts, RequestContext& context) {
  std::string lang = context.request.Query("set").value_or("id") == "en" ? "en" : "id";
  auto response = Response::Redirect(SafeNext(context.request.Query("next").value_or("/")));
  http::CookieOptions options;
  options.secure = accounts.config.secure_cookies;
  options.max_age_seconds = 365LL * 24 * 3600;
  response.SetCookie("lang", lang, options);
  return response;
}

}  // namespace

void RegisterAuthRoutes(http::Router& router, const AccountsContext& accounts) {
  auto bind = [&accounts](AccountsHandler handler) { return Bind(accounts, handler); };
  // method, pattern, access, kind, name, handler, csrf_exempt
  router.Add({Method::kGet, "/accounts/login/", Access::kPublic, Kind::kPage, "auth.login_page",
              bind(LoginPage)});
  router.Add({Method::kPost, "/accounts/login/", Access::kPublic, Kind::kPage, "auth.login_submit",
              bind(LoginSubmit), true});
  router.Add({Method::kGet, "/accounts/logout/", Access::kSignedIn, Kind::kPage, "auth.logout_page",
              bind(LogoutPage)});
  router.Add({Method::kPost, "/accounts/logout/", Access::kSignedIn, Kind::kPage,
              "auth.logout_submit", bind(LogoutSubmit)});
  router.Add({Method::kGet, "/accounts/password/", Access::kSignedIn, Kind::kPage,
              "auth.password_page", bind(PasswordPage)});
  router.Add(
      {Method::kGet, "/lang", Access::kPublic, Kind::kPage, "ui.language", bind(SetLanguage)});
  router.Add({Method::kPost, "/api/v1/session", Access::kPublic, Kind::kApi, "api.session_create",
              bind(ApiSignIn), true});
  router.Add({Method::kDelete, "/api/v1/session", Access::kSignedIn, Kind::kApi,
              "api.session_delete", bind(ApiSignOut)});
  router.Add({Method::kGet, "/api/v1/me", Access::kSignedIn, Kind::kApi, "api.me", bind(ApiMe)});
  router.Add({Method::kPost, "/api/v1/me/password", Access::kSignedIn, Kind::kApi,
              "api.me_password", bind(ApiChangePassword)});

  accounts.pages.AddMenuItem(
      {"nav.section.account", "nav.password", "/accounts/password/", "key", false});
}

}  // namespace smedash::accounts
