//! The private PostgreSQL cluster under <data_dir>: initdb on first use, started on a
//! unix socket (no TCP port) and stopped by the destructor.
#pragma once
#include <filesystem>
#include <string>

#include "db/process.hpp"

namespace smedash::db {

class EmbeddedCluster {
 public:
  struct Options {
    // false only for throw-away test clusters: initdb --no-sync and fsync=off make
    // start-up and CREATE DATABASE several times faster, at the price of losing the
    // data on a power cut. Never for a cluster that holds real data.
    bool durable = true;
  };

  // Creates <data_dir>/pgdata when missing, starts the server with its socket in
  // <data_dir>/run, creates database "smedash" when missing. When running as root,
  // initdb and postgres run as the "postgres" system user, who is given the folders.
  // Throws std::runtime_error with the server log's tail when it cannot start.
  //
  // Several EmbeddedCluster objects (in one or several processes) may share one data
  // dir: a server already running there is reused, and only the last user stops it.
  explicit EmbeddedCluster(std::filesystem::path data_dir);
  EmbeddedCluster(std::filesystem::path data_dir, Options options);
  ~EmbeddedCluster();  // pg_ctl stop -m fast, when no other user is left
  EmbeddedCluster(const EmbeddedCluster&) = delete;
  EmbeddedCluster& operator=(const EmbeddedCluster&) = delete;

  // libpq connection string for `database`, e.g.
  // "host='/abs/var/run' port='5432' dbname='smedash' user='postgres'"
  std::string ConnectionString(const std::string& database = "smedash") const;

  const std::filesystem::path& DataDir() const { return data_dir_; }
  std::filesystem::path PgData() const { return data_dir_ / "pgdata"; }
  const std::filesystem::path& SocketDir() const { return socket_dir_; }
  // Whether this object started the server (false: it was already running).
  bool StartedServer() const { return started_server_; }

 private:
  void Open();
  void PrepareFolders();
  void InitDb();
  void StartServer();
  void ReadPidFile();
  void CreateAppDatabase();
  void StopIfLastUser() noexcept;
  [[noreturn]] void Fail(const std::string& what, const std::string& tool_output) const;

  std::filesystem::path data_dir_;
  std::filesystem::path socket_dir_;
  std::string os_user_;  // who runs postgres; also the database superuser name
  Identity server_user_;
  Options options_;
  std::string port_ = "5432";
  bool started_server_ = false;
  int start_lock_fd_ = -1;  // exclusive while starting or stopping the server
  int users_lock_fd_ = -1;  // shared while this object uses the server
};

}  // namespace smedash::db
