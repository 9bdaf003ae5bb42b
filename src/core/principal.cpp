#include "core/principal.hpp"

namespace smedash::core {

std::string_view RoleName(Role role) { return role == Role::kAdmin ? "admin" : "user"; }

std::optional<Role> ParseRole(std::string_view name) {
  if (name == "admin") return Role::kAdmin;
  if (name == "user") return Role::kUser;
  return std::nullopt;
}

}  // namespace smedash::core
