#include "db/pool.hpp"

#include <fmt/format.h>
#include <poll.h>
#include <spdlog/spdlog.h>

#include <pqxx/transaction>
#include <stdexcept>

#include "core/errors.hpp"

namespace smedash::db {
namespace {

constexpr int kConnectTimeoutSeconds = 5;

std::string TrimEnd(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

// An idle connection whose server went away (PostgreSQL restarted, its backend was
// terminated) looks open until it is used. Nothing is sent to an idle connection of ours
// (none LISTENs) but the server's goodbye: a FATAL message, then the end of the stream.
// So anything waiting on its socket, seen without blocking, means it is dead.
bool StillConnected(pqxx::connection& connection) noexcept {
  if (!connection.is_open()) return false;
  pollfd socket{connection.sock(), POLLIN, 0};
  return ::poll(&socket, 1, 0) == 0;
}

}  // namespace

// Without connect_timeout libpq waits for the OS's TCP timeout (minutes) when the server's
// host does not answer, and every request would hang that long instead of failing fast.
std::string WithConnectTimeout(const std::string& connection_string) {
  if (connection_string.find("connect_timeout") != std::string::npos) return connection_string;
  const std::string setting = fmt::format("connect_timeout={}", kConnectTimeoutSeconds);
  if (connection_string.starts_with("postgresql://") ||
      connection_string.starts_with("postgres://")) {
    return connection_string + (connection_string.find('?') == std::string::npos ? "?" : "&") +
           setting;
  }
  return connection_string + " " + setting;
}

Lease::Lease(Pool& pool, std::unique_ptr<pqxx::connection> connection)
    : pool_(&pool), connection_(std::move(connection)) {}

Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_)) {}

Lease::~Lease() {
  if (connection_) pool_->Release(std::move(connection_));
}

Pool::Pool(std::string connection_string, std::size_t size)
    : connection_string_(WithConnectTimeout(connection_string)), size_(size) {
  if (size_ == 0) throw std::invalid_argument("a connection pool needs at least 1 connection");
}

// Leases must not outlive the pool; idle connections close here.
Pool::~Pool() = default;

Lease Pool::Acquire() { return *AcquireUntil(std::nullopt); }

std::optional<Lease> Pool::AcquireUntil(
    std::optional<std::chrono::steady_clock::time_point> deadline) {
  for (;;) {
    std::unique_ptr<pqxx::connection> idle;
    {
      std::unique_lock lock(mutex_);
      auto ready = [this] { return !idle_.empty() || opened_ < size_; };
      if (!deadline) {
        available_.wait(lock, ready);
      } else if (!available_.wait_until(lock, *deadline, ready)) {
        return std::nullopt;
      }
      if (idle_.empty()) {
        ++opened_;  // reserve the slot, then connect without holding the lock
        break;
      }
      idle = std::move(idle_.back());
      idle_.pop_back();
    }
    if (StillConnected(*idle)) return Lease(*this, std::move(idle));
    Discard(std::move(idle));  // its slot is free again: the next turn may open a new one
  }
  try {
    return Lease(*this, std::make_unique<pqxx::connection>(connection_string_));
  } catch (const std::exception& error) {
    {
      std::lock_guard lock(mutex_);
      --opened_;
    }
    available_.notify_one();
    // libpq's message names the host or socket, never the password.
    throw core::Unavailable(fmt::format("cannot connect to PostgreSQL: {}", TrimEnd(error.what())));
  }
}

void Pool::Release(std::unique_ptr<pqxx::connection> connection) {
  if (!connection->is_open()) {
    Discard(std::move(connection));
    return;
  }
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  available_.notify_one();
}

void Pool::Discard(std::unique_ptr<pqxx::connection> broken) {
  {
    // Not counted any more, so the next Acquire opens a fresh one in its place.
    std::lock_guard lock(mutex_);
    --opened_;
  }
  available_.notify_one();
  spdlog::warn("dropped a broken database connection from the pool");
  broken.reset();  // closing may touch the socket: outside the lock
}

bool Pool::Healthy(std::chrono::milliseconds timeout) noexcept {
  try {
    auto lease = AcquireUntil(std::chrono::steady_clock::now() + timeout);
    if (!lease) {
      spdlog::warn("health check: no free database connection within {} ms", timeout.count());
      return false;
    }
    pqxx::work tx(**lease);
    tx.exec0(fmt::format("SET LOCAL statement_timeout = {}", timeout.count()));
    const bool ok = tx.exec1("SELECT 1")[0].as<int>() == 1;
    tx.commit();
    return ok;
  } catch (const std::exception& error) {
    spdlog::warn("health check: {}", TrimEnd(error.what()));
    return false;
  }
}

std::size_t Pool::OpenConnections() const {
  std::lock_guard lock(mutex_);
  return opened_;
}

}  // namespace smedash::db
