#include "accounts/user_service.hpp"

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "accounts/audit_log.hpp"
#include "accounts/login_throttle.hpp"
#include "accounts/password.hpp"
#include "accounts/session_store.hpp"
#include "accounts/user_repository.hpp"
#include "accounts/user_validation.hpp"

namespace smedash::accounts {
namespace {

// The audit detail of a change: the names of the fields changed and their new values,
// except the password, which is only said to have changed.
boost::json::object ChangeDetail(const UserChanges& changes) {
  boost::json::object detail;
  auto put = [&](const char* key, const std::optional<std::string>& value) {
    if (value) detail[key] = *value;
  };
  put("first_name", changes.first_name);
  put("last_name", changes.last_name);
  put("email", changes.email);
  put("phone_number", changes.phone_number);
  if (changes.role) detail["role"] = core::RoleName(*changes.role);
  if (changes.is_active) detail["is_active"] = *changes.is_active;
  if (changes.password) detail["password"] = "changed";
  if (changes.unlock) detail["unlock"] = true;
  return detail;
}

std::optional<FieldError> SelfChangeViolation(const Actor& actor, std::int64_t id,
                                              const UserChanges& changes) {
  if (actor.principal.user_id != id) return std::nullopt;
  if (changes.is_active && !*changes.is_active) {
    return FieldError{"is_active", "validation.self_deactivate", 409};
  }
  if (changes.role && *changes.role != actor.principal.role) {
    return FieldError{"role", "validation.self_demote", 409};
  }
  return std::nullopt;
}

}  // namespace

UserService::UserService(db::Pool& pool, db::ChangeFeed* changes)
    : pool_(pool), changes_(changes) {}

void UserService::UsersChanged() {
  if (changes_) changes_->Announce(db::ChangeTopic::kSessions);
}

std::vector<User> UserService::List() {
  auto connection = pool_.Acquire();
  pqxx::read_transaction tx(*connection);
  return user_repository::List(tx);
}

std::optional<User> UserService::Get(std::int64_t id) {
  auto connection = pool_.Acquire();
  pqxx::read_transaction tx(*connection);
  return user_repository::FindById(tx, id);
}

Outcome<User> UserService::Create(const Actor& actor, const NewUser& user) {
  if (auto error = ValidateNewUser(user)) return *error;
  std::string hash = HashPassword(user.password);
  auto connection = pool_.Acquire();
  pqxx::work tx(*connection);
  if (user_repository::FindByUsername(tx, user.username)) {
    return FieldError{"username", "validation.username_taken", 409};
  }
  std::int64_t id = 0;
  try {
    id = user_repository::Insert(tx, user, hash);
  } catch (const pqxx::unique_violation&) {  // a concurrent create took the name
    return FieldError{"username", "validation.username_taken", 409};
  }
  RecordAudit(tx, {actor.principal.user_id,
                   actor.principal.username,
                   "user.create",
                   "user:" + std::to_string(id),
                   {{"username", user.username}, {"role", core::RoleName(user.role)}},
                   actor.ip_address});
  auto created = user_repository::FindById(tx, id);
  tx.commit();
  return *created;
}

Outcome<User> UserService::Update(const Actor& actor, std::int64_t id, const UserChanges& changes) {
  if (auto error = ValidateChanges(changes)) return *error;
  if (auto error = SelfChangeViolation(actor, id, changes)) return *error;
  std::optional<std::string> hash;
  if (changes.password) hash = HashPassword(*changes.password);

  auto connection = pool_.Acquire();
  pqxx::work tx(*connection);
  auto before = user_repository::FindById(tx, id);
  if (!before) return FieldError{"", "validation.not_found_user", 404};
  user_repository::Update(tx, id, changes, hash);
  if (changes.unlock) login_throttle::Unlock(tx, before->username);
  // A deactivated user or a reset password must not keep old sessions alive.
  if ((changes.is_active && !*changes.is_active) || changes.password) {
    session_store::DeleteAllForUser(tx, id, std::nullopt);
  }
  RecordAudit(tx, {actor.principal.user_id, actor.principal.username, "user.update",
                   "user:" + std::to_string(id), ChangeDetail(changes), actor.ip_address});
  auto after = user_repository::FindById(tx, id);
  tx.commit();
  UsersChanged();
  return *after;
}

std::optional<FieldError> UserService::ChangeOwnPassword(const Actor& actor,
                                                         const std::string& current,
                                                         const std::string& replacement) {
  if (auto key = PasswordPolicyViolation(replacement)) return FieldError{"new_password", *key};
  std::string stored;
  {
    auto connection = pool_.Acquire();
    pqxx::read_transaction tx(*connection);
    stored = user_repository::PasswordHash(tx, actor.principal.user_id);
  }
  if (!VerifyPassword(current, stored)) {
    return FieldError{"current_password", "validation.current_password"};
  }
  UserChanges changes;
  changes.password = replacement;
  std::string hash = HashPassword(replacement);
  auto connection = pool_.Acquire();
  pqxx::work tx(*connection);
  user_repository::Update(tx, actor.principal.user_id, changes, hash);
  session_store::DeleteAllForUser(tx, actor.principal.user_id, actor.principal.session_id);
  RecordAudit(tx, {actor.principal.user_id,
                   actor.principal.username,
                   "user.password_change",
                   "user:" + std::to_string(actor.principal.user_id),
                   {},
                   actor.ip_address});
  tx.commit();
  UsersChanged();
  return std::nullopt;
}

std::optional<std::string> UserService::PreviousSignIn(std::int64_t user_id,
                                                       const std::string& timezone) {
  auto connection = pool_.Acquire();
  pqxx::read_transaction tx(*connection);
  return user_repository::PreviousSignIn(tx, user_id, timezone);
}

bool UserService::CreateOrResetAdmin(const std::string& username, const std::string& password) {
  std::string hash = HashPassword(password);
  auto connection = pool_.Acquire();
  pqxx::work tx(*connection);
  auto existing = user_repository::FindByUsername(tx, username);
  std::int64_t id = 0;
  if (existing) {
    id = existing->id;
    UserChanges changes;
    changes.role = core::Role::kAdmin;
    changes.is_active = true;
    user_repository::Update(tx, id, changes, hash);
    login_throttle::Unlock(tx, username);
    session_store::DeleteAllForUser(tx, id, std::nullopt);
  } else {
    NewUser user{username, password, core::Role::kAdmin, "", "", "", ""};
    id = user_repository::Insert(tx, user, hash);
  }
  RecordAudit(tx, {std::nullopt,
                   "smedash create-admin",
                   existing ? "user.reset_admin" : "user.create",
                   "user:" + std::to_string(id),
                   {{"username", username}, {"role", "admin"}},
                   "local"});
  tx.commit();
  UsersChanged();
  return !existing;
}

bool UserService::HasActiveAdmin() {
  auto connection = pool_.Acquire();
  pqxx::read_transaction tx(*connection);
  return user_repository::ActiveAdminCount(tx) > 0;
}

}  // namespace smedash::accounts
