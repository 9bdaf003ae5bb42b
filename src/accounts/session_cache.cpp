#include "accounts/session_cache.hpp"

#include <algorithm>

namespace smedash::accounts {

SessionCache::SessionCache(const db::ChangeFeed* changes, std::chrono::milliseconds ttl,
                           std::size_t capacity)
    : changes_(changes), ttl_(ttl), capacity_(capacity) {}

std::uint64_t SessionCache::Stamp() const noexcept {
  return changes_ ? changes_->Stamp(db::ChangeTopic::kSessions) : 0;
}

std::optional<core::Principal> SessionCache::Find(const std::string& session_id) const {
  const std::uint64_t stamp = Stamp();
  if (stamp == 0) return std::nullopt;
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(session_id);
  if (it == entries_.end() || it->second.stamp != stamp || Clock::now() >= it->second.until) {
    return std::nullopt;
  }
  return it->second.principal;
}

void SessionCache::Keep(const core::Principal& principal, std::chrono::milliseconds lifetime_left,
                        std::uint64_t stamp) {
  if (stamp == 0 || lifetime_left <= std::chrono::milliseconds::zero()) return;
  const auto until = Clock::now() + std::min(ttl_, lifetime_left);
  std::lock_guard lock(mutex_);
  // Entries of other stamps are dead anyway; past capacity start again rather than keep
  // an eviction order: a miss costs one lookup.
  if (entries_.size() >= capacity_) entries_.clear();
  entries_.insert_or_assign(principal.session_id, Entry{principal, until, stamp});
}

}  // namespace smedash::accounts
