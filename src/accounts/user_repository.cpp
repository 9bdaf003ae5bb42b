#include "accounts/user_repository.hpp"

#include <pqxx/pqxx>

#include "accounts/sql.hpp"

namespace smedash::accounts::user_repository {
namespace {

std::optional<std::string> OptionalText(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<std::string>();
}

User ToUser(const pqxx::row& row) {
  User user;
  user.id = row[0].as<std::int64_t>();
  user.username = row[1].as<std::string>();
  user.first_name = row[2].as<std::string>();
  user.last_name = row[3].as<std::string>();
  user.email = row[4].as<std::string>();
  user.phone_number = row[5].as<std::string>();
  user.role = core::ParseRole(row[6].as<std::string>()).value_or(core::Role::kUser);
  user.is_active = row[7].as<bool>();
  user.last_login = OptionalText(row[8]);
  user.created_at = row[9].as<std::string>();
  user.locked_until = OptionalText(row[10]);
  return user;
}

std::optional<User> FirstUser(const pqxx::result& result) {
  if (result.empty()) return std::nullopt;
  return ToUser(result[0]);
}

}  // namespace

std::optional<User> FindById(pqxx::transaction_base& tx, std::int64_t id) {
  static const std::string kSql = sql::Query("user_by_id.sql");
  return FirstUser(tx.exec_params(kSql, id));
}

std::optional<User> FindByUsername(pqxx::transaction_base& tx, const std::string& username) {
  static const std::string kSql = sql::Query("user_by_username.sql");
  return FirstUser(tx.exec_params(kSql, username));
}

std::vector<User> List(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("users_list.sql");
  std::vector<User> users;
  for (const auto& row : tx.exec_params(kSql)) users.push_back(ToUser(row));
  return users;
}

std::optional<Credentials> FindCredentials(pqxx::transaction_base& tx,
                                           const std::string& username) {
  static const std::string kSql = sql::Query("user_credentials.sql");
  auto result = tx.exec_params(kSql, username);
  if (result.empty()) return std::nullopt;
  return Credentials{result[0][0].as<std::int64_t>(), result[0][1].as<std::string>(),
                     result[0][2].as<bool>()};
}

std::string PasswordHash(pqxx::transaction_base& tx, std::int64_t id) {
  static const std::string kSql = sql::Query("user_password_hash.sql");
  return tx.exec_params1(kSql, id)[0].as<std::string>();
}

std::int64_t Insert(pqxx::transaction_base& tx, const NewUser& user,
                    const std::string& password_hash) {
  static const std::string kSql = sql::Query("user_insert.sql");
  return tx
      .exec_params1(kSql, user.username, password_hash, std::string(core::RoleName(user.role)),
                    user.first_name, user.last_name, user.email, user.phone_number)[0]
      .as<std::int64_t>();
}

void Update(pqxx::transaction_base& tx, std::int64_t id, const UserChanges& changes,
            const std::optional<std::string>& password_hash) {
  static const std::string kSql = sql::Query("user_update.sql");
  std::optional<std::string> role;
  if (changes.role) role = std::string(core::RoleName(*changes.role));
  std::optional<std::string> active;
  if (changes.is_active) active = *changes.is_active ? "true" : "false";
  tx.exec_params0(kSql, id, sql::OrNull(changes.first_name), sql::OrNull(changes.last_name),
                  sql::OrNull(changes.email), sql::OrNull(changes.phone_number), sql::OrNull(role),
                  sql::OrNull(active), sql::OrNull(password_hash));
}

void RecordSignIn(pqxx::transaction_base& tx, std::int64_t id) {
  static const std::string kSql = sql::Query("user_touch_last_login.sql");
  tx.exec_params0(kSql, id);
}

std::optional<std::string> PreviousSignIn(pqxx::transaction_base& tx, std::int64_t id,
                                          const std::string& timezone) {
  static const std::string kSql = sql::Query("user_previous_login.sql");
  auto result = tx.exec_params(kSql, id, timezone);
  if (result.empty() || result[0][0].is_null()) return std::nullopt;
  return result[0][0].as<std::string>();
}

long ActiveAdminCount(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("admins_active_count.sql");
  return tx.exec_params1(kSql)[0].as<long>();
}

}  // namespace smedash::accounts::user_repository
