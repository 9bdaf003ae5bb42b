#include "db/embedded_cluster.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <locale.h>
#include <spdlog/spdlog.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <fstream>
#include <pqxx/connection>
#include <pqxx/except>
#include <pqxx/nontransaction>
#include <stdexcept>
#include <thread>
#include <vector>

namespace smedash::db {
namespace {

namespace fs = std::filesystem;

const fs::path kBinDir = "/usr/lib/postgresql/15/bin";
constexpr const char* kAppDatabase = "smedash";
constexpr auto kStartTimeout = std::chrono::seconds(60);

// A unix socket path lives in sockaddr_un::sun_path: 108 bytes with the final NUL.
constexpr std::size_t kMaxSocketPath = 107;

std::string Bin(const char* tool) { return (kBinDir / tool).string(); }

// pg_ctl runs the server through `sh -c "exec postgres -D \"<pgdata>\" ..."`, so these
// characters in a path would be interpreted by the shell instead of naming a folder.
void RejectShellSpecialPath(const fs::path& path) {
  if (path.string().find_first_of("\"$`\\\n") != std::string::npos) {
    throw std::runtime_error(fmt::format(
        "data folder {} contains one of \" $ ` \\ or a newline, which pg_ctl cannot pass "
        "safely to the server; choose another SMEDASH_DATA_DIR",
        path.string()));
  }
}

// The socket folder is passed in pg_ctl's -o string, which the shell splits on spaces,
// and PostgreSQL splits unix_socket_directories on commas: only plain characters pass.
bool IsPlainPath(const std::string& path) {
  for (char c : path) {
    bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '/' || c == '.' || c == '_' || c == '-' || c == '+';
    if (!plain) return false;
  }
  return true;
}

std::uint64_t Fnv1a(const std::string& text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::string Tail(const std::string& text, std::size_t max_lines) {
  std::deque<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    if (lines.size() > max_lines) lines.pop_front();
    start = end + 1;
  }
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Libpq's key='value' quoting: backslash escapes ' and \.
std::string QuoteConnValue(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string Locale() {
  // C.UTF-8 makes upper()/lower()/ILIKE understand non-ASCII letters; every glibc since
  // 2.35 has it built in. Older systems fall back to plain C.
  locale_t probe = newlocale(LC_ALL_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  if (probe == static_cast<locale_t>(nullptr)) return "C";
  freelocale(probe);
  return "C.UTF-8";
}

void Chown(const fs::path& path, const Identity& owner) {
  if (chown(path.c_str(), owner.uid, owner.gid) != 0) {
    throw std::runtime_error(fmt::format("cannot give {} to OS user {}: {}", path.string(),
                                         owner.name, std::strerror(errno)));
  }
}

void MakePrivateDir(const fs::path& path) {
  if (fs::create_directories(path)) fs::permissions(path, fs::perms::owner_all);
}

// When root hands the cluster to another OS user, that user must be able to walk down
// to it; a checkout under /root (0700) is the usual obstacle. Names the folder that blocks.
void CheckReachable(const Identity& server_user, const fs::path& data_dir) {
  const fs::path pgdata = data_dir / "pgdata";
  if (CanAccess(server_user, pgdata, R_OK | W_OK | X_OK)) return;
  fs::path blocked = pgdata;
  for (fs::path walk = data_dir.root_path(); const auto& part : data_dir.relative_path()) {
    walk /= part;
    if (!CanAccess(server_user, walk, X_OK)) {
      blocked = walk;
      break;
    }
  }
  throw std::runtime_error(
      fmt::format("OS user {} cannot reach {}: folder {} does not let it through. Give it the x "
                  "permission (chmod o+x {}) or set SMEDASH_DATA_DIR to a folder it can reach",
                  server_user.name, pgdata.string(), blocked.string(), blocked.string()));
}

// The server's socket is <socket dir>/.s.PGSQL.<port>, and a unix socket path cannot be
// longer than 107 bytes; a deep checkout easily goes past that. A too long or unusual
// <data_dir>/run falls back to a private folder in /tmp named after a hash of the data
// dir, so the same data dir always gets the same socket folder.
fs::path ChooseSocketDir(const fs::path& data_dir, const std::string& port,
                         const Identity& server_user) {
  const fs::path preferred = data_dir / "run";
  const std::size_t socket_path_length =
      preferred.string().size() + std::string("/.s.PGSQL.").size() + port.size();
  if (socket_path_length <= kMaxSocketPath && IsPlainPath(preferred.string())) return preferred;

  const fs::path fallback = fmt::format("/tmp/smedash-{:016x}", Fnv1a(data_dir.string()));
  if (mkdir(fallback.c_str(), 0700) == 0 && geteuid() == 0) Chown(fallback, server_user);
  // /tmp is shared: whoever made the folder could intercept our connections, so it must
  // be a real folder owned by the server's user and closed to everyone else.
  struct stat info {};
  if (lstat(fallback.c_str(), &info) != 0 || !S_ISDIR(info.st_mode) ||
      info.st_uid != server_user.uid || (info.st_mode & 077) != 0) {
    throw std::runtime_error(fmt::format(
        "socket folder {} is not a private folder of OS user {}; remove it and start again",
        fallback.string(), server_user.name));
  }
  return fallback;
}

int OpenLockFile(const fs::path& path) {
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw std::runtime_error(
        fmt::format("cannot open lock file {}: {}", path.string(), std::strerror(errno)));
  }
  return fd;
}

void Lock(int fd, int operation) {
  while (flock(fd, operation) != 0) {
    if (errno != EINTR) {
      throw std::runtime_error(fmt::format("cannot lock the cluster: {}", std::strerror(errno)));
    }
  }
}

// Releases the start lock at scope exit, whatever happens in between.
struct StartLockGuard {
  int fd;
  ~StartLockGuard() { flock(fd, LOCK_UN); }
};

}  // namespace

EmbeddedCluster::EmbeddedCluster(std::filesystem::path data_dir)
    : EmbeddedCluster(std::move(data_dir), Options{}) {}

EmbeddedCluster::EmbeddedCluster(std::filesystem::path data_dir, Options options)
    : data_dir_(fs::absolute(data_dir).lexically_normal()), options_(options) {
  if (!data_dir_.has_filename()) data_dir_ = data_dir_.parent_path();  // "var/" → "var"
  try {
    Open();
  } catch (...) {
    StopIfLastUser();
    throw;
  }
}

EmbeddedCluster::~EmbeddedCluster() { StopIfLastUser(); }

std::string EmbeddedCluster::ConnectionString(const std::string& database) const {
  return fmt::format("host={} port={} dbname={} user={}", QuoteConnValue(socket_dir_.string()),
                     QuoteConnValue(port_), QuoteConnValue(database), QuoteConnValue(os_user_));
}

void EmbeddedCluster::Open() {
  RejectShellSpecialPath(data_dir_);
  PrepareFolders();
  // Two processes starting on one data dir at once (serve + a migrate in another
  // terminal, parallel tests) must not both run initdb or pg_ctl start.
  start_lock_fd_ = OpenLockFile(data_dir_ / "run" / "start.lock");
  Lock(start_lock_fd_, LOCK_EX);
  StartLockGuard guard{start_lock_fd_};

  if (!fs::exists(PgData() / "PG_VERSION")) InitDb();
  ProcessResult status =
      RunProcess({Bin("pg_ctl"), "status", "-D", PgData().string()}, server_user_);
  if (status.exit_code == 0) {
    // A server is already running here: another smedash process uses it, or one that
    // crashed left it behind. Both are the same server on the same data, so we use it
    // instead of stopping it under the other process's feet; the last user stops it.
    spdlog::info("using the PostgreSQL server already running on {}", PgData().string());
  } else {
    StartServer();
  }
  // Held shared for as long as we use the server; the destructor can take it exclusively
  // only when no other process holds it, and a crashed process's lock dies with it.
  users_lock_fd_ = OpenLockFile(data_dir_ / "run" / "users.lock");
  Lock(users_lock_fd_, LOCK_SH);
  ReadPidFile();
  CreateAppDatabase();
}

void EmbeddedCluster::PrepareFolders() {
  fs::create_directories(data_dir_);
  const bool is_root = geteuid() == 0;
  struct stat pgdata_stat {};
  const bool pgdata_exists = stat(PgData().c_str(), &pgdata_stat) == 0;
  if (!is_root && pgdata_exists && pgdata_stat.st_uid != geteuid()) {
    // Checked before looking inside, which its owner's 0700 would forbid anyway.
    throw std::runtime_error(
        fmt::format("{} belongs to OS user {}; run smedash as that user (or as root, which runs "
                    "PostgreSQL as the owner)",
                    PgData().string(), LookupIdentity(pgdata_stat.st_uid).name));
  }
  const bool initialised = pgdata_exists && fs::exists(PgData() / "PG_VERSION");
  if (!is_root) {
    server_user_ = CurrentIdentity();
  } else if (initialised && pgdata_stat.st_uid != 0) {
    // An existing cluster runs as whoever owns it (postgres, or the developer who made
    // it without root), since PostgreSQL insists the owner runs the server.
    server_user_ = LookupIdentity(pgdata_stat.st_uid);
  } else if (initialised) {
    throw std::runtime_error(fmt::format(
        "{} belongs to root, and PostgreSQL refuses to run as root; give it to the postgres "
        "user: chown -R postgres: {}",
        PgData().string(), PgData().string()));
  } else {
    try {
      server_user_ = LookupIdentity("postgres");
    } catch (const std::exception&) {
      throw std::runtime_error(
          "running as root needs the \"postgres\" OS user to run PostgreSQL, which refuses "
          "to run as root; install the postgresql package (it creates the user) or run "
          "smedash as a normal user");
    }
  }
  os_user_ = server_user_.name;

  for (const char* sub : {"pgdata", "run", "log"}) MakePrivateDir(data_dir_ / sub);
  if (is_root) {
    for (const char* sub : {"pgdata", "run", "log"}) Chown(data_dir_ / sub, server_user_);
    if (fs::exists(data_dir_ / "log" / "postgresql.log")) {
      Chown(data_dir_ / "log" / "postgresql.log", server_user_);
    }
    CheckReachable(server_user_, data_dir_);
  }
  socket_dir_ = ChooseSocketDir(data_dir_, port_, server_user_);
}

void EmbeddedCluster::InitDb() {
  if (!fs::is_empty(PgData())) {
    throw std::runtime_error(fmt::format(
        "{} has files but no PG_VERSION: an interrupted initdb? Remove the folder if it "
        "holds no data you need, and start again",
        PgData().string()));
  }
  std::vector<std::string> args = {
      Bin("initdb"), "-D", PgData().string(), "--username", os_user_,
      // Only local unix-socket connections, without a password: the socket folder is
      // private to the server's OS user (and root), so that user is the only one who
      // can connect. TCP is refused here and not listened on anyway.
      "--auth-local=trust", "--auth-host=reject", "--encoding=UTF8", "--locale=" + Locale(),
      // Byte order for text comparisons: fast (memcmp) sorting and indexes that no glibc
      // collation update can silently invalidate.
      "--lc-collate=C",
      // Checksums catch a corrupt page on read instead of serving it as data.
      "--data-checksums", "--no-instructions"};
  if (!options_.durable) args.emplace_back("--no-sync");
  ProcessResult result = RunProcess(args, server_user_);
  if (result.exit_code != 0) Fail("initdb failed", result.output);
  spdlog::info("created a PostgreSQL cluster in {}", PgData().string());
}

void EmbeddedCluster::StartServer() {
  // -c settings rather than edits to postgresql.conf, so they follow the code. No TCP at
  // all (listen_addresses empty); the socket only for the server's OS user. fsync stays
  // on: this is a bank's data. wal_level=minimal lets COPY into a table created or
  // truncated in the same transaction skip the WAL; a private cluster has no replicas.
  // A statement whose client died (smedash killed mid-refresh, mid-delete) is cancelled
  // within a second rather than running on, holding the loader's lock, to its end.
  std::string options = fmt::format(
      "-k {} -p {} -c listen_addresses='' -c unix_socket_permissions=0700 "
      "-c shared_buffers=256MB -c max_wal_size=2GB -c wal_level=minimal -c max_wal_senders=0 "
      "-c client_connection_check_interval=1s",
      socket_dir_.string(), port_);
  if (!options_.durable) {
    options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
  }
  const fs::path log_file = data_dir_ / "log" / "postgresql.log";
  ProcessResult result =
      RunProcess({Bin("pg_ctl"), "-D", PgData().string(), "-l", log_file.string(), "-w", "-t",
                  std::to_string(kStartTimeout.count()), "-s", "-o", options, "start"},
                 server_user_);
  if (result.exit_code != 0) Fail("PostgreSQL did not start", result.output);
  started_server_ = true;
  spdlog::info("started PostgreSQL on {} (socket in {})", PgData().string(), socket_dir_.string());
}

void EmbeddedCluster::ReadPidFile() {
  // postmaster.pid says where the running server listens (line 4 port, line 5 socket
  // folder) and whether it is ready (line 8): a reused server may have been started by
  // another smedash with another socket folder, or may still be starting up.
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  for (;;) {
    std::vector<std::string> lines;
    std::ifstream in(PgData() / "postmaster.pid");
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    if (lines.size() >= 8 && lines[7].starts_with("ready")) {
      if (lines[4].empty()) {
        throw std::runtime_error(fmt::format(
            "the PostgreSQL server running on {} has no unix socket; stop it with {} stop -D {}",
            PgData().string(), Bin("pg_ctl"), PgData().string()));
      }
      port_ = lines[3];
      socket_dir_ = lines[4];
      return;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      Fail("the PostgreSQL server did not become ready", "");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

void EmbeddedCluster::CreateAppDatabase() {
  try {
    pqxx::connection connection(ConnectionString("postgres"));
    pqxx::nontransaction tx(connection);
    if (tx.exec_params("SELECT 1 FROM pg_database WHERE datname = $1", kAppDatabase).empty()) {
      tx.exec0("CREATE DATABASE " + tx.quote_name(kAppDatabase));
      spdlog::info("created database {}", kAppDatabase);
    }
  } catch (const pqxx::failure& error) {
    Fail(fmt::format("cannot create database {}: {}", kAppDatabase, error.what()), "");
  }
}

void EmbeddedCluster::StopIfLastUser() noexcept {
  try {
    if (users_lock_fd_ >= 0) {
      Lock(start_lock_fd_, LOCK_EX);
      if (flock(users_lock_fd_, LOCK_EX | LOCK_NB) == 0) {
        ProcessResult result =
            RunProcess({Bin("pg_ctl"), "-D", PgData().string(), "-m", "fast", "-w", "-s", "stop"},
                       server_user_);
        if (result.exit_code == 0) {
          spdlog::info("stopped PostgreSQL on {}", PgData().string());
        } else {
          spdlog::error("could not stop PostgreSQL on {}: {}", PgData().string(), result.output);
        }
      } else {
        spdlog::info("PostgreSQL on {} stays up for the other processes using it",
                     PgData().string());
      }
    }
  } catch (const std::exception& error) {
    spdlog::error("could not stop PostgreSQL on {}: {}", PgData().string(), error.what());
  }
  // Closing the descriptors releases both locks.
  if (users_lock_fd_ >= 0) close(users_lock_fd_);
  if (start_lock_fd_ >= 0) close(start_lock_fd_);
  users_lock_fd_ = start_lock_fd_ = -1;
}

void EmbeddedCluster::Fail(const std::string& what, const std::string& tool_output) const {
  std::string message = what;
  if (!tool_output.empty()) message += ":\n" + Tail(tool_output, 20);
  const fs::path log_file = data_dir_ / "log" / "postgresql.log";
  std::string log = ReadFile(log_file);
  if (!log.empty()) {
    message += fmt::format("\nlast lines of {}:\n{}", log_file.string(), Tail(log, 20));
  }
  throw std::runtime_error(message);
}

}  // namespace smedash::db
