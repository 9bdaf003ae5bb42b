#include "dashboard/response_cache.hpp"

namespace smedash::dashboard {

ResponseCache::ResponseCache(std::size_t max_entries, std::size_t max_bytes)
    : max_entries_(max_entries), max_bytes_(max_bytes) {}

std::optional<std::string> ResponseCache::Find(const std::string& key, const std::string& tag) {
  std::lock_guard lock(mutex_);
  const auto found = by_key_.find(key);
  if (found == by_key_.end() || found->second->tag != tag) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, found->second);
  return found->second->body;
}

void ResponseCache::Store(const std::string& key, const std::string& tag, const std::string& body) {
  if (body.size() > max_bytes_) return;
  std::lock_guard lock(mutex_);
  if (const auto found = by_key_.find(key); found != by_key_.end()) {
    bytes_ -= found->second->body.size();
    entries_.erase(found->second);
    by_key_.erase(found);
  }
  entries_.push_front({key, tag, body});
  by_key_[key] = entries_.begin();
  bytes_ += body.size();
  EvictBeyondLimits();
}

void ResponseCache::EvictBeyondLimits() {
  while (!entries_.empty() && (entries_.size() > max_entries_ || bytes_ > max_bytes_)) {
    bytes_ -= entries_.back().body.size();
    by_key_.erase(entries_.back().key);
    entries_.pop_back();
  }
}

}  // namespace smedash::dashboard
