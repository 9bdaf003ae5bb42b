//! The accounts subcommands: `smedash create-admin`, and the first-start admin of `serve`.
#pragma once
#include <iosfwd>
#include <string>

#include "accounts/user_service.hpp"

namespace smedash::accounts {

// Creates or resets admin `username` with the password from SMEDASH_ADMIN_PASSWORD or,
// when unset, the first line of `in`. Returns the exit code; explains failures on `err`.
int CreateAdminCommand(UserService& users, const std::string& username, std::istream& in,
                       std::ostream& out, std::ostream& err);

// On a start with no active admin: creates "admin" with SMEDASH_ADMIN_PASSWORD, or a random
// password printed once on `out`.
void EnsureInitialAdmin(UserService& users, std::ostream& out);

}  // namespace smedash::accounts
