#include "http/router.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>
#include <set>
#include <stdexcept>
#include <system_error>

#include "core/disk_full.hpp"
#include "core/errors.hpp"
#include "http/request_guard.hpp"

namespace smedash::http {
namespace {

constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";

// The router's own messages, in the language of the lang cookie.
enum class Message {
  kNotFound,
  kMethodNotAllowed,
  kSignIn,
  kForbidden,
  kCsrf,
  kQueryNotText,
  kDatabaseDown,
  kDiskFull,
  kInternal
};

std::string Text(const std::string& lang, Message message) {
  const bool en = lang == "en";
  switch (message) {
    case Message::kNotFound:
      return en ? "Page not found." : "Halaman tidak ditemukan.";
    case Message::kMethodNotAllowed:
      return en ? "Method not allowed." : "Metode tidak diizinkan.";
    case Message::kSignIn:
      return en ? "Please sign in." : "Silakan masuk terlebih dahulu.";
    case Message::kForbidden:
      return en ? "You do not have access to this page."
                : "Anda tidak memiliki akses ke halaman ini.";
    case Message::kCsrf:
      return en ? "The form has expired or did not come from this site. Reload the page and try "
                  "again."
                : "Formulir kedaluwarsa atau tidak berasal dari situs ini. Muat ulang halaman lalu "
                  "coba lagi.";
    case Message::kQueryNotText:
      return en ? "The address holds a parameter that is not valid text."
                : "Alamat berisi parameter yang bukan teks yang sah.";
    case Message::kDatabaseDown:
      return en ? "The database cannot be reached right now. Try again in a moment; if it "
                  "persists, contact the system administrator."
                : "Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi; jika terus "
                  "terjadi, hubungi administrator sistem.";
    case Message::kDiskFull:
      return en ? "The server's disk is full, so nothing was saved. Contact the system "
                  "administrator to free space, then try again."
                : "Disk server penuh, jadi tidak ada yang disimpan. Hubungi administrator sistem "
                  "untuk mengosongkan ruang, lalu coba lagi.";
    case Message::kInternal:
      break;
  }
  return en ? "An internal error occurred." : "Terjadi kesalahan internal.";
}

std::string RawPath(std::string_view target) {
  return std::string(target.substr(0, target.find_first_of("?#")));
}

// Writing a file failed for want of space (or quota): not a bug, and the admin can act.
bool DiskWasFull(const std::exception& error) {
  const auto* system = dynamic_cast<const std::system_error*>(&error);
  return system && core::IsDiskFull(system->code());
}

bool MethodMatches(Method route_method, Method request_method) {
  // HEAD is answered by the GET handler; the session drops the body.
  return route_method == request_method ||
         (request_method == Method::kHead && route_method == Method::kGet);
}

}  // namespace

struct Router::Match {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;
  std::set<Method> allowed;  // methods of every route whose pattern matches the path
};

const core::Principal& RequestContext::User() const {
  if (!principal) throw core::Unauthorized("not signed in");
  return *principal;
}

void Router::Add(Route route) {
  RoutePattern pattern = RoutePattern::Parse(route.pattern);
  if (!route.handler) {
    throw std::invalid_argument(
        fmt::format("route {} {} has no handler", MethodName(route.method), route.pattern));
  }
  if (route.body_to_file && route.access == Access::kPublic) {
    throw std::invalid_argument(
        fmt::format("upload route {} must not be public: its body would be stored before "
                    "anyone is known",
                    route.pattern));
  }
  if (route.csrf_exempt && route.access != Access::kPublic) {
    throw std::invalid_argument(
        fmt::format("route {} {} is signed-in: it cannot be exempt from the CSRF token",
                    MethodName(route.method), route.pattern));
  }
  for (const Route& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      throw std::invalid_argument(
          fmt::format("route {} {} added twice", MethodName(route.method), route.pattern));
    }
  }
  routes_.push_back(std::move(route));
  patterns_.push_back(std::move(pattern));
}

void Router::SetGatekeeper(std::shared_ptr<const Gatekeeper> gatekeeper) {
  gatekeeper_ = std::move(gatekeeper);
}

void Router::SetErrorPageRenderer(ErrorPageRenderer renderer) { error_page_ = std::move(renderer); }

