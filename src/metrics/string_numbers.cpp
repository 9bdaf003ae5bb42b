#include "metrics/string_numbers.hpp"

#include <functional>
#include <stdexcept>

namespace smedash::metrics {

std::string_view StringNumbers::Key(std::uint32_t number) const {
  const std::uint64_t start = starts_[number];
  const std::uint64_t end = number + 1 < starts_.size() ? starts_[number + 1] : bytes_.size();
  return std::string_view(bytes_).substr(start, end - start);
}

std::pair<std::uint32_t, bool> StringNumbers::Insert(std::string_view key) {
  if ((starts_.size() + 1) * 2 > slots_.size()) Grow();
  const std::uint64_t hash = std::hash<std::string_view>{}(key);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot_idx = hash & mask;; slot_idx = (slot_idx + 1) & mask) {
    Slot& slot = slots_[slot_idx];
    if (slot.number == kEmpty) {
      if (starts_.size() >= kEmpty) throw std::length_error("too many distinct keys");
      slot.hash = hash;
      slot.number = static_cast<std::uint32_t>(starts_.size());
      starts_.push_back(bytes_.size());
      bytes_.append(key);
      return {slot.number, true};
    }
    if (slot.hash == hash && Key(slot.number) == key) return {slot.number, false};
  }
}

void StringNumbers::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.number == kEmpty) continue;
    std::size_t slot_idx = slot.hash & mask;
    while (slots_[slot_idx].number != kEmpty) slot_idx = (slot_idx + 1) & mask;
    slots_[slot_idx] = slot;
  }
}

}  // namespace smedash::metrics
