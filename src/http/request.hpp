//! An HTTP request as handlers see it: no Beast types, so capabilities and unit tests
//! build and read requests without the transport.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace smedash::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view MethodName(Method method);
bool IsStateChanging(Method method);  // POST, PUT, PATCH, DELETE

struct Request {
  Method method = Method::kGet;
  std::string target;                          // raw request target: "/a/b?x=1"
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string remote_address;  // peer IP, for audit and throttling
  std::string request_id;      // set by the session, logged with the request
  // For Route::body_to_file routes: the temporary file holding the body (`body` stays
  // empty). The session deletes it after the handler returns; a handler that keeps the
  // upload renames it away first.
  std::filesystem::path body_file;

  std::string Path() const;  // percent-decoded path without the query
  std::optional<std::string> Header(std::string_view lower_name) const;
  std::optional<std::string> Cookie(std::string_view name) const;
  std::optional<std::string> Query(std::string_view name) const;  // decoded
  // Every decoded query name and value IsText (PostgreSQL refuses other bytes in a bound
  // parameter, and a NUL would cut the value short).
  bool QueryIsText() const;
  // application/x-www-form-urlencoded body fields (first value of each name).
  std::map<std::string, std::string> FormFields() const;
  bool WantsJson() const;  // path under /api/ or Accept: application/json
};

// UTF-8 without NUL: text PostgreSQL can bind as a parameter and JSON can carry.
bool IsText(std::string_view bytes);

// Percent-decodes a URL component; '+' becomes a space when `plus_is_space`.
std::string UrlDecode(std::string_view text, bool plus_is_space);
std::string UrlEncode(std::string_view text);

}  // namespace smedash::http
