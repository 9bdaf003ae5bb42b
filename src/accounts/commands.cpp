#include "accounts/commands.hpp"

#include <cstdlib>
#include <istream>
#include <ostream>

#include "accounts/password.hpp"
#include "accounts/tokens.hpp"
#include "accounts/user_validation.hpp"

namespace smedash::accounts {
namespace {

std::optional<std::string> AdminPasswordFromEnvironment() {
  const char* value = std::getenv("SMEDASH_ADMIN_PASSWORD");
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

}  // namespace

int CreateAdminCommand(UserService& users, const std::string& username, std::istream& in,
                       std::ostream& out, std::ostream& err) {
  if (!IsValidUsername(username)) {
    err << "create-admin: username must be 3-150 characters of letters, digits and . _ @ + -\n";
    return 2;
  }
  std::string password;
  if (auto from_env = AdminPasswordFromEnvironment()) {
    password = *from_env;
  } else {
    std::getline(in, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
  }
  if (password.empty()) {
    err << "create-admin: empty password; set SMEDASH_ADMIN_PASSWORD or type it on standard "
           "input\n";
    return 2;
  }
  if (PasswordPolicyViolation(password)) {
    err << "create-admin: password too weak: it needs at least " << kMinPasswordLength
        << " characters\n";
    return 2;
  }
  bool created = users.CreateOrResetAdmin(username, password);
  out << "create-admin: " << (created ? "created" : "reset") << " admin '" << username << "'\n";
  return 0;
}

void EnsureInitialAdmin(UserService& users, std::ostream& out) {
  if (users.HasActiveAdmin()) return;
  auto password = AdminPasswordFromEnvironment();
  bool generated = !password || PasswordPolicyViolation(*password).has_value();
  if (generated) {
    if (password) out << "smedash: SMEDASH_ADMIN_PASSWORD is too weak; generating one instead\n";
    password = RandomToken().substr(0, 20);
  }
  users.CreateOrResetAdmin("admin", *password);
  out << "smedash: created admin account 'admin'";
  if (generated)
    out << " with password: " << *password << "  (shown once; change it after signing in)";
  out << "\n";
}

}  // namespace smedash::accounts
