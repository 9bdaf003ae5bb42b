//! Random tokens for sessions and CSRF, and how they are stored (hashed) and compared.
#pragma once
#include <string>
#include <string_view>

namespace smedash::accounts {

std::string RandomToken();                      // 32 random bytes, base64url, 43 chars
std::string TokenHash(std::string_view token);  // SHA-256 as 64 hex digits (stored)
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace smedash::accounts
