//! Password hashing (argon2id through libsodium) and the password policy.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace smedash::accounts {

inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 1024;  // bounds the hashing work

// The translation key of the policy a password breaks, or none when it is acceptable.
std::optional<std::string> PasswordPolicyViolation(std::string_view password);

std::string HashPassword(std::string_view password);  // "$argon2id$v=19$m=...", salted
bool VerifyPassword(std::string_view password, const std::string& hash);
// Spends the same time as a real verification, so an unknown username cannot be told
// apart from a wrong password by timing.
void VerifyAgainstDummyHash(std::string_view password);

}  // namespace smedash::accounts
