//! Sign-in throttling: after N failures for one username or from one address within the
//! lock period, sign-ins from there are refused until the lock ends or an admin unlocks.
#pragma once
#include <chrono>
#include <optional>
#include <pqxx/transaction_base>
#include <string>

namespace smedash::accounts {

struct ThrottlePolicy {
  int max_failures = 5;
  std::chrono::minutes lock_duration{15};
};

namespace login_throttle {

// Minutes left on a lock covering this username or address, if any.
std::optional<int> LockedMinutes(pqxx::transaction_base& tx, const std::string& username,
                                 const std::string& address);
void RecordFailure(pqxx::transaction_base& tx, const std::string& username,
                   const std::string& address, const ThrottlePolicy& policy);
// A successful sign-in clears the username's count (not the address's: one good password
// must not reset an attacker's count against other accounts).
void RecordSuccess(pqxx::transaction_base& tx, const std::string& username);
void Unlock(pqxx::transaction_base& tx, const std::string& username);

}  // namespace login_throttle
}  // namespace smedash::accounts
