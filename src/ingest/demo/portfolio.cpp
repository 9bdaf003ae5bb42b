#include "ingest/demo/portfolio.hpp"

#include <algorithm>
#include <array>

#include "ingest/demo/organisation.hpp"

namespace smedash::ingest::demo {
namespace {

constexpr std::int64_t kRupiah = 100;  // cents
constexpr std::int64_t kJuta = 1'000'000 * kRupiah;
constexpr int kBusinessDaysPerMonth = 21;

// Daily odds in parts per million, tuned so a few weeks of positions show some movement
// while the grade shares stay near 90 % / 5 % / 5 %.
constexpr std::uint32_t kCloseOdds = 1'500;
constexpr std::uint32_t kOpenPerMillionAccounts = 2'000;
constexpr std::uint32_t kRevolvingMoveOdds = 300'000;
constexpr std::uint32_t kRestructureOdds = 5'000;  // of a loan in arrears, per day
constexpr std::uint32_t kSharedCustomerOdds = 120'000;

struct Migration {
  std::uint8_t from;
  std::uint8_t to;
  std::uint32_t odds;
};
constexpr std::array<Migration, 6> kMigrations = {{
    {1, 2, 3'000},
    {2, 1, 40'000},
    {2, 3, 15'000},
    {3, 2, 5'000},
    {3, 4, 10'000},
    {4, 5, 8'000},
}};

constexpr std::array<Product, 25> kProducts = {{
    {42210, Segment::kMedium, "KMK", "KMK MENENGAH", true, 4},
    {42211, Segment::kMedium, "KMK", "KMK MENENGAH WA", true, 2},
    {43210, Segment::kMedium, "KI", "KI MENENGAH", false, 3},
    {43211, Segment::kMedium, "KI", "KI MENENGAH INVESTASI", false, 1},
    {43206, Segment::kSmallNcc, "KI", "KI RITEL", false, 8},
    {43207, Segment::kSmallNcc, "KI", "KI RITEL WA", false, 3},
    {43208, Segment::kSmallNcc, "KMK", "KMK RITEL", true, 8},
    {43209, Segment::kSmallNcc, "KMK", "KMK RITEL WA", true, 3},
    {82201, Segment::kSmallNcc, "KMK", "KMK RITEL PRK", true, 4},
    {82202, Segment::kSmallNcc, "KMK", "KMK RITEL ANGSURAN", false, 3},
    {82203, Segment::kSmallNcc, "KI", "KI RITEL ANGSURAN", false, 2},
    {82204, Segment::kSmallNcc, "KMK", "KMK KONSTRUKSI", true, 1},
    {82205, Segment::kSmallNcc, "KMK", "KMK EKSPOR", true, 1},
    {42203, Segment::kSmallNcc, "KMK", "KMK SUPPLY CHAIN", true, 2},
    {42204, Segment::kSmallNcc, "KMK", "KMK DISTRIBUTOR", true, 2},
    {42205, Segment::kSmallNcc, "KMK", "KMK PERDAGANGAN", true, 2},
    {42206, Segment::kSmallNcc, "KI", "KI PERDAGANGAN", false, 1},
    {42207, Segment::kSmallNcc, "KMK", "KMK JASA", true, 1},
    {42208, Segment::kSmallNcc, "KI", "KI JASA", false, 1},
    {42209, Segment::kSmallNcc, "KMK", "KMK PERTANIAN", true, 1},
    {80064, Segment::kSmallNcc, "KUPEDES", "KUPEDES RITEL", false, 4},
    {42110, Segment::kCc, "KMK", "KMK CASH COLLATERAL", true, 3},
    {42120, Segment::kCc, "KI", "KI CASH COLLATERAL", false, 1},
    {42140, Segment::kCc, "KAD", "KREDIT AGUNAN DEPOSITO", true, 2},
    {80065, Segment::kKur, "KUR", "KUR KECIL", false, 1},
}};

// Shares by count: mostly SMALL NCC and KUR, MEDIUM few (but large).
Segment DrawSegment(SplitMix64& random) {
  const auto draw = random.Below(100);
  if (draw < 50) return Segment::kSmallNcc;
  if (draw < 88) return Segment::kKur;
  if (draw < 93) return Segment::kCc;
  return Segment::kMedium;
}

std::uint16_t DrawProduct(SplitMix64& random, Segment segment) {
  int total = 0;
  for (const auto& product : kProducts) total += product.segment == segment ? product.weight : 0;
  auto draw = static_cast<int>(random.Below(static_cast<std::uint64_t>(total)));
  for (std::size_t i = 0; i < kProducts.size(); ++i) {
    if (kProducts[i].segment != segment) continue;
    if (draw < kProducts[i].weight) return static_cast<std::uint16_t>(i);
    draw -= kProducts[i].weight;
  }
  return 0;  // unreachable: the draw is below the segment's total weight
}

std::uint8_t DrawGrade(SplitMix64& random) {
  const auto draw = random.Below(1000);
  if (draw < 900) return 1;
  if (draw < 950) return 2;
  if (draw < 970) return 3;
  if (draw < 985) return 4;
  return 5;
}

core::Date DaysBefore(core::Date date, std::int64_t days) {
  return date.AddDays(-days).value_or(date);
}

}  // namespace

std::span<const Product> Products() { return kProducts; }

Portfolio::Portfolio(std::size_t accounts, std::uint64_t seed, core::Date first_position)
    : random_(seed), position_(first_position) {
  const auto units = Units();
  for (std::size_t unit_idx = 0; unit_idx < units.size(); ++unit_idx) {
    for (int i = 0; i < units[unit_idx].weight; ++i)
      unit_draw_.push_back(static_cast<int>(unit_idx));
  }
  accounts_.reserve(accounts + accounts / 8);
  for (std::size_t i = 0; i < accounts; ++i)
    accounts_.push_back(Open(first_position, /*seasoned=*/true));
  // Files list a unit's loans together, as the bank's exports do.
  std::stable_sort(accounts_.begin(), accounts_.end(),
                   [](const Account& a, const Account& b) { return a.unit < b.unit; });
}

Account Portfolio::Open(core::Date position, bool seasoned) {
  Account account;
  account.id = next_id_++;
  account.unit = static_cast<std::uint16_t>(unit_draw_[random_.Below(unit_draw_.size())]);
  const Segment segment = DrawSegment(random_);
  account.product = DrawProduct(random_, segment);
  const Product& product = kProducts[account.product];

  // Some customers borrow more than once, sometimes in another kanca.
  if (!accounts_.empty() && random_.Chance(kSharedCustomerOdds)) {
    account.cif = accounts_[random_.Below(accounts_.size())].cif;
  } else {
    account.cif = next_cif_++;
  }
  account.pn_seed = static_cast<std::uint32_t>(random_.Next());

  switch (segment) {
    case Segment::kKur:
      account.plafon = random_.Between(2, 100) * 5 * kJuta;  // 10 juta .. 500 juta
      account.jangka_waktu = static_cast<std::int16_t>(12 * random_.Between(1, 5));
      account.rate = 600;
      break;
    case Segment::kSmallNcc:
      account.plafon = random_.Between(5, 100) * 50 * kJuta;  // 250 juta .. 5 M
      account.jangka_waktu =
          static_cast<std::int16_t>(product.revolving ? 12 : random_.Between(12, 120));
      account.rate = static_cast<std::int32_t>(950 + 25 * random_.Between(0, 12));
      break;
    case Segment::kCc:
      account.plafon = random_.Between(1, 40) * 50 * kJuta;  // 50 juta .. 2 M
      account.jangka_waktu =
          static_cast<std::int16_t>(product.revolving ? 12 : random_.Between(12, 60));
      account.rate = static_cast<std::int32_t>(650 + 25 * random_.Between(0, 6));
      break;
    case Segment::kMedium:
      account.plafon = random_.Between(10, 150) * 500 * kJuta;  // 5 M .. 75 M
      account.jangka_waktu =
          static_cast<std::int16_t>(product.revolving ? 12 : random_.Between(24, 120));
      account.rate = static_cast<std::int32_t>(850 + 25 * random_.Between(0, 10));
      break;
  }
  account.payment_day = static_cast<std::uint8_t>(random_.Between(1, 28));
  account.installment =
      account.plafon / (account.jangka_waktu * kBusinessDaysPerMonth) / kRupiah * kRupiah;

  const std::int64_t term_days = account.jangka_waktu * 30;
  const std::int64_t age_days = seasoned ? random_.Between(0, term_days - 1) : 0;
  account.realisasi = DaysBefore(position, age_days);
  if (product.revolving) {
    account.os = account.plafon * random_.Between(30, 100) / 100;
  } else {
    account.os = account.plafon * (term_days - age_days) / term_days;
  }
  // Balances are whole rupiah; interest-bearing ones often carry cents.
  account.os =
      account.os / kRupiah * kRupiah + (random_.Below(10) < 3 ? random_.Between(1, 99) : 0);

  account.grade = seasoned ? DrawGrade(random_) : 1;
  account.restruk = seasoned && random_.Chance(account.grade >= 2 ? 250'000 : 30'000);
  if (account.grade > 1) SetArrears(account, position);
  return account;
}

void Portfolio::SetArrears(Account& account, core::Date position) {
  std::int64_t days = 0;
  switch (account.grade) {
    case 2:
      days = random_.Between(1, 90);
      break;
    case 3:
      days = random_.Between(91, 120);
      break;
    case 4:
      days = random_.Between(121, 180);
      break;
    default:
      days = random_.Between(181, 720);
      break;
  }
  account.menunggak = DaysBefore(position, days);
  const std::int64_t months = days / 30 + 1;
  account.tunggakan_pokok =
      std::min(account.os, account.installment * kBusinessDaysPerMonth * months);
  // Simple interest on the balance: os × rate% × days / 365, in whole rupiah.
  account.tunggakan_bunga = account.os / 10'000 * account.rate * days / 365 / kRupiah * kRupiah;
  account.tunggakan_pinalti = account.tunggakan_bunga / 10 / kRupiah * kRupiah;
}

void Portfolio::Advance(core::Date position) {
  const std::int64_t calendar_days = position.DaysSinceEpoch() - position_.DaysSinceEpoch();
  std::vector<Account> next;
  next.reserve(accounts_.size() + accounts_.size() / 100 + 8);
  for (Account account : accounts_) {
    const Product& product = kProducts[account.product];
    // Paid off, or closed for another reason (take-over, write-off).
    if ((account.os == 0 && !product.revolving) || random_.Chance(kCloseOdds)) continue;

    if (product.revolving) {
      // A credit line is renewed for another term when it matures.
      const core::Date maturity =
          account.realisasi.AddMonths(account.jangka_waktu).value_or(position);
      if (maturity <= position) account.realisasi = maturity;
      if (random_.Chance(kRevolvingMoveOdds)) {
        const std::int64_t step = std::max<std::int64_t>(account.plafon / 50 / kJuta, 1);
        const std::int64_t delta = random_.Between(-step, step) * kJuta / 10;
        account.os = std::clamp(account.os + delta, std::int64_t{0}, account.plafon);
      }
    } else if (account.grade <= 2) {
      account.os -= std::min(account.os, account.installment);
    }

    const std::uint8_t before = account.grade;
    for (const Migration& migration : kMigrations) {
      if (migration.from == before && random_.Chance(migration.odds)) {
        account.grade = migration.to;
        break;
      }
    }
    if (account.grade > 1 && random_.Chance(kRestructureOdds)) {
      account.restruk = true;  // restructured loans come back current: LR
      account.grade = 1;
      account.jangka_waktu = static_cast<std::int16_t>(account.jangka_waktu + 12);
    }
    if (account.grade == 1) {
      account.tunggakan_pokok = account.tunggakan_bunga = account.tunggakan_pinalti = 0;
    } else if (account.grade != before) {
      SetArrears(account, position);
    } else {
      account.tunggakan_bunga +=
          account.os / 10'000 * account.rate * calendar_days / 365 / kRupiah * kRupiah;
    }
    next.push_back(account);
  }
  position_ = position;
  accounts_.swap(next);
  const std::size_t opened =
      accounts_.size() * kOpenPerMillionAccounts / 1'000'000 + random_.Below(2);
  for (std::size_t i = 0; i < opened; ++i) accounts_.push_back(Open(position, /*seasoned=*/false));
}

}  // namespace smedash::ingest::demo
