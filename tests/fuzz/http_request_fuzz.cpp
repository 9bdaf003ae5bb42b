// Bytes from a client to the router's answer, as the session handles them: Beast parses a
// header (the session's header limit), ToRequest makes our Request, the route's body
// policy bounds the body, then Router::Dispatch runs the guards and a handler over a small
// route table shaped like the application's (public, signed-in and admin pages and APIs,
// CSRF, an upload route, static files). Several requests may follow each other on one
// connection. Never a 500 (that is an exception nobody expected), never a file from
// outside the static folder.
#include <unistd.h>

#include <boost/beast/core/error.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/serialize.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "core/errors.hpp"
#include "core/json_fields.hpp"
#include "core/limits.hpp"
#include "http/beast_request.hpp"
#include "http/refusal.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace smedash::fuzz {
namespace {

namespace bhttp = boost::beast::http;
using http::Access;
using http::Kind;
using http::Method;

class CookieGatekeeper final : public http::Gatekeeper {
 public:
  std::optional<core::Principal> Authenticate(const http::Request& request) const override {
    const auto session = request.Cookie("sessionid");
    if (session == "user")
      return core::Principal{7, "budi", "Budi", core::Role::kUser, "tok", "h1"};
    if (session == "admin") {
      return core::Principal{1, "admin", "Admin", core::Role::kAdmin, "tok", "h2"};
    }
    if (session == "down") throw core::Unavailable("database is restarting");
    return std::nullopt;
  }
};

// What the handlers read of a request: its parameters, query, cookies, form and JSON body.
http::Response Echo(http::RequestContext& context) {
  const http::Request& request = context.request;
  boost::json::object out;
  for (const auto& [name, value] : context.params) out[name] = value;
  out["path"] = request.Path();
  out["q"] = request.Query("q").value_or("");
  out["json"] = request.WantsJson();
  for (const auto& [name, value] : request.FormFields()) out["form." + name] = value;
  if (request.Header("content-type") == "application/json") {
    const boost::json::object body = core::ParseJsonObject(request.body);
    out["name"] = core::StringField(body, "name").value_or("");
  }
  if (context.principal) out["user"] = context.User().username;
  const auto fail = request.Query("fail");
  if (fail == "client") throw core::ClientError("bad value");
  if (fail == "missing") throw core::NotFound("no such thing");
  if (fail == "conflict") throw core::Conflict("already done");
  return http::Response::Json(200, out);
}

// A static folder with a file beside it that no URL may reach; removed at exit.
struct StaticFolder {
  std::filesystem::path base =
      std::filesystem::temp_directory_path() / ("smedash-fuzz-static-" + std::to_string(getpid()));
  std::filesystem::path root = base / "web";
  StaticFolder() {
    std::filesystem::create_directories(root / "css");
    std::ofstream(root / "css" / "app.css") << "body{}";
    std::ofstream(base / "secret.txt") << "outside the static folder";
  }
  ~StaticFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(base, ignored);
  }
};

const StaticFolder& Static() {
  static const StaticFolder folder;
  return folder;
}

void Add(http::Router& router, Method method, std::string pattern, Access access, Kind kind,
         http::Handler handler = Echo) {
  http::Route route;
  route.method = method;
  route.pattern = std::move(pattern);
  route.access = access;
  route.kind = kind;
  route.name = "fuzz";
  route.handler = std::move(handler);
  route.csrf_exempt = access == Access::kPublic && http::IsStateChanging(method);
  router.Add(std::move(route));
}

