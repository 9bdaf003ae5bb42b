//! Tells this process when shared data changed, so it can keep what it read instead of
//! asking PostgreSQL on every request. A thread LISTENs on the channel "smedash_changes"
//! (migrations 0004 and 0007: every data_version bump NOTIFYs "data", every ended session
//! or changed user "sessions"), from any process, and this
//! process's own writers Announce their changes at once after committing. A cached copy
//! is good while its Stamp is the current one; while the feed is not listening (not yet
//! connected, or the connection broke and changes may have been missed) Stamp is 0 and
//! nothing may be cached.
#pragma once
#include <array>
#include <atomic>
#include <cstdint>
#include <stop_token>
#include <string>
#include <thread>

namespace smedash::db {

enum class ChangeTopic {
  kData,      // data_version moved: a load, a delete, a segment map or unit hierarchy change
  kSessions,  // a session ended (sign-out, expiry, password change) or a user changed
};

class ChangeFeed {
 public:
  // Starts listening in the background (and reconnects whenever the connection breaks).
  explicit ChangeFeed(std::string connection_string);
  // Stops and joins the listener.
  ~ChangeFeed();
  ChangeFeed(const ChangeFeed&) = delete;
  ChangeFeed& operator=(const ChangeFeed&) = delete;

  // A copy of the topic's data read after taking this stamp stays good while Stamp returns
  // the same value; 0 means "not listening: read every time and keep nothing".
  std::uint64_t Stamp(ChangeTopic topic) const noexcept;

  // Called by this process's writers after their commit: caches drop the topic now rather
  // than when PostgreSQL's notification arrives (a few milliseconds later).
  void Announce(ChangeTopic topic) noexcept;

  bool Listening() const noexcept { return listening_.load(); }

 private:
  void Run(std::stop_token stop) noexcept;
  // Listens until the connection breaks or `stop` is requested.
  void ListenOnce(std::stop_token stop);
  // Every topic's stamp moves: a payload not known, or changes possibly missed.
  void MovedAll() noexcept;
  std::atomic<std::uint64_t>& StampOf(ChangeTopic topic) noexcept {
    return stamps_[static_cast<std::size_t>(topic)];
  }

  const std::string connection_string_;
  std::atomic<bool> listening_{false};
  std::array<std::atomic<std::uint64_t>, 2> stamps_{1, 1};  // by ChangeTopic
  std::jthread thread_;  // last: starts after every member above exists
};

}  // namespace smedash::db
