//! The rules for managing users: validation, who may change what, audit, and the sessions
//! a change must end.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "accounts/user_types.hpp"
#include "core/principal.hpp"
#include "db/change_feed.hpp"
#include "db/pool.hpp"

namespace smedash::accounts {

template <typename T>
using Outcome = std::variant<T, FieldError>;

struct Actor {
  const core::Principal& principal;
  std::string ip_address;
};

class UserService {
 public:
  // `changes` (may be null) hears of every change to a user's name, role, password or
  // active flag, so signed-in sessions cached in this process are looked up again.
  explicit UserService(db::Pool& pool, db::ChangeFeed* changes = nullptr);

  std::vector<User> List();
  std::optional<User> Get(std::int64_t id);
  Outcome<User> Create(const Actor& actor, const NewUser& user);
  Outcome<User> Update(const Actor& actor, std::int64_t id, const UserChanges& changes);
  // Checks the current password; on success signs out the user's other sessions.
  std::optional<FieldError> ChangeOwnPassword(const Actor& actor, const std::string& current,
                                              const std::string& replacement);
  // "dd/mm/yyyy HH:MM" of the sign-in before the current one, in `timezone`.
  std::optional<std::string> PreviousSignIn(std::int64_t user_id, const std::string& timezone);

  // For `smedash create-admin` and the first start: creates the admin, or resets the
  // password of an existing account, makes it an active admin and ends its sessions.
  // Returns true when the account was created.
  bool CreateOrResetAdmin(const std::string& username, const std::string& password);
  bool HasActiveAdmin();

 private:
  // After a commit that changed a user.
  void UsersChanged();

  db::Pool& pool_;
  db::ChangeFeed* changes_;
};

}  // namespace smedash::accounts
