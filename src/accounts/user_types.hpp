//! Users as stored, as created and changed, and as the API shows them.
#pragma once
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/principal.hpp"

namespace smedash::accounts {

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string phone_number;
  core::Role role = core::Role::kUser;
  bool is_active = true;
  std::optional<std::string> last_login;    // ISO-8601 UTC
  std::string created_at;                   // ISO-8601 UTC
  std::optional<std::string> locked_until;  // sign-in lock on this username, ISO-8601 UTC

  std::string DisplayName() const;  // "first last", or the username when both are empty
};

struct NewUser {
  std::string username;
  std::string password;
  core::Role role = core::Role::kUser;
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string phone_number;
};

// A PATCH: only the fields present change.
struct UserChanges {
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::string> email;
  std::optional<std::string> phone_number;
  std::optional<core::Role> role;
  std::optional<bool> is_active;
  std::optional<std::string> password;
  bool unlock = false;
};

// A rule a submitted value breaks: which field, and the translation key of the message.
struct FieldError {
  std::string field;
  std::string message_key;
  int status = 400;  // 409 when the value conflicts with stored data, 404 for no such user
};

boost::json::value UserToJson(const User& user);

}  // namespace smedash::accounts
