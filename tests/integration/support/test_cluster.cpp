#include "support/test_cluster.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <memory>
#include <mutex>
#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <stdexcept>

#include "db/migrations.hpp"
#include "support/temp_dir.hpp"

namespace smedash::testing {
namespace {

constexpr const char* kTemplate = "smedash_template";

pid_t PostmasterPid(const db::EmbeddedCluster& cluster) {
  std::ifstream in(cluster.PgData() / "postmaster.pid");
  pid_t pid = 0;
  in >> pid;
  if (pid <= 0) throw std::runtime_error("test cluster has no postmaster.pid");
  return pid;
}

// A test binary that crashes or is killed runs no destructors, and its cluster would
// run on forever in /tmp. A small child process outlives it: it waits on a pipe, and on
// end-of-file without the "all clean" byte it stops the server (SIGQUIT = immediate
// shutdown) and removes the folder. Returns the pipe's write end.
int StartWatchdog(pid_t postmaster, const std::filesystem::path& dir) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("cannot create watchdog pipe");
  std::string rm = "/bin/rm", rm_flag = "-rf", target = dir.string();
  char* rm_argv[] = {rm.data(), rm_flag.data(), target.data(), nullptr};
  pid_t pid = fork();
  if (pid == 0) {
    // Only async-signal-safe calls from here on.
    setsid();  // Ctrl-C on the test's process group must not take the watchdog with it
    dup2(fds[0], STDIN_FILENO);
    close_range(3, ~0U, 0);
    char byte = 0;
    ssize_t count;
    while ((count = read(STDIN_FILENO, &byte, 1)) < 0 && errno == EINTR) {
    }
    if (count == 1) _exit(0);  // the binary cleaned up itself
    kill(postmaster, SIGQUIT);
    const timespec pause{0, 50'000'000};
    for (int tries = 0; tries < 600 && kill(postmaster, 0) == 0; ++tries)
      nanosleep(&pause, nullptr);
    pid_t rm_pid = fork();
    if (rm_pid == 0) {
      execv(rm_argv[0], rm_argv);
      _exit(127);
    }
    if (rm_pid > 0) waitpid(rm_pid, nullptr, 0);
    _exit(0);
  }
  close(fds[0]);
  if (pid < 0) {
    close(fds[1]);
    throw std::runtime_error("cannot start the test cluster's watchdog");
  }
  return fds[1];
}

struct State {
  TempDir dir{"smedash-itest"};
  std::unique_ptr<db::EmbeddedCluster> cluster;
  int watchdog_fd = -1;
  std::once_flag template_once;
  std::mutex mutex;  // guards admin and next_id
  std::unique_ptr<pqxx::connection> admin;
  int next_id = 0;

  State() {
    cluster = std::make_unique<db::EmbeddedCluster>(dir.Path(),
                                                    db::EmbeddedCluster::Options{.durable = false});
    watchdog_fd = StartWatchdog(PostmasterPid(*cluster), dir.Path());
    admin = std::make_unique<pqxx::connection>(cluster->ConnectionString("postgres"));
  }
  ~State() {
    admin.reset();
    cluster.reset();  // pg_ctl stop; the TempDir member then removes the folder
    char done = 1;
    if (write(watchdog_fd, &done, 1) != 1) {
      // The watchdog will stop a server that is already stopped: harmless.
    }
    close(watchdog_fd);
  }
};

State& GetState() {
  static State state;
  return state;
}

}  // namespace

db::EmbeddedCluster& TestCluster() { return *GetState().cluster; }

const std::string& MigratedTemplate() {
  static const std::string name = kTemplate;
  State& state = GetState();
  std::call_once(state.template_once, [&state] {
    std::lock_guard lock(state.mutex);
    pqxx::nontransaction admin(*state.admin);
    admin.exec0(fmt::format("DROP DATABASE IF EXISTS {}", admin.quote_name(kTemplate)));
    admin.exec0(fmt::format("CREATE DATABASE {}", admin.quote_name(kTemplate)));
    admin.commit();
    // Closed before any copy: CREATE DATABASE ... TEMPLATE refuses while someone is
    // connected to the template.
    pqxx::connection connection(state.cluster->ConnectionString(kTemplate));
    db::ApplyMigrations(connection);
  });
  return name;
}

namespace {

std::string CreateDatabase(const std::string& template_name) {
  State& state = GetState();
  std::lock_guard lock(state.mutex);
  const std::string name = fmt::format("test_{}", ++state.next_id);
  pqxx::nontransaction admin(*state.admin);
  admin.exec0(fmt::format("CREATE DATABASE {} TEMPLATE {}", admin.quote_name(name),
                          admin.quote_name(template_name)));
  admin.commit();
  return state.cluster->ConnectionString(name);
}

}  // namespace

std::string FreshDatabase() { return CreateDatabase(MigratedTemplate()); }

std::string EmptyDatabase() { return CreateDatabase("template1"); }

}  // namespace smedash::testing
