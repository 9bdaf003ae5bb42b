#include "accounts/password.hpp"

#include <gtest/gtest.h>

namespace smedash::accounts {
namespace {

TEST(Password, HashIsArgon2idAndSalted) {
  std::string first = HashPassword("correct horse battery");
  std::string second = HashPassword("correct horse battery");
  EXPECT_TRUE(first.starts_with("$argon2id$"));
  EXPECT_NE(first, second);
}

TEST(Password, VerifyAcceptsOnlyTheRightPassword) {
  std::string hash = HashPassword("correct horse battery");
  EXPECT_TRUE(VerifyPassword("correct horse battery", hash));
  EXPECT_FALSE(VerifyPassword("correct horse batterY", hash));
  EXPECT_FALSE(VerifyPassword("", hash));
  EXPECT_FALSE(VerifyPassword("x", "not a hash"));
}

TEST(Password, PolicyNeedsTenCharactersCountingUtf8Letters) {
  EXPECT_EQ(PasswordPolicyViolation("123456789"), "validation.password_length");
  EXPECT_EQ(PasswordPolicyViolation("1234567890"), std::nullopt);
  // Nine two-byte letters are nine characters, not eighteen.
  EXPECT_EQ(PasswordPolicyViolation("ééééééééé"), "validation.password_length");
  EXPECT_EQ(PasswordPolicyViolation(std::string(kMaxPasswordLength + 1, 'a')),
            "validation.password_length");
}

}  // namespace
}  // namespace smedash::accounts
