#include "db/pool.hpp"

#include <fmt/format.h>
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
  {
    std::unique_lock lock(mutex_);
    auto ready = [this] { return !idle_.empty() || opened_ < size_; };
    if (!deadline) {
      available_.wait(lock, ready);
    } else if (!available_.wait_until(lock, *deadline, ready)) {
      return std::nullopt;
    }
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(connection));
    }
    ++opened_;  // reserve the slot, then connect without holding the lock
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
  std::unique_ptr<pqxx::connection> broken;
  {
    std::lock_guard lock(mutex_);
    if (connection->is_open()) {
      idle_.push_back(std::move(connection));
    } else {
      // Dropped and not counted, so the next Acquire opens a fresh one in its place.
      broken = std::move(connection);
      --opened_;
    }
  }
  available_.notify_one();
  if (broken) spdlog::warn("dropped a broken database connection from the pool");
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
