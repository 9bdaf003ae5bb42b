#include "db/change_feed.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <pqxx/connection>
#include <pqxx/notification>

#include "db/pool.hpp"

namespace smedash::db {
namespace {

constexpr const char* kChannel = "smedash_changes";
constexpr auto kRetryDelay = std::chrono::seconds(1);
// How often the listener looks at its stop token while no notification comes.
constexpr long kWaitMicroseconds = 200'000;

class Receiver : public pqxx::notification_receiver {
 public:
  Receiver(pqxx::connection_base& connection, std::function<void()> moved)
      : pqxx::notification_receiver(connection, kChannel), moved_(std::move(moved)) {}
  // Every payload so far is "data"; an unknown one still drops caches rather than risk
  // keeping a stale copy.
  void operator()(const std::string&, int) override { moved_(); }

 private:
  std::function<void()> moved_;
};

// Sleeps `delay` unless `stop` is requested first.
void SleepUnlessStopped(std::stop_token stop, std::chrono::seconds delay) {
  std::mutex mutex;
  std::condition_variable_any wake;
  std::unique_lock lock(mutex);
  wake.wait_for(lock, stop, delay, [] { return false; });
}

}  // namespace

ChangeFeed::ChangeFeed(std::string connection_string)
    : connection_string_(WithConnectTimeout(connection_string)),
      thread_([this](std::stop_token stop) { Run(stop); }) {}

ChangeFeed::~ChangeFeed() {
  thread_.request_stop();
  if (thread_.joinable()) thread_.join();
}

std::uint64_t ChangeFeed::Stamp(ChangeTopic) const noexcept {
  return listening_.load() ? data_stamp_.load() : 0;
}

void ChangeFeed::Announce(ChangeTopic) noexcept { Moved(); }

void ChangeFeed::Run(std::stop_token stop) noexcept {
  bool warned = false;
  while (!stop.stop_requested()) {
    try {
      ListenOnce(stop);
      warned = false;
    } catch (const std::exception& error) {
      // Logged once per outage: the pool's users report the database being down anyway.
      if (!warned) spdlog::warn("change feed: not listening ({}); retrying", error.what());
      warned = true;
    }
    // Whatever arrived while the connection was gone is lost: every copy is suspect.
    listening_.store(false);
    Moved();
    if (!stop.stop_requested()) SleepUnlessStopped(stop, kRetryDelay);
  }
}

void ChangeFeed::ListenOnce(std::stop_token stop) {
  pqxx::connection connection(connection_string_);
  Receiver receiver(connection, [this] { Moved(); });  // issues LISTEN
  // Changes before the LISTEN took effect were not heard: start from a new stamp.
  Moved();
  listening_.store(true);
  while (!stop.stop_requested()) {
    connection.await_notification(0, kWaitMicroseconds);
    if (!connection.is_open()) throw pqxx::broken_connection("the connection closed");
  }
}

}  // namespace smedash::db
