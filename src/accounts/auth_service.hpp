//! Signing in and out, and telling who a request comes from (the router's Gatekeeper).
#pragma once
#include <optional>
#include <string>

#include "accounts/login_throttle.hpp"
#include "accounts/session_cache.hpp"
#include "accounts/session_store.hpp"
#include "core/principal.hpp"
#include "db/change_feed.hpp"
#include "db/pool.hpp"
#include "http/router.hpp"

namespace smedash::accounts {

inline constexpr std::string_view kSessionCookie = "smedash_session";

struct SignInAttempt {
  std::string username;
  std::string password;
  std::string ip_address;
  std::string user_agent;
  std::optional<std::string> previous_token;  // a cookie already held: replaced, never reused
};

struct SignInResult {
  enum class Outcome { kSignedIn, kInvalid, kLocked };
  Outcome outcome = Outcome::kInvalid;
  int locked_minutes = 0;
  NewSession session;
  core::Principal principal;
};

class AuthService : public http::Gatekeeper {
 public:
  // With `changes`, sessions resolved lately are kept for a few seconds (SessionCache) and
  // sign-ins and sign-outs announce that sessions ended; without, every request asks.
  AuthService(db::Pool& pool, SessionLimits limits, ThrottlePolicy throttle,
              db::ChangeFeed* changes = nullptr);

  SignInResult SignIn(const SignInAttempt& attempt);
  void SignOut(const core::Principal& principal, const std::string& ip_address);
  std::optional<core::Principal> Authenticate(const http::Request& request) const override;
  const SessionLimits& Limits() const { return limits_; }

 private:
  SignInResult Fail(const SignInAttempt& attempt, std::optional<std::int64_t> user_id);

  // After a commit that ended sessions: this process's cached copies go now.
  void SessionsEnded() const;

  db::Pool& pool_;
  SessionLimits limits_;
  ThrottlePolicy throttle_;
  db::ChangeFeed* changes_;
  mutable SessionCache sessions_;
};

}  // namespace smedash::accounts
