#include "accounts/auth_service.hpp"

#include <spdlog/spdlog.h>

#include <pqxx/pqxx>

#include "accounts/audit_log.hpp"
#include "accounts/password.hpp"
#include "accounts/tokens.hpp"
#include "accounts/user_repository.hpp"
#include "accounts/user_validation.hpp"

namespace smedash::accounts {
namespace {

constexpr std::size_t kMaxUsername = 150;  // users.username is varchar(150)
constexpr std::size_t kMaxUserAgent = 512;

// At most `max` bytes of `text` with anything but printable ASCII as '?'. What a client
// sends as a username or user agent is stored (throttle, audit, session) and indexed; a
// real one is printable ASCII anyway, and this form always fits the database.
std::string PrintableAscii(std::string_view text, std::size_t max) {
  std::string out(text.substr(0, max));
  for (char& c : out) {
    if (c < 0x20 || c > 0x7e) c = '?';
  }
  return out;
}

}  // namespace

AuthService::AuthService(db::Pool& pool, SessionLimits limits, ThrottlePolicy throttle,
                         db::ChangeFeed* changes)
    : pool_(pool), limits_(limits), throttle_(throttle), changes_(changes), sessions_(changes) {}

SignInResult AuthService::SignIn(const SignInAttempt& typed) {
  // A username no account can have fails like a wrong password, under a storable form.
  SignInAttempt attempt = typed;
  attempt.username = PrintableAscii(typed.username, kMaxUsername);
  attempt.user_agent = PrintableAscii(typed.user_agent, kMaxUserAgent);
  std::optional<user_repository::Credentials> credentials;
  {
    auto connection = pool_.Acquire();
    pqxx::read_transaction tx(*connection);
    if (auto minutes = login_throttle::LockedMinutes(tx, attempt.username, attempt.ip_address)) {
      return SignInResult{SignInResult::Outcome::kLocked, *minutes, {}, {}};
    }
    if (IsValidUsername(typed.username)) {
      credentials = user_repository::FindCredentials(tx, attempt.username);
    }
  }
  // Hashing is slow on purpose; no transaction is held open while it runs.
  bool password_ok = credentials ? VerifyPassword(attempt.password, credentials->password_hash)
                                 : (VerifyAgainstDummyHash(attempt.password), false);
  if (!password_ok || !credentials->is_active) {
    return Fail(attempt, credentials ? std::optional(credentials->id) : std::nullopt);
  }

  auto connection = pool_.Acquire();
  pqxx::work tx(*connection);
  if (attempt.previous_token) {
    session_store::Delete(tx, TokenHash(*attempt.previous_token));
  }
  // Expired sessions are swept here: sign-ins are rare enough to be cheap and frequent
  // enough to keep the table small, with no timer to run.
  session_store::DeleteExpired(tx, limits_);
  login_throttle::RecordSuccess(tx, attempt.username);
  user_repository::RecordSignIn(tx, credentials->id);
  SignInResult result{SignInResult::Outcome::kSignedIn, 0, {}, {}};
  result.session =
      session_store::Create(tx, credentials->id, limits_, attempt.ip_address, attempt.user_agent);
  auto user = user_repository::FindById(tx, credentials->id);
  RecordAudit(tx, {credentials->id,
                   user->username,
                   "auth.sign_in",
                   "user:" + std::to_string(user->id),
                   {},
                   attempt.ip_address});
  tx.commit();
  if (attempt.previous_token) SessionsEnded();  // the cookie it replaced must stop working
  result.principal = core::Principal{user->id,
                                     user->username,
                                     user->DisplayName(),
                                     user->role,
                                     result.session.csrf_token,
                                     TokenHash(result.session.token)};
  return result;
}

SignInResult AuthService::Fail(const SignInAttempt& attempt, std::optional<std::int64_t> user_id) {
  auto connection = pool_.Acquire();
  pqxx::work tx(*connection);
  login_throttle::RecordFailure(tx, attempt.username, attempt.ip_address, throttle_);
  RecordAudit(tx, {user_id,
                   attempt.username,
                   "auth.sign_in_failed",
                   user_id ? "user:" + std::to_string(*user_id) : "",
                   {},
                   attempt.ip_address});
  tx.commit();
  spdlog::info("sign-in failed for a username from {}", attempt.ip_address);
  return SignInResult{SignInResult::Outcome::kInvalid, 0, {}, {}};
}

void AuthService::SignOut(const core::Principal& principal, const std::string& ip_address) {
  auto connection = pool_.Acquire();
  pqxx::work tx(*connection);
  session_store::Delete(tx, principal.session_id);
  RecordAudit(tx, {principal.user_id,
                   principal.username,
                   "auth.sign_out",
                   "user:" + std::to_string(principal.user_id),
                   {},
                   ip_address});
  tx.commit();
  SessionsEnded();
}

void AuthService::SessionsEnded() const {
  if (changes_) changes_->Announce(db::ChangeTopic::kSessions);
}

std::optional<core::Principal> AuthService::Authenticate(const http::Request& request) const {
  auto token = request.Cookie(kSessionCookie);
  if (!token || token->empty() || token->size() > 128) return std::nullopt;
  const std::string session_id = TokenHash(*token);
  if (auto kept = sessions_.Find(session_id)) return kept;
  const std::uint64_t stamp = sessions_.Stamp();  // before the lookup: see SessionCache
  auto connection = pool_.Acquire();
  // One statement, so no BEGIN/COMMIT: a request that misses the cache pays one round trip.
  pqxx::nontransaction tx(*connection);
  auto resolved = session_store::Resolve(tx, *token, limits_);
  if (!resolved) return std::nullopt;
  sessions_.Keep(resolved->principal, resolved->lifetime_left, stamp);
  return std::move(resolved->principal);
}

}  // namespace smedash::accounts