void Router::SetDatabaseDownTest(std::function<bool(const std::exception&)> is_down) {
  database_down_ = std::move(is_down);
}

Router::Match Router::Find(const Request& request) const {
  Match match;
  const std::string raw_path = RawPath(request.target);
  const auto segments = RoutePattern::SplitPath(raw_path);
  std::size_t best = routes_.size();
  for (std::size_t index = 0; index < routes_.size(); ++index) {
    auto params = patterns_[index].Match(segments);
    if (!params) continue;
    match.allowed.insert(routes_[index].method);
    if (!MethodMatches(routes_[index].method, request.method)) continue;
    // Most specific pattern wins ("/users/me" over "/users/{id}"); ties go to the first
    // added, so the order of registration never silently changes a literal route.
    if (best == routes_.size() || patterns_[index].MoreSpecificThan(patterns_[best])) {
      best = index;
      match.params = std::move(*params);
    }
  }
  if (best != routes_.size()) match.route = &routes_[best];
  return match;
}

BodyPolicy Router::BodyPolicyFor(Method method, std::string_view target) const {
  Request head;
  head.method = method;
  head.target = std::string(target);
  const Match match = Find(head);
  if (!match.route) return {};
  return {match.route->max_body_bytes, match.route->body_to_file};
}

Response Router::Fail(const RequestContext& context, Kind kind, int status, std::string_view code,
                      const std::string& message) const {
  if (kind == Kind::kApi) return Response::JsonError(status, code, message);
  if (error_page_) {
    try {
      Response page = error_page_(context, status, message);
      page.status = status;
      return page;
    } catch (const std::exception& e) {
      spdlog::error("request {}: error page {} failed: {}", context.request.request_id, status,
                    e.what());
    }
  }
  return Response::Text(status, message);
}

std::optional<Response> Router::Guard(const Route& route, RequestContext& context) const {
  const Request& request = context.request;
  if (route.access == Access::kPublic) {
    // No session, so no token: refuse a state change that another site's page started.
    if (IsStateChanging(request.method) && !SameOrigin(request)) {
      return Fail(context, route.kind, 403, "csrf", Text(context.lang, Message::kCsrf));
    }
    return std::nullopt;
  }
  if (gatekeeper_) context.principal = gatekeeper_->Authenticate(request);
  if (!context.principal) {
    if (route.kind == Kind::kPage &&
        (request.method == Method::kGet || request.method == Method::kHead)) {
      return Response::Redirect("/accounts/login/?next=" + UrlEncode(request.target));
    }
    return Fail(context, route.kind, 401, "unauthenticated", Text(context.lang, Message::kSignIn));
  }
  if (route.access == Access::kAdmin && context.principal->role != core::Role::kAdmin) {
    return Fail(context, route.kind, 403, "forbidden", Text(context.lang, Message::kForbidden));
  }
  if (IsStateChanging(request.method)) {
    const auto token = SubmittedCsrfToken(request);
    if (!token || !CsrfTokensEqual(*token, context.principal->csrf_token)) {
      return Fail(context, route.kind, 403, "csrf", Text(context.lang, Message::kCsrf));
    }
  }
  return std::nullopt;
}

