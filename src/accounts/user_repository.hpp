//! SQL for the users table; no rules here (those are in user_service).
#pragma once
#include <cstdint>
#include <optional>
#include <pqxx/transaction_base>
#include <string>
#include <vector>

#include "accounts/user_types.hpp"

namespace smedash::accounts::user_repository {

struct Credentials {
  std::int64_t id = 0;
  std::string password_hash;
  bool is_active = false;
};

std::optional<User> FindById(pqxx::transaction_base& tx, std::int64_t id);
std::optional<User> FindByUsername(pqxx::transaction_base& tx, const std::string& username);
std::vector<User> List(pqxx::transaction_base& tx);
std::optional<Credentials> FindCredentials(pqxx::transaction_base& tx, const std::string& username);
std::string PasswordHash(pqxx::transaction_base& tx, std::int64_t id);
// Throws pqxx::unique_violation when the username is taken (in any letter case).
std::int64_t Insert(pqxx::transaction_base& tx, const NewUser& user,
                    const std::string& password_hash);
// `password_hash` replaces the stored hash when set; other fields as in `changes`.
void Update(pqxx::transaction_base& tx, std::int64_t id, const UserChanges& changes,
            const std::optional<std::string>& password_hash);
void RecordSignIn(pqxx::transaction_base& tx, std::int64_t id);
std::optional<std::string> PreviousSignIn(pqxx::transaction_base& tx, std::int64_t id,
                                          const std::string& timezone);  // "dd/mm/yyyy HH:MM"
long ActiveAdminCount(pqxx::transaction_base& tx);

}  // namespace smedash::accounts::user_repository
