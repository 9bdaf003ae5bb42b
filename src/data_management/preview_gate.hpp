//! Bounds the upload previews running at once. A preview (hash and read of the whole file:
//! about 2.5 s for 76 MB) runs on a request worker, the same workers that serve the
//! dashboards; past the bound a preview is refused at once (the caller answers 503 with a
//! "try again" message) rather than left waiting on, and so holding, another worker.
#pragma once
#include <atomic>
#include <optional>

namespace smedash::data_management {

class PreviewGate {
 public:
  // A place taken; given back when destroyed.
  class Slot {
   public:
    explicit Slot(PreviewGate& gate) : gate_(&gate) {}
    Slot(Slot&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Slot& operator=(Slot&&) = delete;
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot() {
      if (gate_ != nullptr) gate_->in_use_.fetch_sub(1);
    }

   private:
    PreviewGate* gate_;
  };

  explicit PreviewGate(unsigned slots) : slots_(slots > 0 ? slots : 1) {}
  PreviewGate(const PreviewGate&) = delete;
  PreviewGate& operator=(const PreviewGate&) = delete;

  // A place, or nothing when all are taken. Never waits.
  std::optional<Slot> TryEnter() {
    unsigned used = in_use_.load();
    while (used < slots_) {
      if (in_use_.compare_exchange_weak(used, used + 1))
        return std::optional<Slot>(std::in_place, *this);
    }
    return std::nullopt;
  }
  // All places taken right now (a hint: the next TryEnter may still succeed or fail).
  bool Full() const { return in_use_.load() >= slots_; }

 private:
  const unsigned slots_;
  std::atomic<unsigned> in_use_{0};
};

}  // namespace smedash::data_management
