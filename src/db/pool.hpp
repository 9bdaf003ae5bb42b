//! A fixed-size pool of libpqxx connections. A Lease returns its connection on
//! destruction; a broken connection is replaced on the next Acquire.
#pragma once
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <pqxx/connection>
#include <string>
#include <vector>

namespace smedash::db {

// The connection string with connect_timeout added (5 s) unless it sets one.
std::string WithConnectTimeout(const std::string& connection_string);

class Pool;

class Lease {
 public:
  Lease(Pool& pool, std::unique_ptr<pqxx::connection> connection);
  ~Lease();
  Lease(Lease&&) noexcept;
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  Lease& operator=(Lease&&) = delete;

  pqxx::connection& operator*() { return *connection_; }
  pqxx::connection* operator->() { return connection_.get(); }

 private:
  Pool* pool_;
  std::unique_ptr<pqxx::connection> connection_;
};

class Pool {
 public:
  // Connections open lazily, up to `size`.
  Pool(std::string connection_string, std::size_t size);
  ~Pool();

  // Blocks until a connection is free; throws core::Unavailable when PostgreSQL
  // cannot be reached.
  Lease Acquire();

  // For /healthz: SELECT 1 on a pooled connection, bounded by `timeout` both for the wait
  // for a free connection and for the query (opening a new connection is bounded by
  // connect_timeout, 5 s). Never throws; false logs why at warn level.
  bool Healthy(std::chrono::milliseconds timeout = std::chrono::seconds(2)) noexcept;

  // Connections open now, leased or idle (for tests and metrics).
  std::size_t OpenConnections() const;

 private:
  friend class Lease;
  // nullopt when `deadline` passed before a connection was free.
  std::optional<Lease> AcquireUntil(std::optional<std::chrono::steady_clock::time_point> deadline);
  void Release(std::unique_ptr<pqxx::connection> connection);
  // Closes a connection that broke and frees its slot.
  void Discard(std::unique_ptr<pqxx::connection> broken);

  std::string connection_string_;
  std::size_t size_;
  std::size_t opened_ = 0;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
};

}  // namespace smedash::db
