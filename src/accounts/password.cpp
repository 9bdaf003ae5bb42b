#include "accounts/password.hpp"

#include <sodium.h>

#include <stdexcept>

namespace smedash::accounts {
namespace {

void EnsureSodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

std::size_t Utf8Length(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

}  // namespace

std::optional<std::string> PasswordPolicyViolation(std::string_view password) {
  if (Utf8Length(password) < kMinPasswordLength || password.size() > kMaxPasswordLength) {
    return "validation.password_length";
  }
  return std::nullopt;
}

std::string HashPassword(std::string_view password) {
  EnsureSodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return hash;
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  EnsureSodium();
  if (password.size() > kMaxPasswordLength) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void VerifyAgainstDummyHash(std::string_view password) {
  static const std::string dummy = HashPassword("dummy-password-for-timing");
  VerifyPassword(password, dummy);
}

}  // namespace smedash::accounts
