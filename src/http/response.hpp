//! An HTTP response as handlers build it; the session turns it into Beast types.
#pragma once
#include <boost/json/value.hpp>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smedash::http {

struct CookieOptions {
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Lax";
  std::optional<long long> max_age_seconds;  // none = session cookie; 0 = delete
  std::string path = "/";
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::optional<std::filesystem::path> file;  // sent from disk instead of `body`

  void SetHeader(std::string name, std::string value);
  std::optional<std::string> Header(std::string_view name) const;  // case-insensitive
  void SetCookie(std::string_view name, std::string_view value, const CookieOptions& options);

  static Response Html(int status, std::string html);
  static Response Text(int status, std::string text);
  static Response Json(int status, const boost::json::value& value);
  // {"error": {"code": code, "message": message}}
  static Response JsonError(int status, std::string_view code, std::string_view message);
  static Response Redirect(std::string location, int status = 303);
  static Response File(std::filesystem::path path, std::string content_type);
};

}  // namespace smedash::http
