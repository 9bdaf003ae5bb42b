//! An HTTP response as handlers build it; the session turns it into Beast types.
#pragma once
#include <boost/json/value.hpp>
#include <filesystem>
#include <memory>
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

// A body made while it is sent (exports of any size, in constant memory). The session
// sends the header, then calls Next on a request worker (never the I/O thread), one call
// at a time, and sends each piece as it comes (HTTP/1.1 chunks) until Next returns
// nothing. An empty piece means "nothing to send yet, call again", so a long job gives
// its worker back between steps. When Next throws, the connection is cut: the client sees
// a broken download, never a short file that looks complete.
class BodyStream {
 public:
  virtual ~BodyStream() = default;
  virtual std::optional<std::string> Next() = 0;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::optional<std::filesystem::path> file;  // sent from disk instead of `body`
  std::shared_ptr<BodyStream> stream;         // sent piece by piece instead of `body`

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
  static Response Stream(std::shared_ptr<BodyStream> stream, std::string content_type);
};

}  // namespace smedash::http
