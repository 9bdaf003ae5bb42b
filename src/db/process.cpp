#include "db/process.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <grp.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string_view>

extern char** environ;

namespace smedash::db {
namespace {

Identity FromPasswd(const passwd& entry) {
  Identity identity;
  identity.uid = entry.pw_uid;
  identity.gid = entry.pw_gid;
  identity.name = entry.pw_name;
  identity.home = entry.pw_dir;
  int count = 32;
  identity.groups.resize(static_cast<std::size_t>(count));
  while (getgrouplist(entry.pw_name, entry.pw_gid, identity.groups.data(), &count) < 0) {
    identity.groups.resize(static_cast<std::size_t>(count));
  }
  identity.groups.resize(static_cast<std::size_t>(count));
  return identity;
}

template <typename Lookup>
Identity LookupWith(Lookup lookup, const std::string& what) {
  passwd entry{};
  passwd* found = nullptr;
  std::vector<char> buffer(16 * 1024);
  int error = lookup(&entry, buffer.data(), buffer.size(), &found);
  if (error != 0 || found == nullptr) {
    throw std::runtime_error(
        fmt::format("no OS user {} ({})", what, error != 0 ? std::strerror(error) : "not found"));
  }
  return FromPasswd(entry);
}

bool Switches(const Identity& as) { return as.uid != geteuid(); }

// The environment for a child: ours without PG*, with the account's own HOME/USER.
std::vector<std::string> ChildEnvironment(const Identity& as) {
  std::vector<std::string> env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    if (text.starts_with("PG")) continue;
    if (Switches(as) &&
        (text.starts_with("HOME=") || text.starts_with("USER=") || text.starts_with("LOGNAME="))) {
      continue;
    }
    env.emplace_back(text);
  }
  if (Switches(as)) {
    env.push_back("HOME=" + as.home);
    env.push_back("USER=" + as.name);
    env.push_back("LOGNAME=" + as.name);
  }
  return env;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

void WriteRaw(int fd, const char* text) {
  // Only async-signal-safe calls may run between fork and exec.
  auto ignored = write(fd, text, std::strlen(text));
  (void)ignored;
}

// In the forked child: drops to `as` when needed. Returns false (errno set) on failure.
bool SwitchUser(const Identity& as) {
  if (!Switches(as)) return true;
  return setgroups(as.groups.size(), as.groups.data()) == 0 && setgid(as.gid) == 0 &&
         setuid(as.uid) == 0;
}

int DecodeStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

int WaitFor(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return -1;
  }
  return DecodeStatus(status);
}

}  // namespace

Identity CurrentIdentity() { return LookupIdentity(geteuid()); }

Identity LookupIdentity(const std::string& user_name) {
  return LookupWith(
      [&](passwd* entry, char* buffer, std::size_t size, passwd** found) {
        return getpwnam_r(user_name.c_str(), entry, buffer, size, found);
      },
      "\"" + user_name + "\"");
}

Identity LookupIdentity(uid_t uid) {
  return LookupWith([&](passwd* entry, char* buffer, std::size_t size,
                        passwd** found) { return getpwuid_r(uid, entry, buffer, size, found); },
                    "with uid " + std::to_string(uid));
}

ProcessResult RunProcess(const std::vector<std::string>& argv, const Identity& as) {
  if (argv.empty()) throw std::invalid_argument("RunProcess needs a program");
  // Everything the child needs is prepared before fork: after it, in a process that may
  // have other threads, the child may only make async-signal-safe calls.
  std::vector<std::string> args = argv;
  std::vector<std::string> env = ChildEnvironment(as);
  std::vector<char*> arg_pointers = Pointers(args);
  std::vector<char*> env_pointers = Pointers(env);
  int dev_null = open("/dev/null", O_RDONLY | O_CLOEXEC);
  int pipe_fds[2];
  if (dev_null < 0 || pipe2(pipe_fds, O_CLOEXEC) != 0) {
    int error = errno;
    if (dev_null >= 0) close(dev_null);
    throw std::runtime_error(fmt::format("cannot run {}: {}", argv[0], std::strerror(error)));
  }
  pid_t pid = fork();
  if (pid == 0) {
    dup2(dev_null, STDIN_FILENO);
    dup2(pipe_fds[1], STDOUT_FILENO);
    dup2(pipe_fds[1], STDERR_FILENO);
    // No descriptor of ours (lock files, sockets) may leak into the server, which
    // outlives this call and would keep our locks held.
    close_range(3, ~0U, 0);
    if (!SwitchUser(as)) {
      WriteRaw(STDERR_FILENO, "cannot switch to the server's OS user\n");
      _exit(127);
    }
    if (chdir("/") != 0) _exit(127);
    execve(arg_pointers[0], arg_pointers.data(), env_pointers.data());
    WriteRaw(STDERR_FILENO, "cannot execute ");
    WriteRaw(STDERR_FILENO, arg_pointers[0]);
    WriteRaw(STDERR_FILENO, "\n");
    _exit(127);
  }
  int fork_error = errno;
  close(dev_null);
  close(pipe_fds[1]);
  if (pid < 0) {
    close(pipe_fds[0]);
    throw std::runtime_error(fmt::format("cannot run {}: {}", argv[0], std::strerror(fork_error)));
  }
  ProcessResult result;
  char buffer[4096];
  for (;;) {
    ssize_t count = read(pipe_fds[0], buffer, sizeof buffer);
    if (count > 0) {
      result.output.append(buffer, static_cast<std::size_t>(count));
    } else if (count == 0 || errno != EINTR) {
      break;
    }
  }
  close(pipe_fds[0]);
  result.exit_code = WaitFor(pid);
  return result;
}

bool CanAccess(const Identity& as, const std::filesystem::path& path, int mode) {
  if (!Switches(as)) return access(path.c_str(), mode) == 0;
  std::string target = path.string();
  pid_t pid = fork();
  if (pid == 0) {
    _exit(SwitchUser(as) && access(target.c_str(), mode) == 0 ? 0 : 1);
  }
  if (pid < 0) return false;
  return WaitFor(pid) == 0;
}

}  // namespace smedash::db
