#include "accounts/user_validation.hpp"

#include <gtest/gtest.h>

namespace smedash::accounts {
namespace {

TEST(UserValidation, Usernames) {
  EXPECT_TRUE(IsValidUsername("budi.santoso"));
  EXPECT_TRUE(IsValidUsername("a_b@bri+1-x"));
  EXPECT_FALSE(IsValidUsername("ab"));
  EXPECT_FALSE(IsValidUsername("budi santoso"));
  EXPECT_FALSE(IsValidUsername("<script>"));
  EXPECT_FALSE(IsValidUsername(std::string(151, 'a')));
}

TEST(UserValidation, Emails) {
  EXPECT_TRUE(IsValidEmail(""));
  EXPECT_TRUE(IsValidEmail("budi@bri.co.id"));
  EXPECT_FALSE(IsValidEmail("budi"));
  EXPECT_FALSE(IsValidEmail("@bri.co.id"));
  EXPECT_FALSE(IsValidEmail("budi@bri"));
  EXPECT_FALSE(IsValidEmail("bu di@bri.co.id"));
  EXPECT_FALSE(IsValidEmail("a@b@c.id"));
}

TEST(UserValidation, Phones) {
  EXPECT_TRUE(IsValidPhone(""));
  EXPECT_TRUE(IsValidPhone("+62 812-3456-7890"));
  EXPECT_FALSE(IsValidPhone("0812abc"));
  EXPECT_FALSE(IsValidPhone("012345678901234567890"));
}

TEST(UserValidation, NewUserReportsTheFirstBadField) {
  NewUser user{"budi", "short", core::Role::kUser, "Budi", "", "", ""};
  auto error = ValidateNewUser(user);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->field, "password");
  EXPECT_EQ(error->message_key, "validation.password_length");

  user.password = "long enough password";
  user.email = "nope";
  EXPECT_EQ(ValidateNewUser(user)->field, "email");
  user.email = "budi@bri.co.id";
  EXPECT_FALSE(ValidateNewUser(user));
}

TEST(UserValidation, ChangesCheckOnlyWhatIsPresent) {
  UserChanges changes;
  EXPECT_FALSE(ValidateChanges(changes));
  changes.phone_number = "abc";
  EXPECT_EQ(ValidateChanges(changes)->field, "phone_number");
  changes.phone_number.reset();
  changes.first_name = std::string("bad\nname");
  EXPECT_EQ(ValidateChanges(changes)->field, "first_name");
}

}  // namespace
}  // namespace smedash::accounts
