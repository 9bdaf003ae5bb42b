//! An exact amount of rupiah: whole cents in an int64, never binary floating point, so sums
//! and comparisons of loan balances are exact (domain.md section 5). Shared by all capabilities.
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace smedash::core {

class Money {
 public:
  static constexpr int kScale = 2;  // decimals kept; loan_data stores numeric(18,2)

  constexpr Money() = default;
  static constexpr Money FromCents(std::int64_t cents) { return Money(cents); }
  // Whole rupiah; nullopt when the cents would not fit.
  static std::optional<Money> FromRupiah(std::int64_t rupiah);
  // Canonical text only: an optional '-', digits, and optionally '.' with 1 or 2 digits
  // ("1234567.89", "-5", "0.5"). Anything else (grouping, "Rp", exponent, a third decimal,
  // out of range) is nullopt: files are read by ingest's own parsers, which know the
  // number styles; this is for values we wrote ourselves (database, configuration).
  static std::optional<Money> Parse(std::string_view text);

  constexpr std::int64_t Cents() const { return cents_; }
  // "1234567.89", "-5.00", "0.00": always two decimals, PostgreSQL numeric text form.
  std::string ToString() const;
  // Writes ToString()'s text into `buffer` (at least kMaxTextSize bytes) and returns its
  // length: for hot paths that must not allocate.
  static constexpr std::size_t kMaxTextSize = 24;
  std::size_t Format(char* buffer) const;

  // nullopt on int64 overflow: a sum that does not fit is an error, never a wrapped value.
  std::optional<Money> CheckedAdd(Money other) const;
  std::optional<Money> CheckedSub(Money other) const;

  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(std::int64_t cents) : cents_(cents) {}
  std::int64_t cents_ = 0;
};

// Writes `scaled` / 10^scale as "-123.4500" (exactly `scale` decimals, no grouping) into
// `buffer` (at least 24 bytes) and returns the length. Money uses it with scale 2; rates
// with scale 4.
std::size_t FormatScaled(std::int64_t scaled, int scale, char* buffer);

}  // namespace smedash::core
