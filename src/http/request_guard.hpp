//! The request checks the router applies before a handler runs: language, CSRF token and
//! same-origin. Separate from the router so each rule is tested on its own.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "http/request.hpp"

namespace smedash::http {

// "en" when the lang cookie says so, else "id" (the default language).
std::string LanguageOf(const Request& request);

// The CSRF token the client sent: the x-csrf-token header (fetch/XHR), else the
// csrf_token field of an application/x-www-form-urlencoded body (plain HTML forms).
std::optional<std::string> SubmittedCsrfToken(const Request& request);

// Constant-time comparison, so response timing does not reveal how much of a guessed
// token was right. An empty expected token never matches.
bool CsrfTokensEqual(std::string_view submitted, std::string_view expected);

// False when the request visibly comes from another site: an Origin header whose
// scheme-default host:port differs from the Host header (or is "null"), or, without
// Origin, Sec-Fetch-Site: cross-site. Compares against Host, so a reverse proxy must
// pass the client's Host through (nginx: proxy_set_header Host $host).
bool SameOrigin(const Request& request);

}  // namespace smedash::http
