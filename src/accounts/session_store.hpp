//! Server-side sessions: the browser holds a random token; the database holds only its
//! hash, the CSRF token, and the times that bound its life.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <pqxx/transaction_base>
#include <string>

#include "core/principal.hpp"

namespace smedash::accounts {

struct SessionLimits {
  std::chrono::minutes idle_timeout{60};
  std::chrono::hours max_lifetime{12};
};

struct NewSession {
  std::string token;  // goes to the cookie, never stored
  std::string csrf_token;
};

namespace session_store {

NewSession Create(pqxx::transaction_base& tx, std::int64_t user_id, const SessionLimits& limits,
                  const std::string& ip_address, const std::string& user_agent);
struct ResolvedSession {
  core::Principal principal;
  std::chrono::milliseconds lifetime_left{0};  // before its idle or absolute limit, at least
};

// The signed-in user for a cookie token, or none when unknown, expired or inactive. One
// statement: run it outside a transaction for a single round trip.
std::optional<ResolvedSession> Resolve(pqxx::transaction_base& tx, const std::string& token,
                                       const SessionLimits& limits);
// Returns the user the session belonged to, if it existed.
std::optional<std::int64_t> Delete(pqxx::transaction_base& tx, const std::string& session_id);
void DeleteAllForUser(pqxx::transaction_base& tx, std::int64_t user_id,
                      const std::optional<std::string>& except_session_id);
void DeleteExpired(pqxx::transaction_base& tx, const SessionLimits& limits);

}  // namespace session_store
}  // namespace smedash::accounts
