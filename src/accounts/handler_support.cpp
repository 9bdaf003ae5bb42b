#include "accounts/handler_support.hpp"

#include <boost/json.hpp>

namespace smedash::accounts {

http::Response FieldErrorResponse(const AccountsContext& accounts,
                                  const http::RequestContext& context, const FieldError& error) {
  const char* code = error.status == 409   ? "conflict"
                     : error.status == 404 ? "not_found"
                                           : "validation";
  boost::json::object body{{"code", code},
                           {"message", accounts.pages.T(context, error.message_key)}};
  if (!error.field.empty()) body["field"] = error.field;
  return http::Response::Json(error.status, boost::json::object{{"error", body}});
}

void SetSessionCookie(http::Response& response, const core::Config& config,
                      const std::string& token) {
  http::CookieOptions options;
  options.secure = config.secure_cookies;
  response.SetCookie(kSessionCookie, token, options);
}

void ClearSessionCookie(http::Response& response, const core::Config& config) {
  http::CookieOptions options;
  options.secure = config.secure_cookies;
  options.max_age_seconds = 0;
  response.SetCookie(kSessionCookie, "", options);
}

std::string SafeNext(const std::string& next) {
  bool local = next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") &&
               next.find_first_of("\r\n") == std::string::npos;
  return local ? next : "/";
}

}  // namespace smedash::accounts