std::optional<Response> Router::Run(const Route& route, RequestContext& context,
                                    bool call_handler) const {
  // The one place where exceptions become statuses. Typed core:: errors carry messages
  // written for the user; anything else is a bug whose detail stays in the log.
  const Kind kind = route.kind;
  try {
    if (auto refusal = Guard(route, context)) return refusal;
    // Checked once here rather than by every parameter's reader: such bytes would reach
    // the database as a bound value and fail the query (a 500), be cut at the NUL, or be
    // echoed into a JSON message. No route names a thing whose name is not text.
    for (const auto& [name, value] : context.params) {
      if (!IsText(value)) {
        return Fail(context, kind, 404, "not_found", Text(context.lang, Message::kNotFound));
      }
    }
    if (!context.request.QueryIsText()) {
      return Fail(context, kind, 400, "bad_request", Text(context.lang, Message::kQueryNotText));
    }
    if (!call_handler) return route.admit ? route.admit(context) : std::nullopt;
    return route.handler(context);
  } catch (const core::ClientError& e) {
    return Fail(context, kind, 400, "bad_request", e.what());
  } catch (const core::Unauthorized& e) {
    return Fail(context, kind, 401, "unauthenticated", e.what());
  } catch (const core::Forbidden& e) {
    return Fail(context, kind, 403, "forbidden", e.what());
  } catch (const core::NotFound& e) {
    return Fail(context, kind, 404, "not_found", e.what());
  } catch (const core::Conflict& e) {
    return Fail(context, kind, 409, "conflict", e.what());
  } catch (const core::TooManyRequests& e) {
    return Fail(context, kind, 429, "too_many_requests", e.what());
  } catch (const core::Unavailable& e) {
    // The detail (libpq's, naming the socket) is for the log; the user gets what to do.
    spdlog::warn("request {} route {}: unavailable: {}", context.request.request_id, route.name,
                 e.what());
    return Fail(context, kind, 503, "unavailable", Text(context.lang, Message::kDatabaseDown));
  } catch (const std::exception& e) {
    if (database_down_ && database_down_(e)) {
      spdlog::warn("request {} route {}: database down: {}", context.request.request_id, route.name,
                   e.what());
      return Fail(context, kind, 503, "unavailable", Text(context.lang, Message::kDatabaseDown));
    }
    if (DiskWasFull(e)) {
      spdlog::error("request {} route {}: disk full: {}", context.request.request_id, route.name,
                    e.what());
      return Fail(context, kind, 507, "disk_full", Text(context.lang, Message::kDiskFull));
    }
    spdlog::error("request {} route {} failed: {}", context.request.request_id, route.name,
                  e.what());
  } catch (...) {
    spdlog::error("request {} route {} failed: non-standard exception", context.request.request_id,
                  route.name);
  }
  const std::string message = fmt::format("{} (ID: {})", Text(context.lang, Message::kInternal),
                                          context.request.request_id);
  return Fail(context, kind, 500, "internal", message);
}

Response Router::Dispatch(const Request& request) const { return Dispatch(request, nullptr); }

Response Router::Dispatch(const Request& request, DispatchInfo* info) const {
  Response response;
  try {
    RequestContext context{request, std::nullopt, {}, LanguageOf(request)};
    Match match = Find(request);
    if (!match.route) {
      const Kind kind = request.WantsJson() ? Kind::kApi : Kind::kPage;
      if (match.allowed.empty()) {
        response = Fail(context, kind, 404, "not_found", Text(context.lang, Message::kNotFound));
      } else {
        response = Fail(context, kind, 405, "method_not_allowed",
                        Text(context.lang, Message::kMethodNotAllowed));
        if (match.allowed.contains(Method::kGet)) match.allowed.insert(Method::kHead);
        std::string allow;
        for (const Method method : match.allowed) {
          allow += (allow.empty() ? "" : ", ") + std::string(MethodName(method));
        }
        response.SetHeader("Allow", allow);
      }
    } else {
      if (info) info->route_name = match.route->name;
      context.params = std::move(match.params);
      response = *Run(*match.route, context, true);
      if (info && context.principal) info->user_id = context.principal->user_id;
    }
  } catch (...) {
    // Only allocation failure or a broken error page renderer get here.
    response = Response::Text(500, "Internal Server Error");
  }
  ApplySecurityHeaders(response);
  return response;
}

std::optional<Response> Router::Admit(const Request& head) const {
  try {
    const Match match = Find(head);
    if (!match.route || !match.route->body_to_file) return std::nullopt;
    RequestContext context{head, std::nullopt, match.params, LanguageOf(head)};
    auto refusal = Run(*match.route, context, false);
    if (refusal) ApplySecurityHeaders(*refusal);
    return refusal;
  } catch (...) {
    Response response = Response::Text(500, "Internal Server Error");
    ApplySecurityHeaders(response);
    return response;
  }
}

void ApplySecurityHeaders(Response& response) {
  // Set only when absent, so a handler can tighten a header (a stricter CSP for one page,
  // a cache lifetime for static files) without the router overwriting it.
  const std::pair<std::string_view, std::string_view> defaults[] = {
      {"Content-Security-Policy", kContentSecurityPolicy},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "same-origin"},
      {"X-Frame-Options", "DENY"},
      {"Cache-Control", "no-store"},
  };
  for (const auto& [name, value] : defaults) {
    if (!response.Header(name)) response.headers.emplace_back(name, value);
  }
}

}  // namespace smedash::http
