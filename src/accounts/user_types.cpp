#include "accounts/user_types.hpp"

#include <boost/json.hpp>

namespace smedash::accounts {

std::string User::DisplayName() const {
  std::string name = first_name;
  if (!last_name.empty()) name += (name.empty() ? "" : " ") + last_name;
  return name.empty() ? username : name;
}

boost::json::value UserToJson(const User& user) {
  auto optional = [](const std::optional<std::string>& v) -> boost::json::value {
    return v ? boost::json::value(*v) : boost::json::value(nullptr);
  };
  return boost::json::object{
      {"id", user.id},
      {"username", user.username},
      {"first_name", user.first_name},
      {"last_name", user.last_name},
      {"display_name", user.DisplayName()},
      {"email", user.email},
      {"phone_number", user.phone_number},
      {"role", core::RoleName(user.role)},
      {"is_active", user.is_active},
      {"last_login", optional(user.last_login)},
      {"created_at", user.created_at},
      {"locked_until", optional(user.locked_until)},
  };
}

}  // namespace smedash::accounts
