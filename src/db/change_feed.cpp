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
  Receiver(pqxx::connection_base& connection, std::function<void(const std::string&)> heard)
      : pqxx::notification_receiver(connection, kChannel), heard_(std::move(heard)) {}
  void operator()(const std::string& payload, int) override { heard_(payload); }

 private:
  std::function<void(const std::string&)> heard_;
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

std::uint64_t ChangeFeed::Stamp(ChangeTopic topic) const noexcept {
  return listening_.load() ? stamps_[static_cast<std::size_t>(topic)].load() : 0;
}

void ChangeFeed::Announce(ChangeTopic topic) noexcept { StampOf(topic).fetch_add(1); }

void ChangeFeed::MovedAll() noexcept {
  for (auto& stamp : stamps_) stamp.fetch_add(1);
}

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
    MovedAll();
    if (!stop.stop_requested()) SleepUnlessStopped(stop, kRetryDelay);
  }
}

void ChangeFeed::ListenOnce(std::stop_token stop) {
  pqxx::connection connection(connection_string_);
  Receiver receiver(connection, [this](const std::string& payload) {
    if (payload == "data") {
      Announce(ChangeTopic::kData);
    } else if (payload == "sessions") {
      Announce(ChangeTopic::kSessions);
    } else {
      MovedAll();  // from a newer smedash: drop everything rather than keep a stale copy
    }
  });  // issues LISTEN
  // Changes before the LISTEN took effect were not heard: start from new stamps.
  MovedAll();
  listening_.store(true);
  while (!stop.stop_requested()) {
    connection.await_notification(0, kWaitMicroseconds);
    if (!connection.is_open()) throw pqxx::broken_connection("the connection closed");
  }
}

}  // namespace smedash::db
