// The private cluster: start, reuse, persistence, sharing between users, crash leftovers.
#include "db/embedded_cluster.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <future>
#include <memory>
#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <string>
#include <thread>

#include "db/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_cluster.hpp"

namespace smedash::db {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

const EmbeddedCluster::Options kThrowAway{.durable = false};

std::string Query(const std::string& connection_string, const std::string& sql) {
  pqxx::connection connection(connection_string);
  pqxx::nontransaction tx(connection);
  return tx.exec1(sql)[0].as<std::string>();
}

pid_t PostmasterPid(const EmbeddedCluster& cluster) {
  std::ifstream in(cluster.PgData() / "postmaster.pid");
  pid_t pid = 0;
  in >> pid;
  return pid;
}

// The killed postmaster is not our child; it is gone once nothing can signal it.
void WaitUntilGone(pid_t pid) {
  for (int tries = 0; tries < 200 && kill(pid, 0) == 0; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

TEST(EmbeddedClusterTest, StartsOnAPrivateSocketWithoutTcp) {
  EmbeddedCluster& cluster = testing::TestCluster();
  const std::string connection_string = cluster.ConnectionString();
  EXPECT_EQ(Query(connection_string, "SELECT current_database()"), "smedash");
  EXPECT_EQ(Query(connection_string, "SHOW listen_addresses"), "");
  EXPECT_EQ(Query(connection_string, "SHOW unix_socket_permissions"), "0700");
  EXPECT_EQ(Query(connection_string, "SHOW server_encoding"), "UTF8");
  EXPECT_EQ(
      Query(connection_string, "SELECT datcollate FROM pg_database WHERE datname = 'smedash'"),
      "C");
  const std::string expected_user = geteuid() == 0 ? "postgres" : CurrentIdentity().name;
  EXPECT_EQ(Query(connection_string, "SELECT current_user"), expected_user);
  EXPECT_EQ(
      Query(connection_string, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"),
      "true");
  EXPECT_TRUE(fs::exists(cluster.SocketDir() / ".s.PGSQL.5432"));
  EXPECT_EQ(cluster.SocketDir(), cluster.DataDir() / "run");
}

TEST(EmbeddedClusterTest, DataSurvivesARestartAndFsyncStaysOn) {
  TempDir dir;
  {
    EmbeddedCluster cluster(dir.Path() / "var");  // the default, durable settings
    EXPECT_TRUE(cluster.StartedServer());
    EXPECT_EQ(Query(cluster.ConnectionString(), "SHOW fsync"), "on");
    EXPECT_EQ(Query(cluster.ConnectionString(), "SHOW data_checksums"), "on");
    pqxx::connection connection(cluster.ConnectionString());
    pqxx::nontransaction tx(connection);
    tx.exec0("CREATE TABLE kept (value text)");
    tx.exec0("INSERT INTO kept VALUES ('Rp 1.234.567,89')");
  }
  EXPECT_FALSE(fs::exists(dir.Path() / "var" / "pgdata" / "postmaster.pid"))
      << "the destructor should have stopped the server";
  EmbeddedCluster cluster(dir.Path() / "var");
  EXPECT_TRUE(cluster.StartedServer());
  EXPECT_EQ(Query(cluster.ConnectionString(), "SELECT value FROM kept"), "Rp 1.234.567,89");
}

TEST(EmbeddedClusterTest, ASecondUserSharesTheServerAndTheLastOneStopsIt) {
  TempDir dir;
  auto first = std::make_unique<EmbeddedCluster>(dir.Path(), kThrowAway);
  EmbeddedCluster second(dir.Path(), kThrowAway);
  EXPECT_TRUE(first->StartedServer());
  EXPECT_FALSE(second.StartedServer());
  EXPECT_EQ(PostmasterPid(*first), PostmasterPid(second));

  first.reset();
  EXPECT_EQ(Query(second.ConnectionString(), "SELECT 1"), "1")
      << "the server must stay up while the second user still holds it";

  const fs::path pid_file = second.PgData() / "postmaster.pid";
  {
    EmbeddedCluster third(dir.Path(), kThrowAway);
    EXPECT_FALSE(third.StartedServer());
  }
  EXPECT_TRUE(fs::exists(pid_file)) << "third was not the last user";
}

TEST(EmbeddedClusterTest, LastUserStopsTheServer) {
  TempDir dir;
  fs::path pid_file;
  {
    EmbeddedCluster first(dir.Path(), kThrowAway);
    EmbeddedCluster second(dir.Path(), kThrowAway);
    pid_file = second.PgData() / "postmaster.pid";
  }
  EXPECT_FALSE(fs::exists(pid_file));
}

TEST(EmbeddedClusterTest, TwoUsersStartingAtOnceShareOneServer) {
  TempDir dir;
  auto start = [&dir] { return std::make_unique<EmbeddedCluster>(dir.Path(), kThrowAway); };
  auto first = std::async(std::launch::async, start);
  auto second = std::async(std::launch::async, start);
  auto a = first.get();
  auto b = second.get();
  EXPECT_NE(a->StartedServer(), b->StartedServer()) << "exactly one of them starts the server";
  EXPECT_EQ(Query(a->ConnectionString(), "SELECT 1"), "1");
}

TEST(EmbeddedClusterTest, StartsAgainAfterTheServerWasKilled) {
  TempDir dir;
  {
    // Durable settings: a committed row must survive the kill (the throw-away settings
    // commit asynchronously and may lose the last transactions).
    EmbeddedCluster cluster(dir.Path());
    pqxx::connection connection(cluster.ConnectionString());
    pqxx::nontransaction(connection).exec0("CREATE TABLE before_crash AS SELECT 42 AS answer");
    const pid_t postmaster = PostmasterPid(cluster);
    ASSERT_GT(postmaster, 0);
    ASSERT_EQ(kill(postmaster, SIGKILL), 0);
    WaitUntilGone(postmaster);
  }  // its stop fails and is logged, not thrown
  ASSERT_TRUE(fs::exists(dir.Path() / "pgdata" / "postmaster.pid")) << "stale pid file expected";
  EmbeddedCluster cluster(dir.Path());
  EXPECT_TRUE(cluster.StartedServer());
  EXPECT_EQ(Query(cluster.ConnectionString(), "SELECT answer FROM before_crash"), "42");
}

TEST(EmbeddedClusterTest, LongDataDirUsesAShortSocketFolderInTmp) {
  TempDir dir;
  const fs::path deep = dir.Path() / std::string(120, 'd');
  fs::path socket_dir;
  {
    EmbeddedCluster cluster(deep, kThrowAway);
    socket_dir = cluster.SocketDir();
    EXPECT_EQ(socket_dir.parent_path(), "/tmp");
    EXPECT_TRUE(socket_dir.filename().string().starts_with("smedash-"));
    EXPECT_EQ(Query(cluster.ConnectionString(), "SELECT 1"), "1");
  }
  {
    EmbeddedCluster again(deep, kThrowAway);
    EXPECT_EQ(again.SocketDir(), socket_dir) << "the same data dir keeps its socket folder";
  }
  fs::remove(socket_dir);
}

TEST(EmbeddedClusterTest, RefusesASocketFolderSomeoneElsePrepared) {
  TempDir dir;
  const fs::path deep = dir.Path() / std::string(120, 'e');
  // Learn the fallback folder's name, then replace it with one open to everyone.
  fs::path socket_dir;
  { socket_dir = EmbeddedCluster(deep, kThrowAway).SocketDir(); }
  fs::remove(socket_dir);
  fs::create_directory(socket_dir);
  fs::permissions(socket_dir, fs::perms::all);
  try {
    EmbeddedCluster cluster(deep, kThrowAway);
    ADD_FAILURE() << "a world-writable socket folder was accepted";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("not a private folder"), std::string::npos)
        << error.what();
  }
  fs::remove(socket_dir);
}

TEST(EmbeddedClusterTest, AsRootExplainsAFolderThePostgresUserCannotReach) {
  if (geteuid() != 0) GTEST_SKIP() << "only root switches to the postgres user";
  TempDir dir;
  fs::create_directory(dir.Path() / "closed");
  fs::permissions(dir.Path() / "closed", fs::perms::owner_all);  // 0700, owned by root
  try {
    EmbeddedCluster cluster(dir.Path() / "closed" / "var", kThrowAway);
    ADD_FAILURE() << "the postgres user cannot reach the folder, yet the cluster started";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("chmod o+x " + (dir.Path() / "closed").string()),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace smedash::db
