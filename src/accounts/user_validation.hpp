//! The rules for user fields, checked before anything is stored.
#pragma once
#include <optional>
#include <string_view>

#include "accounts/user_types.hpp"

namespace smedash::accounts {

std::optional<FieldError> ValidateNewUser(const NewUser& user);
std::optional<FieldError> ValidateChanges(const UserChanges& changes);

// Single-field rules, exposed for tests and for create-admin.
bool IsValidUsername(std::string_view username);  // 3-150 of A-Z a-z 0-9 . _ @ + -
bool IsValidEmail(std::string_view email);        // empty, or one @ with a dotted domain
bool IsValidPhone(std::string_view phone);        // empty, or up to 20 of 0-9 + - space ()

}  // namespace smedash::accounts
