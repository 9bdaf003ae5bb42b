//! Routes a Request to a handler after the checks every route shares: authentication,
//! role, CSRF and method. Pure (no sockets), so tests call Dispatch directly.
#pragma once
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/limits.hpp"
#include "core/principal.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "http/route_pattern.hpp"

namespace smedash::http {

enum class Access { kPublic, kSignedIn, kAdmin };
enum class Kind { kPage, kApi };  // how failures answer: HTML/redirect or JSON

struct RequestContext {
  const Request& request;
  std::optional<core::Principal> principal;   // set for kSignedIn/kAdmin routes
  std::map<std::string, std::string> params;  // "{id}" segments of the pattern
  std::string lang;                           // "id" (default) or "en", from the lang cookie

  const core::Principal& User() const;  // the principal; throws Unauthorized if none
};

using Handler = std::function<Response(RequestContext&)>;

// A handler calling `method` of a capability's handlers object, which every route bound to
// it keeps alive.
template <typename Handlers>
Handler Bound(std::shared_ptr<Handlers> handlers, Response (Handlers::*method)(RequestContext&)) {
  return [handlers = std::move(handlers), method](RequestContext& request) {
    return ((*handlers).*method)(request);
  };
}

struct Route {
  Method method = Method::kGet;
  std::string pattern;  // "/api/v1/users/{id}"; a last "{name*}" takes the rest
  Access access = Access::kSignedIn;
  Kind kind = Kind::kPage;
  std::string name;  // stable name for logs, e.g. "users.update"
  Handler handler;
  // Public state-changing routes (sign-in) have no session to hold a token; they are
  // protected by an Origin check instead. Every public POST/PUT/PATCH/DELETE gets that
  // check, flag or not; the flag records the intent in the route table. Signed-in routes
  // always need the token, so Add refuses the flag on them.
  bool csrf_exempt = false;
  // Largest body the session accepts for this route (larger → 413 before it is read).
  std::size_t max_body_bytes = core::limits::kMaxJsonBodyBytes;
  // Uploads: the session streams the body to a temporary file (Request::body_file) instead
  // of memory, after checking sign-in, role and the x-csrf-token header, so an anonymous
  // client cannot make us store a large body. Only for non-public routes.
  bool body_to_file = false;
  // body_to_file routes: a last check once sign-in, role and CSRF passed, before the body
  // is read, so a request the handler would refuse anyway (the server is busy) is refused
  // before the client sends megabytes. Returns the refusal, or nothing to go on.
  std::function<std::optional<Response>(RequestContext&)> admit = nullptr;
};

// How the session reads a request's body, decided from the header alone.
struct BodyPolicy {
  std::size_t max_bytes = core::limits::kMaxJsonBodyBytes;
  bool to_file = false;
};

// What Dispatch learned, for the session's one log line per request.
struct DispatchInfo {
  std::string route_name;    // empty when no route matched
  std::int64_t user_id = 0;  // 0 when nobody is signed in
};

// Answers who a request comes from; implemented by accounts, injected into the router.
class Gatekeeper {
 public:
  virtual ~Gatekeeper() = default;
  virtual std::optional<core::Principal> Authenticate(const Request& request) const = 0;
};

// Renders an error as a page (403, 404, 500) in the layout; the router uses it for kPage.
using ErrorPageRenderer =
    std::function<Response(const RequestContext& context, int status, const std::string& message)>;

class Router {
 public:
  // Throws std::invalid_argument for a bad pattern, a duplicate method + pattern, no
  // handler, a public upload (body_to_file) route, or csrf_exempt on a non-public route.
  // Routes are added at start-up, before the server runs; Dispatch may then run on many
  // threads at once, so handlers must be safe to call concurrently.
  void Add(Route route);
  void SetGatekeeper(std::shared_ptr<const Gatekeeper> gatekeeper);
  void SetErrorPageRenderer(ErrorPageRenderer renderer);
  // Which failures the router cannot know by type (a lost database connection, from a
  // library it does not link) mean "the database is down": 503 instead of 500.
  void SetDatabaseDownTest(std::function<bool(const std::exception&)> is_down);

  // Matches, checks access and CSRF, calls the handler, maps core:: errors to statuses,
  // adds security headers. Never throws.
  Response Dispatch(const Request& request) const;
  Response Dispatch(const Request& request, DispatchInfo* info) const;

  // The body limit and destination for `method` + `target` (the default for no match).
  BodyPolicy BodyPolicyFor(Method method, std::string_view target) const;
  // For body_to_file routes, before the body is read: the answer that refuses the request
  // (unauthenticated, wrong role, bad CSRF header or origin, the route's own `admit`), or
  // nothing to go on. Runs the gatekeeper, so call it off the I/O thread. Never throws.
  std::optional<Response> Admit(const Request& head) const;

  const std::vector<Route>& Routes() const { return routes_; }

 private:
  struct Match;
  Match Find(const Request& request) const;
  std::optional<Response> Guard(const Route& route, RequestContext& context) const;
  Response Fail(const RequestContext& context, Kind kind, int status, std::string_view code,
                const std::string& message) const;
  // Guard, then the handler (when `call_handler`) or the route's `admit` check, with
  // exceptions mapped to statuses; nothing when the guard and admit passed.
  std::optional<Response> Run(const Route& route, RequestContext& context, bool call_handler) const;

  std::vector<Route> routes_;
  std::vector<RoutePattern> patterns_;  // patterns_[i] is routes_[i].pattern, compiled
  std::shared_ptr<const Gatekeeper> gatekeeper_;
  ErrorPageRenderer error_page_;
  std::function<bool(const std::exception&)> database_down_;
};

// Sets the Content-Security-Policy, nosniff, Referrer-Policy and X-Frame-Options headers
// and Cache-Control: no-store, each unless the response already has it. Dispatch calls
// it; the session calls it for answers it makes itself (400, 413, 431).
void ApplySecurityHeaders(Response& response);

}  // namespace smedash::http
