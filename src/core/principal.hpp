//! Who is making a request: the signed-in user as the router and handlers see them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smedash::core {

enum class Role { kUser, kAdmin };

std::string_view RoleName(Role role);  // "user" / "admin"
std::optional<Role> ParseRole(std::string_view name);

struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  std::string display_name;  // first + last name, or the username when both are empty
  Role role = Role::kUser;
  std::string csrf_token;  // the session's token; state-changing requests must echo it
  std::string session_id;  // hash of the session token (never the token itself)
};

}  // namespace smedash::core
