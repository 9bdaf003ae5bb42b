// Database: DATABASE_URL wins over the private cluster.
#include "db/database.hpp"

#include <gtest/gtest.h>

#include <pqxx/connection>
#include <pqxx/nontransaction>

#include "support/temp_dir.hpp"
#include "support/test_cluster.hpp"

namespace smedash::db {
namespace {

TEST(DatabaseTest, UsesDatabaseUrlAndStartsNothing) {
  testing::TempDir dir;
  core::Config config;
  config.database_url = testing::TestCluster().ConnectionString();
  config.data_dir = dir.Path() / "var";
  Database database(config);
  EXPECT_FALSE(database.IsPrivateCluster());
  EXPECT_EQ(database.ConnectionString(), config.database_url);
  EXPECT_FALSE(std::filesystem::exists(config.data_dir));
}

TEST(DatabaseTest, StartsAPrivateClusterWithoutUrl) {
  testing::TempDir dir;
  core::Config config;
  config.data_dir = dir.Path() / "var";
  Database database(config);
  EXPECT_TRUE(database.IsPrivateCluster());
  pqxx::connection connection(database.ConnectionString());
  pqxx::nontransaction tx(connection);
  EXPECT_EQ(tx.exec1("SELECT current_database()")[0].as<std::string>(), "smedash");
}

}  // namespace
}  // namespace smedash::db
