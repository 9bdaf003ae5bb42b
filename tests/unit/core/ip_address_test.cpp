#include "core/ip_address.hpp"

#include <gtest/gtest.h>

namespace smedash::core {
namespace {

TEST(CanonicalIpTest, WritesEachAddressOneWay) {
  EXPECT_EQ(CanonicalIp("10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(CanonicalIp("::FFFF:10.0.0.1"), "10.0.0.1");
  EXPECT_EQ(CanonicalIp("2001:DB8:0:0:0:0:0:1"), "2001:db8::1");
  EXPECT_EQ(CanonicalIp("::1"), "::1");
}

TEST(CanonicalIpTest, RefusesWhatIsNotAnAddress) {
  for (const char* text : {"", "localhost", "10.0.0.1:80", "10.0.0", "10.0.0.256", " 10.0.0.1",
                           "[::1]", "1.2.3.4/24"}) {
    EXPECT_EQ(CanonicalIp(text), std::nullopt) << text;
  }
}

}  // namespace
}  // namespace smedash::core
