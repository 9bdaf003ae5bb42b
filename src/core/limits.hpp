//! Limits on what comes in, set once here and used where the data arrives.
#pragma once
#include <chrono>
#include <cstddef>

namespace smedash::core::limits {

inline constexpr std::size_t kMaxHeaderBytes = 16 * 1024;      // larger → 431
inline constexpr std::size_t kMaxJsonBodyBytes = 1024 * 1024;  // non-upload bodies → 413
inline constexpr std::size_t kMaxJsonDepth = 32;
inline constexpr auto kReadTimeout = std::chrono::seconds(30);  // idle or slow client
inline constexpr std::size_t kMaxTextField = 1000;              // names, emails, notes

}  // namespace smedash::core::limits