http::Router MakeRouter() {
  http::Router router;
  router.SetGatekeeper(std::make_shared<CookieGatekeeper>());
  router.SetErrorPageRenderer([](const http::RequestContext&, int status, const std::string& text) {
    return http::Response::Html(status, text);
  });
  Add(router, Method::kGet, "/", Access::kSignedIn, Kind::kPage);
  Add(router, Method::kGet, "/lang", Access::kPublic, Kind::kPage);
  Add(router, Method::kPost, "/accounts/login/", Access::kPublic, Kind::kPage);
  Add(router, Method::kPost, "/api/v1/session", Access::kPublic, Kind::kApi);
  Add(router, Method::kGet, "/api/v1/me", Access::kSignedIn, Kind::kApi);
  Add(router, Method::kGet, "/api/v1/users/{id}", Access::kAdmin, Kind::kApi);
  Add(router, Method::kPatch, "/api/v1/users/{id}", Access::kAdmin, Kind::kApi);
  Add(router, Method::kDelete, "/api/v1/komitmen/{month}", Access::kAdmin, Kind::kApi);
  Add(router, Method::kGet, "/data/history/{id}/", Access::kAdmin, Kind::kPage);
  Add(router, Method::kGet, "/static/{path*}", Access::kPublic, Kind::kPage,
      http::StaticFiles({{"/static/", Static().root}}));
  http::Route upload;
  upload.method = Method::kPost;
  upload.pattern = "/api/v1/uploads";
  upload.access = Access::kAdmin;
  upload.kind = Kind::kApi;
  upload.name = "fuzz.upload";
  upload.handler = Echo;
  upload.max_body_bytes = 4096;
  upload.body_to_file = true;
  upload.admit = [](http::RequestContext& context) -> std::optional<http::Response> {
    if (context.request.Query("busy")) return http::Response::JsonError(503, "busy", "busy");
    return std::nullopt;
  };
  router.Add(std::move(upload));
  return router;
}

void Check(const http::Response& response) {
  if (response.status == 500) {
    std::fprintf(stderr, "500: %s\n", response.body.c_str());
    std::abort();
  }
  if (response.file) {
    const auto file = std::filesystem::weakly_canonical(*response.file);
    const auto root = std::filesystem::weakly_canonical(Static().root);
    const auto [root_end, file_at] = std::mismatch(root.begin(), root.end(), file.begin());
    if (root_end != root.end()) {
      std::fprintf(stderr, "file outside the static folder: %s\n", file.c_str());
      std::abort();
    }
  }
}

// Serves one request from the front of `input`; false when the connection would close.
bool ServeOne(const http::Router& router, std::string_view& input) {
  bhttp::request_parser<bhttp::empty_body> head;
  head.header_limit(core::limits::kMaxHeaderBytes);
  head.body_limit(boost::none);
  head.eager(false);
  boost::beast::error_code error;
  while (!error && !head.is_header_done() && !input.empty()) {
    input.remove_prefix(head.put(boost::asio::buffer(input.data(), input.size()), error));
  }
  if (!head.is_header_done()) {
    if (error && error != bhttp::error::need_more) {
      const http::Request partial = http::detail::ToRequest(head.get());
      const int status = error == bhttp::error::header_limit ? 431 : 400;
      Check(http::SessionRefusal(partial, status));
    }
    return false;
  }
  http::Request request = http::detail::ToRequest(head.get());
  request.remote_address = "192.0.2.1";
  const http::BodyPolicy policy = router.BodyPolicyFor(request.method, request.target);
  if (head.content_length() && *head.content_length() > policy.max_bytes) {
    Check(http::SessionRefusal(request, 413, policy.max_bytes));
    return false;
  }
  if (policy.to_file) {
    if (const auto refusal = router.Admit(request)) {
      Check(*refusal);
      return false;
    }
  }
  bhttp::request_parser<bhttp::string_body> parser{std::move(head)};
  parser.body_limit(policy.max_bytes);
  while (!error && !parser.is_done() && !input.empty()) {
    input.remove_prefix(parser.put(boost::asio::buffer(input.data(), input.size()), error));
  }
  if (!parser.is_done()) {
    if (error == bhttp::error::body_limit)
      Check(http::SessionRefusal(request, 413, policy.max_bytes));
    return false;
  }
  request.body = std::move(parser.get().body());
  Check(router.Dispatch(request));
  return parser.get().keep_alive();
}

}  // namespace
}  // namespace smedash::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const smedash::http::Router router = smedash::fuzz::MakeRouter();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  for (int request = 0; request < 4 && smedash::fuzz::ServeOne(router, input); ++request) {
  }
  return 0;
}
