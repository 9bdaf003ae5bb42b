#include "http/request_guard.hpp"

#include <boost/url/parse.hpp>

namespace smedash::http {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view DefaultPort(std::string_view scheme) { return scheme == "https" ? "443" : "80"; }

}  // namespace

std::string LanguageOf(const Request& request) {
  return request.Cookie("lang") == "en" ? "en" : "id";
}

std::optional<std::string> SubmittedCsrfToken(const Request& request) {
  // An empty header counts as absent, so a form post still finds its field.
  if (auto header = request.Header("x-csrf-token"); header && !header->empty()) return header;
  // FormFields reads only urlencoded bodies, but a body without a Content-Type is not a
  // form a browser sent either, so require the header explicitly.
  const auto content_type = request.Header("content-type");
  if (!content_type || !Lower(*content_type).starts_with("application/x-www-form-urlencoded")) {
    return std::nullopt;
  }
  auto fields = request.FormFields();
  const auto it = fields.find("csrf_token");
  if (it == fields.end()) return std::nullopt;
  return std::move(it->second);
}

bool CsrfTokensEqual(std::string_view submitted, std::string_view expected) {
  if (expected.empty() || submitted.size() != expected.size()) return false;
  unsigned char difference = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    difference |= static_cast<unsigned char>(submitted[i] ^ expected[i]);
  }
  return difference == 0;
}

bool SameOrigin(const Request& request) {
  const auto origin = request.Header("origin");
  if (!origin) {
    // Browsers send Origin on cross-site POSTs; Sec-Fetch-Site covers any that do not.
    return request.Header("sec-fetch-site") != "cross-site";
  }
  const auto host = request.Header("host");
  if (!host) return false;
  const auto origin_url = boost::urls::parse_uri(*origin);  // "null" fails here
  if (!origin_url) return false;
  const std::string scheme = Lower(origin_url->scheme());
  if (scheme != "http" && scheme != "https") return false;
  const auto host_authority = boost::urls::parse_authority(*host);
  if (!host_authority || host_authority->has_userinfo()) return false;

  const auto port_of = [&](const auto& view) {
    return view.has_port() && !view.port().empty() ? std::string(view.port())
                                                   : std::string(DefaultPort(scheme));
  };
  return Lower(origin_url->encoded_host()) == Lower(host_authority->encoded_host()) &&
         port_of(*origin_url) == port_of(*host_authority);
}

}  // namespace smedash::http
