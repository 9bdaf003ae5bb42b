#include "accounts/session_store.hpp"

#include <pqxx/pqxx>

#include "accounts/sql.hpp"
#include "accounts/tokens.hpp"

namespace smedash::accounts::session_store {

NewSession Create(pqxx::transaction_base& tx, std::int64_t user_id, const SessionLimits& limits,
                  const std::string& ip_address, const std::string& user_agent) {
  static const std::string kSql = sql::Query("session_insert.sql");
  NewSession session{RandomToken(), RandomToken()};
  tx.exec_params0(kSql, TokenHash(session.token), user_id, session.csrf_token,
                  static_cast<int>(limits.max_lifetime.count()), ip_address,
                  user_agent.substr(0, 512));
  return session;
}

std::optional<ResolvedSession> Resolve(pqxx::transaction_base& tx, const std::string& token,
                                       const SessionLimits& limits) {
  static const std::string kResolve = sql::Query("session_resolve.sql");
  std::string id = TokenHash(token);
  auto result = tx.exec_params(kResolve, id, static_cast<int>(limits.idle_timeout.count()));
  if (result.empty()) return std::nullopt;
  const auto& row = result[0];
  core::Principal principal;
  principal.csrf_token = row[0].as<std::string>();
  principal.user_id = row[1].as<std::int64_t>();
  principal.username = row[2].as<std::string>();
  std::string first = row[3].as<std::string>();
  std::string last = row[4].as<std::string>();
  std::string name = first + (first.empty() || last.empty() ? "" : " ") + last;
  principal.display_name = name.empty() ? principal.username : name;
  principal.role = core::ParseRole(row[5].as<std::string>()).value_or(core::Role::kUser);
  principal.session_id = id;
  return ResolvedSession{std::move(principal),
                         std::chrono::milliseconds(row[6].as<std::int64_t>())};
}

std::optional<std::int64_t> Delete(pqxx::transaction_base& tx, const std::string& session_id) {
  static const std::string kSql = sql::Query("session_delete.sql");
  auto result = tx.exec_params(kSql, session_id);
  if (result.empty()) return std::nullopt;
  return result[0][0].as<std::int64_t>();
}

void DeleteAllForUser(pqxx::transaction_base& tx, std::int64_t user_id,
                      const std::optional<std::string>& except_session_id) {
  static const std::string kSql = sql::Query("sessions_delete_for_user.sql");
  tx.exec_params0(kSql, user_id, sql::OrNull(except_session_id));
}

void DeleteExpired(pqxx::transaction_base& tx, const SessionLimits& limits) {
  static const std::string kSql = sql::Query("sessions_delete_expired.sql");
  tx.exec_params0(kSql, static_cast<int>(limits.idle_timeout.count()));
}

}  // namespace smedash::accounts::session_store
