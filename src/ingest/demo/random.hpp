//! The demo data's random numbers: splitmix64, so a seed gives the same files on every
//! machine and library version (std::*_distribution output is implementation-defined).
#pragma once
#include <cstdint>

namespace smedash::ingest::demo {

class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, bound); bound > 0. The modulo bias (< 2^-40 here) does not matter.
  std::uint64_t Below(std::uint64_t bound) { return Next() % bound; }
  // Uniform in [low, high].
  std::int64_t Between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(Below(static_cast<std::uint64_t>(high - low) + 1));
  }
  // True with probability parts_per_million / 10^6: integer odds keep runs reproducible.
  bool Chance(std::uint32_t parts_per_million) { return Below(1'000'000) < parts_per_million; }

 private:
  std::uint64_t state_;
};

}  // namespace smedash::ingest::demo
