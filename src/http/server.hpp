//! The HTTP server: accepts connections (Boost.Beast), reads requests with limits and
//! timeouts, runs Router::Dispatch on worker threads (database work stays off the I/O
//! thread) and writes responses. Stops on SIGINT/SIGTERM or Stop().
#pragma once
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/limits.hpp"
#include "http/router.hpp"

namespace smedash::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;  // 0 = any free port; Port() tells which
  unsigned worker_threads = 4;
  // How long a client may take to send a request header (or a non-upload body), and to
  // receive a response; between upload chunks, how long it may stay silent. Tests shorten it.
  std::chrono::milliseconds read_timeout = core::limits::kReadTimeout;
  // Where upload bodies (Route::body_to_file) are streamed; empty = the system temp dir.
  std::filesystem::path upload_dir;
  // Reverse proxies trusted to name the client in X-Forwarded-For (core::Config).
  std::vector<std::string> trusted_proxies;
  // On stop, how long in-flight requests may take before Run() returns anyway.
  std::chrono::milliseconds shutdown_grace = std::chrono::seconds(10);
};

class Server {
 public:
  Server(ServerOptions options, const Router& router);  // binds and listens; throws on error
  ~Server();
  std::uint16_t Port() const;
  void Run();   // serves until SIGINT/SIGTERM or Stop(); then returns after in-flight work
  void Stop();  // thread-safe

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace smedash::http
