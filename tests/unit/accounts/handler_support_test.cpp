#include "accounts/handler_support.hpp"

#include <gtest/gtest.h>

namespace smedash::accounts {
namespace {

TEST(SafeNext, KeepsLocalPaths) {
  EXPECT_EQ(SafeNext("/"), "/");
  EXPECT_EQ(SafeNext("/accounts/users/?q=1"), "/accounts/users/?q=1");
}

TEST(SafeNext, RefusesOtherSitesAndHeaderTricks) {
  EXPECT_EQ(SafeNext("https://evil.example/"), "/");
  EXPECT_EQ(SafeNext("//evil.example/"), "/");
  EXPECT_EQ(SafeNext("/\\evil.example/"), "/");
  EXPECT_EQ(SafeNext("/x\r\nSet-Cookie: a=b"), "/");
  EXPECT_EQ(SafeNext(""), "/");
}

}  // namespace
}  // namespace smedash::accounts
