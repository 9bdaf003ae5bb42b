//! The last dashboard answers, by request target, each with the ETag it was built for.
//! Many people open the same views (the default Home and OS pages above all), and an
//! answer only changes with the data version, so a repeat of a view another user already
//! asked for is a copy instead of a rebuild (bench/dashboard: building a Dashboard OS
//! answer is most of its cost). Least recently used entries go first; bounded by count
//! and bytes. Thread-safe.
#pragma once
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace smedash::dashboard {

class ResponseCache {
 public:
  static constexpr std::size_t kMaxEntries = 512;
  static constexpr std::size_t kMaxBytes = 32u << 20;

  ResponseCache(std::size_t max_entries = kMaxEntries, std::size_t max_bytes = kMaxBytes);

  // The body stored for `key` when it was stored with `tag`; nullopt otherwise.
  std::optional<std::string> Find(const std::string& key, const std::string& tag);
  // Keeps `body` for `key` (replacing what was there), evicting the least recently used.
  void Store(const std::string& key, const std::string& tag, const std::string& body);

 private:
  struct Entry {
    std::string key;
    std::string tag;
    std::string body;
  };
  void EvictBeyondLimits();

  const std::size_t max_entries_;
  const std::size_t max_bytes_;
  std::mutex mutex_;
  std::list<Entry> entries_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
  std::size_t bytes_ = 0;
};

}  // namespace smedash::dashboard
