//! The effective configuration: defaults, then environment, then command-line flags.
//! Parsed once at start-up into an immutable value passed down explicitly.
#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace smedash::core {

struct Config {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;               // 0 = any free port (tests)
  std::filesystem::path data_dir = "var";  // private PostgreSQL and uploads live here
  std::string database_url;                // empty = start a private cluster in data_dir
  std::filesystem::path web_root;          // templates, ES modules, node_modules
  unsigned worker_threads = 4;             // request handlers (database work)
  std::chrono::minutes session_idle_timeout{60};
  std::chrono::hours session_max_lifetime{12};
  bool secure_cookies = false;  // set when served over https
  // Reverse proxies whose X-Forwarded-For names the client (canonical IPs; see
  // http/client_address.hpp). Empty: the socket's peer is the client.
  std::vector<std::string> trusted_proxies;
  int login_max_failures = 5;  // failures before a lock
  std::chrono::minutes login_lock_duration{15};
  std::string display_timezone = "Asia/Jakarta";          // times shown on server-rendered pages
  std::uint64_t upload_max_bytes = 100ull * 1024 * 1024;  // loan files; larger → 413
  unsigned ingest_workers = 1;                            // upload jobs processed at once
  // Upload previews (hash + read of a whole file, seconds for a large one) running at
  // once, each on a request worker; below worker_threads so pages are always served.
  unsigned preview_slots = 1;

  // Reads SMEDASH_* and DATABASE_URL; throws std::invalid_argument naming the bad key (or
  // keys, for settings that must agree).
  static Config FromEnvironment();
  // Lines "key = value" with secrets masked, for `serve --print-config` and the log.
  std::string Describe() const;
};

}  // namespace smedash::core
