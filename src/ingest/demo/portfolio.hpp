//! The demo portfolio: loan accounts that persist from one position to the next, with
//! balances that amortise or revolve, occasional grade changes and restructurings, and a
//! few accounts opened and closed each day. All amounts are whole cents.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "ingest/demo/random.hpp"

namespace smedash::ingest::demo {

enum class Segment : std::uint8_t { kMedium, kSmallNcc, kCc, kKur };

// One CODE with what the bank's systems print next to it.
struct Product {
  int code;
  Segment segment;
  std::string_view ln_type;
  std::string_view description;
  bool revolving;  // drawn and repaid freely up to the plafon; otherwise amortising
  int weight;      // share of accounts within its segment
};
std::span<const Product> Products();

struct Account {
  std::uint32_t id = 0;          // makes NOMOR REKENING unique
  std::uint16_t unit = 0;        // index into Units()
  std::uint16_t product = 0;     // index into Products()
  std::uint32_t cif = 0;         // customer (and so the debtor's name); may hold several loans
  std::uint32_t pn_seed = 0;     // picks the personnel numbers and the RM
  std::int64_t plafon = 0;       // cents
  std::int64_t os = 0;           // cents
  std::int64_t installment = 0;  // cents per business day for amortising loans
  std::int64_t tunggakan_pokok = 0;
  std::int64_t tunggakan_bunga = 0;
  std::int64_t tunggakan_pinalti = 0;
  std::int32_t rate = 0;          // percent × 100
  std::int16_t jangka_waktu = 0;  // months
  std::uint8_t grade = 1;
  bool restruk = false;
  std::uint8_t payment_day = 1;
  core::Date realisasi;
  core::Date menunggak;  // meaningful when grade > 1
};

class Portfolio {
 public:
  // `accounts` open accounts at `first_position`.
  Portfolio(std::size_t accounts, std::uint64_t seed, core::Date first_position);

  // Moves to the next position (a later business day): balances drift, grades migrate, a
  // few accounts close and a few open.
  void Advance(core::Date position);

  core::Date Position() const { return position_; }
  const std::vector<Account>& Accounts() const { return accounts_; }
  const Product& ProductOf(const Account& account) const { return Products()[account.product]; }
  std::uint32_t CustomerCount() const { return next_cif_; }  // cif numbers are below this

 private:
  // A new account at `position`; a seasoned one was disbursed some time before it.
  Account Open(core::Date position, bool seasoned);
  void SetArrears(Account& account, core::Date position);

  SplitMix64 random_;
  core::Date position_;
  std::vector<Account> accounts_;
  std::uint32_t next_id_ = 1;
  std::uint32_t next_cif_ = 1;
  std::vector<int> unit_draw_;  // unit indexes repeated by weight, for weighted draws
};

}  // namespace smedash::ingest::demo
