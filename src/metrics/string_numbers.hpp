//! Numbers distinct strings 0, 1, 2... in the order first seen: an open-addressing table of
//! 64-bit hashes over one buffer of key bytes, so hundreds of thousands of keys cost a few
//! allocations instead of one per key, and a new key costs one table probe (its bytes are
//! compared only when the whole hash matches). Owned by metrics; ingest's duplicate check
//! uses it too.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smedash::metrics {

class StringNumbers {
 public:
  // The number of `key`, and whether it was new.
  std::pair<std::uint32_t, bool> Insert(std::string_view key);
  std::size_t Size() const { return starts_.size(); }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t number = kEmpty;
  };
  static constexpr std::uint32_t kEmpty = UINT32_MAX;

  std::string_view Key(std::uint32_t number) const;
  void Grow();

  std::string bytes_;                  // every key, back to back
  std::vector<std::uint64_t> starts_;  // where key n starts in bytes_
  std::vector<Slot> slots_;            // power-of-two size, at most half full
};

}  // namespace smedash::metrics
