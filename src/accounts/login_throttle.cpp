#include "accounts/login_throttle.hpp"

#include <algorithm>
#include <cctype>
#include <pqxx/pqxx>

#include "accounts/sql.hpp"

namespace smedash::accounts::login_throttle {
namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return text;
}

void CountFailure(pqxx::transaction_base& tx, const std::string& scope, const std::string& key,
                  const ThrottlePolicy& policy) {
  static const std::string kRecord = sql::Query("throttle_record_failure.sql");
  static const std::string kLock = sql::Query("throttle_lock.sql");
  int minutes = static_cast<int>(policy.lock_duration.count());
  int failures = tx.exec_params1(kRecord, scope, key, minutes)[0].as<int>();
  if (failures >= policy.max_failures) tx.exec_params0(kLock, scope, key, minutes);
}

}  // namespace

std::optional<int> LockedMinutes(pqxx::transaction_base& tx, const std::string& username,
                                 const std::string& address) {
  static const std::string kSql = sql::Query("throttle_locked_until.sql");
  auto row = tx.exec_params1(kSql, username, address);
  if (row[0].is_null()) return std::nullopt;
  return std::max(1, row[0].as<int>());
}

void RecordFailure(pqxx::transaction_base& tx, const std::string& username,
                   const std::string& address, const ThrottlePolicy& policy) {
  CountFailure(tx, "username", Lower(username), policy);
  // Addresses see many users (an office behind one NAT), so they get a larger budget.
  ThrottlePolicy address_policy{policy.max_failures * 4, policy.lock_duration};
  CountFailure(tx, "address", address, address_policy);
}

void RecordSuccess(pqxx::transaction_base& tx, const std::string& username) {
  static const std::string kSql = sql::Query("throttle_clear.sql");
  tx.exec_params0(kSql, "username", Lower(username));
}

void Unlock(pqxx::transaction_base& tx, const std::string& username) {
  RecordSuccess(tx, username);
}

}  // namespace smedash::accounts::login_throttle
