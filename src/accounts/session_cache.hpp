//! Signed-in sessions this server resolved lately, so a burst of requests (a dashboard
//! page and its API calls, an analyst clicking through positions) costs one lookup in
//! PostgreSQL instead of one each. An entry is used only while (1) it is younger than a few
//! seconds, (2) its session has that long to live at least, and (3) the change feed's
//! "sessions" stamp has not moved since it was read: a sign-out, a password change, a
//! deactivation or a role change anywhere (any process) moves it, and this process's own
//! changes move it before they answer. Without a listening feed nothing is kept.
#pragma once
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/principal.hpp"
#include "db/change_feed.hpp"

namespace smedash::accounts {

class SessionCache {
 public:
  using Clock = std::chrono::steady_clock;

  // `changes` may be null: then nothing is ever kept.
  explicit SessionCache(const db::ChangeFeed* changes,
                        std::chrono::milliseconds ttl = std::chrono::seconds(10),
                        std::size_t capacity = 10'000);

  // Taken before the lookup in PostgreSQL whose answer Keep stores; 0: do not keep.
  std::uint64_t Stamp() const noexcept;
  // The principal of `session_id` while its entry is good (see above).
  std::optional<core::Principal> Find(const std::string& session_id) const;
  // Stores what PostgreSQL said at `stamp`; `lifetime_left` is how long the session is
  // valid at least (its idle and absolute limits as of the lookup).
  void Keep(const core::Principal& principal, std::chrono::milliseconds lifetime_left,
            std::uint64_t stamp);

 private:
  struct Entry {
    core::Principal principal;
    Clock::time_point until;
    std::uint64_t stamp = 0;
  };

  const db::ChangeFeed* changes_;
  const std::chrono::milliseconds ttl_;
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // by session id (the token's hash)
};

}  // namespace smedash::accounts
