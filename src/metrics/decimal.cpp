#include "metrics/decimal.hpp"

#include <algorithm>
#include <stdexcept>

namespace smedash::metrics {
namespace {

constexpr int kMaxScale = 18;

__int128 PowerOfTen(int exponent) {
  __int128 power = 1;
  for (int step = 0; step < exponent; ++step) power *= 10;
  return power;
}

// A sum or rescaling that leaves the 128-bit range is a bug to report, never a wrapped
// figure.
__int128 CheckedMultiply(__int128 left, __int128 right) {
  __int128 product = 0;
  if (__builtin_mul_overflow(left, right, &product)) {
    throw std::overflow_error("decimal figure out of range");
  }
  return product;
}

__int128 CheckedAdd(__int128 left, __int128 right) {
  __int128 sum = 0;
  if (__builtin_add_overflow(left, right, &sum)) {
    throw std::overflow_error("decimal figure out of range");
  }
  return sum;
}

__int128 Rescaled(const Decimal& value, int scale) {
  return CheckedMultiply(value.RawScaled(), PowerOfTen(scale - value.Scale()));
}

int Sign(__int128 value) { return (value > 0) - (value < 0); }

}  // namespace

Decimal Decimal::Scaled(__int128 scaled, int scale) {
  if (scale < 0 || scale > kMaxScale) throw std::invalid_argument("decimal scale out of range");
  return Decimal(scaled, scale);
}

std::optional<Decimal> Decimal::Percent(const Decimal& part, const Decimal& whole) {
  if (whole.IsZero()) return std::nullopt;
  const int scale = std::max(part.Scale(), whole.Scale());
  const __int128 denominator = Rescaled(whole, scale);
  // part / whole × 100 × 10^kPercentScale, then rounded half away from zero.
  const __int128 numerator = CheckedMultiply(Rescaled(part, scale), PowerOfTen(2 + kPercentScale));
  __int128 quotient = numerator / denominator;
  const __int128 remainder = numerator % denominator;
  const __int128 twice_remainder = CheckedMultiply(remainder < 0 ? -remainder : remainder, 2);
  if (twice_remainder >= (denominator < 0 ? -denominator : denominator)) {
    quotient += Sign(numerator) * Sign(denominator);
  }
  return Decimal(quotient, kPercentScale);
}

Decimal Decimal::Plus(const Decimal& other) const {
  const int scale = std::max(scale_, other.scale_);
  return Decimal(CheckedAdd(Rescaled(*this, scale), Rescaled(other, scale)), scale);
}

Decimal Decimal::Minus(const Decimal& other) const {
  const int scale = std::max(scale_, other.scale_);
  __int128 difference = 0;
  if (__builtin_sub_overflow(Rescaled(*this, scale), Rescaled(other, scale), &difference)) {
    throw std::overflow_error("decimal figure out of range");
  }
  return Decimal(difference, scale);
}

Decimal Decimal::Abs() const {
  return scaled_ < 0 ? Decimal(CheckedMultiply(scaled_, -1), scale_) : *this;
}

std::string Decimal::ToString() const {
  // Digits of the magnitude, least significant first; unsigned so the most negative value
  // has a magnitude too.
  unsigned __int128 magnitude = scaled_ < 0 ? ~static_cast<unsigned __int128>(scaled_) + 1
                                            : static_cast<unsigned __int128>(scaled_);
  std::string digits;
  do {
    digits += static_cast<char>('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  } while (magnitude != 0);
  // At least one digit before the point.
  while (digits.size() < static_cast<std::size_t>(scale_) + 1) digits += '0';
  std::string text;
  text.reserve(digits.size() + 2);
  if (scaled_ < 0) text += '-';
  for (std::size_t digit_idx = digits.size(); digit_idx-- > 0;) {
    text += digits[digit_idx];
    if (digit_idx == static_cast<std::size_t>(scale_) && scale_ > 0) text += '.';
  }
  return text;
}

std::strong_ordering Decimal::operator<=>(const Decimal& other) const {
  if (scale_ == other.scale_) return scaled_ <=> other.scaled_;
  const bool this_finer = scale_ > other.scale_;
  const Decimal& coarse = this_finer ? other : *this;
  const Decimal& fine = this_finer ? *this : other;
  __int128 coarse_rescaled = 0;
  if (__builtin_mul_overflow(coarse.scaled_, PowerOfTen(fine.scale_ - coarse.scale_),
                             &coarse_rescaled)) {
    // The coarse value's magnitude is beyond any value at the finer scale: its sign decides.
    const auto coarse_vs_fine =
        coarse.scaled_ < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
    return this_finer ? 0 <=> coarse_vs_fine : coarse_vs_fine;
  }
  const auto coarse_vs_fine = coarse_rescaled <=> fine.scaled_;
  return this_finer ? 0 <=> coarse_vs_fine : coarse_vs_fine;
}

}  // namespace smedash::metrics
