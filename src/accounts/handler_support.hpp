//! Pieces the accounts handlers share: the error JSON of a FieldError, the session
//! cookie, and the check that a "next" address stays on this site.
#pragma once
#include <string>

#include "accounts/routes.hpp"
#include "accounts/user_types.hpp"

namespace smedash::accounts {

using AccountsHandler = http::Response (*)(const AccountsContext&, http::RequestContext&);

// A router handler that calls `handler` with the accounts services. The context is copied
// (it only holds references to long-lived services), so the caller's copy may go.
inline http::Handler Bind(const AccountsContext& accounts, AccountsHandler handler) {
  return [accounts, handler](http::RequestContext& context) { return handler(accounts, context); };
}

http::Response FieldErrorResponse(const AccountsContext& accounts,
                                  const http::RequestContext& context, const FieldError& error);
void SetSessionCookie(http::Response& response, const core::Config& config,
                      const std::string& token);
void ClearSessionCookie(http::Response& response, const core::Config& config);
// `next` when it is a path on this site ("/os/?x=1"), otherwise "/": no open redirects.
std::string SafeNext(const std::string& next);

}  // namespace smedash::accounts
