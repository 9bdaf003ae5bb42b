// The migration runner: order, once only, one transaction each, names, concurrent runs.
#include "db/migrations.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <pqxx/result>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/test_cluster.hpp"

namespace smedash::db {
namespace migrations {
const std::vector<core::EmbeddedFile>& EmbeddedFiles();
}  // namespace migrations
namespace {

using Files = std::vector<core::EmbeddedFile>;
using Names = std::vector<std::string>;

Names Column(pqxx::connection& connection, const std::string& sql) {
  pqxx::nontransaction tx(connection);
  Names values;
  for (const auto& row : tx.exec(sql)) values.push_back(row[0].c_str());
  return values;
}

bool TableExists(pqxx::connection& connection, const std::string& table) {
  pqxx::nontransaction tx(connection);
  return !tx.exec_params1("SELECT to_regclass($1)", table)[0].is_null();
}

TEST(MigrationsTest, EmbeddedMigrationsApplyOnceAndAreRecorded) {
  pqxx::connection connection(testing::EmptyDatabase());
  Names expected;
  for (const auto& file : migrations::EmbeddedFiles()) expected.emplace_back(file.name);
  std::sort(expected.begin(), expected.end());

  EXPECT_EQ(ApplyMigrations(connection), expected);
  EXPECT_EQ(ApplyMigrations(connection), Names{}) << "a second run must apply nothing";
  EXPECT_EQ(Column(connection, "SELECT name FROM schema_migrations ORDER BY name"), expected);
  EXPECT_EQ(Column(connection,
                   "SELECT count(*) FROM schema_migrations WHERE applied_at > now() - "
                   "interval '1 hour'"),
            Names{std::to_string(expected.size())});
}

TEST(MigrationsTest, FreshDatabaseIsAlreadyMigrated) {
  pqxx::connection connection(testing::FreshDatabase());
  EXPECT_EQ(ApplyMigrations(connection), Names{});
}

TEST(MigrationsTest, AppliesInNameOrder) {
  pqxx::connection connection(testing::EmptyDatabase());
  const Files files = {
      {"0002_second.sql", "INSERT INTO steps VALUES (2);"},
      {"0001_first.sql", "CREATE TABLE steps (n int);\nINSERT INTO steps VALUES (1);"},
  };
  EXPECT_EQ(ApplyMigrations(connection, files), (Names{"0001_first.sql", "0002_second.sql"}));
  EXPECT_EQ(Column(connection, "SELECT n::text FROM steps ORDER BY ctid"), (Names{"1", "2"}));
}

TEST(MigrationsTest, AFailingMigrationIsRolledBackAndStopsTheRun) {
  pqxx::connection connection(testing::EmptyDatabase());
  const Files files = {
      {"0001_table.sql", "CREATE TABLE things (n int);"},
      {"0002_broken.sql", "INSERT INTO things VALUES (1);\nSELECT no_such_function();"},
      {"0003_later.sql", "CREATE TABLE later (n int);"},
  };
  try {
    ApplyMigrations(connection, files);
    ADD_FAILURE() << "expected the broken migration to throw";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("0002_broken.sql"), std::string::npos) << error.what();
  }
  EXPECT_EQ(Column(connection, "SELECT name FROM schema_migrations"), Names{"0001_table.sql"});
  EXPECT_EQ(Column(connection, "SELECT count(*) FROM things"), Names{"0"})
      << "the broken migration's insert must be rolled back";
  EXPECT_FALSE(TableExists(connection, "later"));
}

TEST(MigrationsTest, RejectsBadNamesBeforeTouchingTheDatabase) {
  pqxx::connection connection(testing::EmptyDatabase());
  const std::vector<Files> bad = {
      {{"1_short.sql", ""}},
      {{"0001_Upper.sql", ""}},
      {{"0001_name.txt", ""}},
      {{"0001_.sql", ""}},
      {{"0001_one.sql", ""}, {"0001_other.sql", ""}},
  };
  for (const auto& files : bad) {
    EXPECT_THROW(ApplyMigrations(connection, files), std::invalid_argument) << files[0].name;
  }
  EXPECT_FALSE(TableExists(connection, "schema_migrations"));
}

TEST(MigrationsTest, ConcurrentRunnersApplyEachMigrationOnce) {
  const std::string database = testing::EmptyDatabase();
  // Without the lock both would run 0001, and the second CREATE TABLE would fail.
  const Files files = {
      {"0001_slow.sql", "SELECT pg_sleep(0.3); CREATE TABLE once (n int);"},
      {"0002_next.sql", "INSERT INTO once VALUES (1);"},
  };
  auto run = [&] {
    pqxx::connection connection(database);
    return ApplyMigrations(connection, files);
  };
  auto first = std::async(std::launch::async, run);
  auto second = std::async(std::launch::async, run);
  Names all = first.get();
  Names from_second = second.get();
  all.insert(all.end(), from_second.begin(), from_second.end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all, (Names{"0001_slow.sql", "0002_next.sql"}));
  pqxx::connection connection(database);
  EXPECT_EQ(Column(connection, "SELECT count(*) FROM once"), Names{"1"});
}

}  // namespace
}  // namespace smedash::db
