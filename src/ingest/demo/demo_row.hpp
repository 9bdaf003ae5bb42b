//! One demo account at one position as the cells of a loan file, in the kinds a writer
//! needs: text, exact numbers (scaled integers, so CSV text and spreadsheet numbers agree
//! to the cent) and dates.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "core/date.hpp"
#include "ingest/columns.hpp"
#include "ingest/demo/portfolio.hpp"

namespace smedash::ingest::demo {

struct DemoCell {
  enum class Kind : std::uint8_t { kEmpty, kText, kNumber, kDate };
  Kind kind = Kind::kEmpty;
  std::string_view text;    // kText
  std::int64_t scaled = 0;  // kNumber: value × 10^scale
  std::uint8_t scale = 0;   // kNumber: decimals written
  core::Date date;          // kDate
};
using DemoRow = std::array<DemoCell, kColumnCount>;  // indexed by Column

// The seed's 38 columns and the later 33 (domain.md section 2), in file order.
std::span<const Column> SeedLayout();
std::span<const Column> LaterLayout();

class RowFormatter {
 public:
  // The cells of `account` at `periode`. `repeat_customer`: the account's customer already
  // had a row in this file (NASABAH 0, DUB NASABAH Y). Text cells point into this formatter
  // and stay valid until the next call.
  const DemoRow& Format(const Portfolio& portfolio, const Account& account, core::Date periode,
                        bool repeat_customer);

 private:
  std::string_view Keep(std::string_view text);
  std::string_view Digits(std::uint64_t value, int width);  // zero-padded

  std::array<char, 2048> buffer_{};
  std::size_t used_ = 0;
  DemoRow row_{};
};

}  // namespace smedash::ingest::demo
