//! Small ASCII helpers for reading cell text in the validator's hot path: no locale, no
//! allocation (std::isspace and friends depend on the process locale).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace smedash::ingest {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline char AsciiUpper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }
inline bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Cell text without surrounding blanks. Non-breaking spaces (UTF-8 C2 A0) count as blanks:
// spreadsheets exported from formatted reports are full of them.
// Always inlined: it runs for every cell, and most calls return at the first check.
[[gnu::always_inline]] inline std::string_view Trim(std::string_view text) {
  // Most cells have nothing to trim: one look at each end settles them.
  if (text.empty()) return text;
  const auto first = static_cast<unsigned char>(text.front());
  const auto last = static_cast<unsigned char>(text.back());
  if (first > 0x20 && first != 0xC2 && last > 0x20 && last != 0xA0) return text;
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end) {
    if (IsBlank(text[begin])) {
      ++begin;
    } else if (end - begin >= 2 && text[begin] == '\xC2' && text[begin + 1] == '\xA0') {
      begin += 2;
    } else {
      break;
    }
  }
  while (end > begin) {
    if (IsBlank(text[end - 1])) {
      --end;
    } else if (end - begin >= 2 && text[end - 2] == '\xC2' && text[end - 1] == '\xA0') {
      end -= 2;
    } else {
      break;
    }
  }
  return text.substr(begin, end - begin);
}

inline bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

// Case-insensitive ASCII equality; `upper` must already be upper case.
inline bool EqualsUpper(std::string_view text, std::string_view upper) {
  if (text.size() != upper.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (AsciiUpper(text[i]) != upper[i]) return false;
  }
  return true;
}

// True when `text` holds a NUL byte: eight bytes at a time (the classic "has a zero byte"
// test), as this runs for every text cell and a library call costs more than short cells.
inline bool ContainsNul(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHighs = 0x8080808080808080ull;
  std::size_t pos = 0;
  for (; pos + 8 <= text.size(); pos += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + pos, sizeof word);
    if (((word - kOnes) & ~word & kHighs) != 0) return true;
  }
  for (; pos < text.size(); ++pos) {
    if (text[pos] == '\0') return true;
  }
  return false;
}

// Number of UTF-8 code points (bytes that do not continue a sequence).
inline std::size_t CodePoints(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

// At most `max_points` code points of `text`, never cutting a character in half.
inline std::string_view CutCodePoints(std::string_view text, std::size_t max_points) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && points++ == max_points) {
      return text.substr(0, i);
    }
  }
  return text;
}

}  // namespace smedash::ingest
