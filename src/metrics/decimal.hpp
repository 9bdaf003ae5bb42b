//! An exact decimal for figures: amounts (scale 2, rupiah and cents), percentages (scale 4)
//! and counts (scale 0), in a 128-bit integer so any sum of numeric(20,2) fits. The API
//! sends ToString() text; nothing here is binary floating point (guide rule 7).
#pragma once
#include <compare>
#include <optional>
#include <string>

namespace smedash::metrics {

class Decimal {
 public:
  static constexpr int kAmountScale = 2;
  static constexpr int kPercentScale = 4;

  constexpr Decimal() = default;
  // `scaled` / 10^scale; scale 0..18.
  static Decimal Scaled(__int128 scaled, int scale);
  static Decimal Cents(__int128 cents) { return Scaled(cents, kAmountScale); }
  static Decimal Count(__int128 count) { return Scaled(count, 0); }

  // part / whole × 100 at kPercentScale, rounded half away from zero; nullopt when whole is
  // 0. Signs are kept: Percent(-1, 4) = -25.0000.
  static std::optional<Decimal> Percent(const Decimal& part, const Decimal& whole);

  // Exact; the result has the larger of the two scales.
  Decimal Plus(const Decimal& other) const;
  Decimal Minus(const Decimal& other) const;
  Decimal Abs() const;
  bool IsZero() const { return scaled_ == 0; }

  __int128 RawScaled() const { return scaled_; }
  int Scale() const { return scale_; }

  // "-1234567.89", "5.1724", "5": exactly Scale() decimals, '.' separator, no grouping.
  std::string ToString() const;

  // Compares values, whatever their scales.
  std::strong_ordering operator<=>(const Decimal& other) const;
  bool operator==(const Decimal& other) const { return (*this <=> other) == 0; }

 private:
  constexpr Decimal(__int128 scaled, int scale) : scaled_(scaled), scale_(scale) {}
  __int128 scaled_ = 0;
  int scale_ = 0;
};

}  // namespace smedash::metrics
