#include "core/config.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace smedash::core {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
  void TearDown() override {
    for (const char* key : {"SMEDASH_PORT", "DATABASE_URL", "SMEDASH_SECURE_COOKIES",
                            "SMEDASH_WORKERS", "SMEDASH_PREVIEW_SLOTS", "SMEDASH_TRUSTED_PROXIES"})
      unsetenv(key);
  }
};

TEST_F(ConfigTest, DefaultsServeLocallyOnPort8000WithAPrivateCluster) {
  Config config = Config::FromEnvironment();
  EXPECT_EQ(config.host, "127.0.0.1");
  EXPECT_EQ(config.port, 8000);
  EXPECT_TRUE(config.database_url.empty());
  EXPECT_EQ(config.session_idle_timeout.count(), 60);
}

TEST_F(ConfigTest, BadNumberNamesTheKey) {
  setenv("SMEDASH_PORT", "80x", 1);
  try {
    Config::FromEnvironment();
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& error) {
    EXPECT_NE(std::string(error.what()).find("SMEDASH_PORT"), std::string::npos);
  }
}

TEST_F(ConfigTest, DescribeMasksTheDatabasePassword) {
  setenv("DATABASE_URL", "postgresql://bank:s3cret@db.internal/smedash", 1);
  std::string text = Config::FromEnvironment().Describe();
  EXPECT_EQ(text.find("s3cret"), std::string::npos);
  EXPECT_NE(text.find("postgresql://bank:****@db.internal/smedash"), std::string::npos);
}

TEST_F(ConfigTest, FlagsAcceptOnlyClearValues) {
  setenv("SMEDASH_SECURE_COOKIES", "true", 1);
  EXPECT_TRUE(Config::FromEnvironment().secure_cookies);
  setenv("SMEDASH_SECURE_COOKIES", "maybe", 1);
  EXPECT_THROW(Config::FromEnvironment(), std::invalid_argument);
}

TEST_F(ConfigTest, PreviewSlotsStayBelowTheRequestWorkers) {
  EXPECT_EQ(Config::FromEnvironment().preview_slots, 1u);
  setenv("SMEDASH_PREVIEW_SLOTS", "3", 1);
  EXPECT_EQ(Config::FromEnvironment().preview_slots, 3u);  // of the default 4 workers
  EXPECT_NE(Config::FromEnvironment().Describe().find("preview_slots = 3\n"), std::string::npos);
  setenv("SMEDASH_PREVIEW_SLOTS", "4", 1);
  try {
    Config::FromEnvironment();
    FAIL() << "as many preview slots as workers were accepted";
  } catch (const std::invalid_argument& error) {
    EXPECT_STREQ(error.what(), "SMEDASH_PREVIEW_SLOTS=4 must be below SMEDASH_WORKERS=4");
  }
  setenv("SMEDASH_WORKERS", "1", 1);
  setenv("SMEDASH_PREVIEW_SLOTS", "1", 1);
  EXPECT_EQ(Config::FromEnvironment().preview_slots, 1u);  // one worker must do everything
  setenv("SMEDASH_PREVIEW_SLOTS", "0", 1);
  EXPECT_THROW(Config::FromEnvironment(), std::invalid_argument);
}

TEST_F(ConfigTest, TrustedProxiesAreAddressesWrittenOneWay) {
  EXPECT_TRUE(Config::FromEnvironment().trusted_proxies.empty());
  setenv("SMEDASH_TRUSTED_PROXIES", "127.0.0.1, ::FFFF:10.0.0.7 2001:DB8::1", 1);
  EXPECT_EQ(Config::FromEnvironment().trusted_proxies,
            (std::vector<std::string>{"127.0.0.1", "10.0.0.7", "2001:db8::1"}));
  EXPECT_NE(Config::FromEnvironment().Describe().find("trusted_proxies = 127.0.0.1, 10.0.0.7"),
            std::string::npos);
  setenv("SMEDASH_TRUSTED_PROXIES", "127.0.0.1,proxy.bank.local", 1);
  try {
    Config::FromEnvironment();
    FAIL() << "a host name was accepted as a proxy address";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("SMEDASH_TRUSTED_PROXIES: 'proxy.bank.local'"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace smedash::core
