#include "accounts/user_validation.hpp"

#include <algorithm>

#include "accounts/password.hpp"
#include "core/limits.hpp"

namespace smedash::accounts {
namespace {

constexpr std::size_t kMaxNameLength = 150;

bool IsValidName(std::string_view name) {
  return name.size() <= kMaxNameLength &&
         std::none_of(name.begin(), name.end(), [](unsigned char c) { return c < 0x20; });
}

std::optional<FieldError> ValidateDetails(const std::optional<std::string>& first_name,
                                          const std::optional<std::string>& last_name,
                                          const std::optional<std::string>& email,
                                          const std::optional<std::string>& phone) {
  if (first_name && !IsValidName(*first_name))
    return FieldError{"first_name", "validation.name_length"};
  if (last_name && !IsValidName(*last_name))
    return FieldError{"last_name", "validation.name_length"};
  if (email && !IsValidEmail(*email)) return FieldError{"email", "validation.email"};
  if (phone && !IsValidPhone(*phone)) return FieldError{"phone_number", "validation.phone"};
  return std::nullopt;
}

}  // namespace

bool IsValidUsername(std::string_view username) {
  if (username.size() < 3 || username.size() > 150) return false;
  return std::all_of(username.begin(), username.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '_' || c == '@' || c == '+' || c == '-';
  });
}

bool IsValidEmail(std::string_view email) {
  if (email.empty()) return true;
  if (email.size() > 254) return false;
  auto at = email.find('@');
  if (at == 0 || at == std::string_view::npos ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  auto domain = email.substr(at + 1);
  auto dot = domain.find('.');
  bool printable = std::all_of(email.begin(), email.end(),
                               [](unsigned char c) { return c > 0x20 && c != 0x7F; });
  return printable && dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

bool IsValidPhone(std::string_view phone) {
  if (phone.size() > 20) return false;
  return std::all_of(phone.begin(), phone.end(), [](unsigned char c) {
    return std::isdigit(c) || c == '+' || c == '-' || c == ' ' || c == '(' || c == ')';
  });
}

std::optional<FieldError> ValidateNewUser(const NewUser& user) {
  if (!IsValidUsername(user.username)) return FieldError{"username", "validation.username"};
  if (auto key = PasswordPolicyViolation(user.password)) return FieldError{"password", *key};
  return ValidateDetails(user.first_name, user.last_name, user.email, user.phone_number);
}

std::optional<FieldError> ValidateChanges(const UserChanges& changes) {
  if (changes.password) {
    if (auto key = PasswordPolicyViolation(*changes.password)) return FieldError{"password", *key};
  }
  return ValidateDetails(changes.first_name, changes.last_name, changes.email,
                         changes.phone_number);
}

}  // namespace smedash::accounts
