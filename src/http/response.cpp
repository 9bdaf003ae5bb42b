#include "http/response.hpp"

#include <fmt/format.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <stdexcept>

namespace smedash::http {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// RFC 7230 token characters: header and cookie names.
bool IsToken(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && std::string_view("!#$%&'*+-.^_`|~").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

// RFC 6265 cookie-octet: no controls, whitespace, DQUOTE, comma, semicolon or backslash.
bool IsCookieValue(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7F || c == '"' || c == ',' || c == ';' || c == '\\') {
      return false;
    }
  }
  return true;
}

// A CR or LF in a header would let a value (a redirect target taken from the request,
// say) start a header of its own; NUL confuses clients. Refuse rather than strip.
void CheckHeaderText(std::string_view name, std::string_view value) {
  if (!IsToken(name)) throw std::invalid_argument(fmt::format("bad header name '{}'", name));
  if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos) {
    throw std::invalid_argument(fmt::format("header '{}' has a line break or NUL", name));
  }
}

}  // namespace

void Response::SetHeader(std::string name, std::string value) {
  CheckHeaderText(name, value);
  for (auto& [existing_name, existing_value] : headers) {
    if (EqualsIgnoreCase(existing_name, name)) {
      existing_value = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::optional<std::string> Response::Header(std::string_view name) const {
  for (const auto& [existing_name, value] : headers) {
    if (EqualsIgnoreCase(existing_name, name)) return value;
  }
  return std::nullopt;
}

void Response::SetCookie(std::string_view name, std::string_view value,
                         const CookieOptions& options) {
  // Values are session tokens and language codes we generate; anything else means a bug,
  // and escaping it silently would hand the browser a cookie nobody reads back.
  if (!IsToken(name)) throw std::invalid_argument(fmt::format("bad cookie name '{}'", name));
  if (!IsCookieValue(value)) {
    throw std::invalid_argument(
        fmt::format("cookie '{}' has characters a cookie cannot hold", name));
  }
  if (options.path.empty() || !IsCookieValue(options.path)) {
    throw std::invalid_argument(fmt::format("cookie '{}' has a bad path", name));
  }
  if (options.same_site != "Lax" && options.same_site != "Strict" && options.same_site != "None") {
    throw std::invalid_argument(
        fmt::format("cookie '{}' has SameSite={}", name, options.same_site));
  }
  std::string header = fmt::format("{}={}; Path={}", name, value, options.path);
  if (options.http_only) header += "; HttpOnly";
  header += "; SameSite=" + options.same_site;
  if (options.secure) header += "; Secure";
  if (options.max_age_seconds) header += fmt::format("; Max-Age={}", *options.max_age_seconds);
  // Appended, not set: one response may set several cookies.
  headers.emplace_back("Set-Cookie", std::move(header));
}

Response Response::Html(int status, std::string html) {
  Response response;
  response.status = status;
  response.body = std::move(html);
  response.SetHeader("Content-Type", "text/html; charset=utf-8");
  return response;
}

Response Response::Text(int status, std::string text) {
  Response response;
  response.status = status;
  response.body = std::move(text);
  response.SetHeader("Content-Type", "text/plain; charset=utf-8");
  return response;
}

Response Response::Json(int status, const boost::json::value& value) {
  Response response;
  response.status = status;
  response.body = boost::json::serialize(value);
  response.SetHeader("Content-Type", "application/json");
  return response;
}

Response Response::JsonError(int status, std::string_view code, std::string_view message) {
  boost::json::object error;
  error["code"] = code;
  error["message"] = message;
  boost::json::object root;
  root["error"] = std::move(error);
  return Json(status, root);
}

Response Response::Redirect(std::string location, int status) {
  Response response;
  response.status = status;
  response.SetHeader("Location", std::move(location));
  return response;
}

Response Response::File(std::filesystem::path path, std::string content_type) {
  Response response;
  response.file = std::move(path);
  response.SetHeader("Content-Type", std::move(content_type));
  return response;
}

Response Response::Stream(std::shared_ptr<BodyStream> stream, std::string content_type) {
  Response response;
  response.stream = std::move(stream);
  response.SetHeader("Content-Type", std::move(content_type));
  return response;
}

}  // namespace smedash::http
