#include "core/money.hpp"

#include <cstring>
#include <limits>

namespace smedash::core {

std::size_t FormatScaled(std::int64_t scaled, int scale, char* buffer) {
  // Digits are written backwards into a scratch buffer (this runs for every amount of every
  // row loaded, so no division by a variable and no formatting library).
  const bool negative = scaled < 0;
  // The magnitude as unsigned, so INT64_MIN has one too.
  std::uint64_t magnitude =
      negative ? ~static_cast<std::uint64_t>(scaled) + 1 : static_cast<std::uint64_t>(scaled);
  char scratch[32];
  char* end = scratch + sizeof scratch;
  char* out = end;
  for (int i = 0; i < scale; ++i) {
    *--out = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  }
  if (scale > 0) *--out = '.';
  do {
    *--out = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (negative) *--out = '-';
  const auto size = static_cast<std::size_t>(end - out);
  std::memcpy(buffer, out, size);
  return size;
}

std::optional<Money> Money::FromRupiah(std::int64_t rupiah) {
  std::int64_t cents = 0;
  if (__builtin_mul_overflow(rupiah, std::int64_t{100}, &cents)) return std::nullopt;
  return Money(cents);
}

std::optional<Money> Money::Parse(std::string_view text) {
  std::size_t pos = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) pos = 1;
  // Accumulate negatively so the full int64 range, INT64_MIN included, round-trips.
  std::int64_t cents = 0;
  std::size_t integer_digits = 0;
  for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos, ++integer_digits) {
    if (__builtin_mul_overflow(cents, std::int64_t{10}, &cents) ||
        __builtin_sub_overflow(cents, std::int64_t{text[pos] - '0'}, &cents)) {
      return std::nullopt;
    }
  }
  if (integer_digits == 0) return std::nullopt;
  int decimals = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    for (; pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; ++pos) {
      if (++decimals > kScale) return std::nullopt;
      if (__builtin_mul_overflow(cents, std::int64_t{10}, &cents) ||
          __builtin_sub_overflow(cents, std::int64_t{text[pos] - '0'}, &cents)) {
        return std::nullopt;
      }
    }
    if (decimals == 0) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  for (; decimals < kScale; ++decimals) {
    if (__builtin_mul_overflow(cents, std::int64_t{10}, &cents)) return std::nullopt;
  }
  if (negative) return Money(cents);
  if (cents == std::numeric_limits<std::int64_t>::min()) return std::nullopt;
  return Money(-cents);
}

std::string Money::ToString() const {
  char buffer[kMaxTextSize];
  return std::string(buffer, Format(buffer));
}

std::size_t Money::Format(char* buffer) const { return FormatScaled(cents_, kScale, buffer); }

std::optional<Money> Money::CheckedAdd(Money other) const {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(cents_, other.cents_, &sum)) return std::nullopt;
  return Money(sum);
}

std::optional<Money> Money::CheckedSub(Money other) const {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(cents_, other.cents_, &difference)) return std::nullopt;
  return Money(difference);
}

}  // namespace smedash::core
