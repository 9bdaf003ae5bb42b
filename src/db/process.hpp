//! Running the PostgreSQL tools (initdb, pg_ctl) as child processes from argument vectors,
//! optionally as another OS user; used by the embedded cluster only.
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace smedash::db {

// An OS account a child process can run as.
struct Identity {
  uid_t uid = 0;
  gid_t gid = 0;
  std::vector<gid_t> groups;  // supplementary groups, as login would set them
  std::string name;
  std::string home;
};

Identity CurrentIdentity();
// Throws std::runtime_error when the account does not exist.
Identity LookupIdentity(const std::string& user_name);
Identity LookupIdentity(uid_t uid);

struct ProcessResult {
  int exit_code = -1;  // 128 + signal number when the child was killed
  std::string output;  // stdout and stderr together
};

// Runs argv[0] (an absolute path) with argv, stdin from /dev/null, and waits for it.
// When `as` differs from the current user, the child switches to it first (needs root).
// The child gets our environment minus PG* variables, which would otherwise redirect
// the tools (PGDATA, PGPORT, ...) away from what the arguments say.
ProcessResult RunProcess(const std::vector<std::string>& argv, const Identity& as);

// Whether `as` may access `path` with `mode` (R_OK/W_OK/X_OK), checked by a child
// process running as that user, so group membership and ACLs count as the kernel sees them.
bool CanAccess(const Identity& as, const std::filesystem::path& path, int mode);

}  // namespace smedash::db
