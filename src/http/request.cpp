#include "http/request.hpp"

#include <boost/locale/utf.hpp>
#include <utility>

namespace smedash::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Calls `visit(name, value)` for each "name=value" pair of a query string or form body,
// decoded, in order. A pair without '=' has an empty value.
template <typename Visit>
void ForEachPair(std::string_view text, Visit visit) {
  while (!text.empty()) {
    const auto amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    const std::string_view name = pair.substr(0, eq);
    const std::string_view value =
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    if (!visit(UrlDecode(name, true), UrlDecode(value, true))) return;
  }
}

std::string_view QueryString(std::string_view target) {
  const auto question = target.find('?');
  if (question == std::string_view::npos) return {};
  std::string_view query = target.substr(question + 1);
  return query.substr(0, query.find('#'));
}

// The media type of a Content-Type value, lower-cased, without parameters.
std::string MediaType(std::string_view content_type) {
  return Lower(Trim(content_type.substr(0, content_type.find(';'))));
}

}  // namespace

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kHead:
      return "HEAD";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
    case Method::kOptions:
      return "OPTIONS";
    case Method::kOther:
      break;
  }
  return "OTHER";
}

bool IsStateChanging(Method method) {
  // kOther counts as state-changing: an unknown verb must not slip past the CSRF check.
  return method != Method::kGet && method != Method::kHead && method != Method::kOptions;
}

std::string Request::Path() const {
  std::string_view raw = target;
  raw = raw.substr(0, raw.find_first_of("?#"));
  return UrlDecode(raw, false);
}

std::optional<std::string> Request::Header(std::string_view lower_name) const {
  // Callers pass lower-case names; lowering again keeps a stray capital from missing.
  const auto it = headers.find(Lower(lower_name));
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
  const auto header = Header("cookie");
  if (!header || name.empty()) return std::nullopt;
  std::string_view rest = *header;
  while (!rest.empty()) {
    const auto semicolon = rest.find(';');
    const std::string_view pair = Trim(rest.substr(0, semicolon));
    rest = semicolon == std::string_view::npos ? std::string_view() : rest.substr(semicolon + 1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos || Trim(pair.substr(0, eq)) != name) continue;
    std::string_view value = Trim(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
  }
  return std::nullopt;
}

std::optional<std::string> Request::Query(std::string_view name) const {
  std::optional<std::string> found;
  ForEachPair(QueryString(target), [&](std::string key, std::string value) {
    if (key != name) return true;
    found = std::move(value);
    return false;
  });
  return found;
}

bool IsText(std::string_view bytes) {
  using Utf8 = boost::locale::utf::utf_traits<char>;
  for (auto it = bytes.begin(); it != bytes.end();) {
    const auto code_point = Utf8::decode(it, bytes.end());
    if (code_point == 0 || !boost::locale::utf::is_valid_codepoint(code_point)) return false;
  }
  return true;
}

bool Request::QueryIsText() const {
  bool text = true;
  ForEachPair(QueryString(target), [&](const std::string& key, const std::string& value) {
    text = IsText(key) && IsText(value);
    return text;
  });
  return text;
}

std::map<std::string, std::string> Request::FormFields() const {
  std::map<std::string, std::string> fields;
  // A JSON or multipart body is not a form; reading it as one would let such a body
  // smuggle fields (csrf_token) the sender never meant as form fields.
  const auto content_type = Header("content-type");
  if (content_type && MediaType(*content_type) != "application/x-www-form-urlencoded") {
    return fields;
  }
  ForEachPair(body, [&](std::string key, std::string value) {
    fields.emplace(std::move(key), std::move(value));  // emplace keeps the first value
    return true;
  });
  return fields;
}

bool Request::WantsJson() const {
  if (Path().starts_with("/api/")) return true;
  const auto accept = Header("accept");
  return accept && Lower(*accept).find("application/json") != std::string::npos;
}

std::string UrlDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      const int high = HexValue(text[i + 1]);
      const int low = HexValue(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out.push_back(static_cast<char>(high * 16 + low));
        i += 2;
        continue;
      }
    }
    // A malformed escape stays as written rather than failing the whole request.
    out.push_back(plus_is_space && c == '+' ? ' ' : c);
  }
  return out;
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    // RFC 3986 unreserved characters, checked by hand: std::isalnum follows the locale.
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      const auto byte = static_cast<unsigned char>(c);
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    }
  }
  return out;
}

}  // namespace smedash::http
