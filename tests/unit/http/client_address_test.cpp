#include "http/client_address.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace smedash::http {
namespace {

const std::vector<std::string> kProxies{"127.0.0.1", "10.0.0.2"};

TEST(ClientAddressTest, WithoutATrustedProxyTheHeaderIsIgnored) {
  // Anyone can send X-Forwarded-For: a client naming another address dodges nothing.
  EXPECT_EQ(ClientAddress("192.0.2.9", "198.51.100.1", kProxies), "192.0.2.9");
  EXPECT_EQ(ClientAddress("192.0.2.9", "198.51.100.1", {}), "192.0.2.9");
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1", {}), "127.0.0.1");
}

TEST(ClientAddressTest, ATrustedProxyNamesTheClient) {
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1", kProxies), "198.51.100.1");
  EXPECT_EQ(ClientAddress("::ffff:127.0.0.1", " 198.51.100.1 ", kProxies), "198.51.100.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "2001:DB8::5", kProxies), "2001:db8::5");
}

TEST(ClientAddressTest, EntriesTheClientWroteLeftOfTheProxysAreNotBelieved) {
  // The client sent "X-Forwarded-For: 203.0.113.66"; the proxy appended the real address.
  EXPECT_EQ(ClientAddress("127.0.0.1", "203.0.113.66, 198.51.100.1", kProxies), "198.51.100.1");
}

TEST(ClientAddressTest, ChainedTrustedProxiesAreSkipped) {
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1, 10.0.0.2", kProxies), "198.51.100.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "10.0.0.2", kProxies), "127.0.0.1");
}

TEST(ClientAddressTest, AMissingOrGarbledHeaderLeavesThePeer) {
  EXPECT_EQ(ClientAddress("127.0.0.1", "", kProxies), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "unknown", kProxies), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1:4431", kProxies), "127.0.0.1");
  EXPECT_EQ(ClientAddress("127.0.0.1", "198.51.100.1, <script>", kProxies), "127.0.0.1");
  EXPECT_EQ(ClientAddress("-", "198.51.100.1", kProxies), "-");
}

}  // namespace
}  // namespace smedash::http
