#include "ingest/demo/demo_row.hpp"

#include <algorithm>
#include <cstring>

#include "ingest/demo/organisation.hpp"
#include "ingest/demo/random.hpp"

namespace smedash::ingest::demo {
namespace {

constexpr std::array<std::string_view, 30> kFirstNames = {
    "Asep", "Dedi", "Ujang",  "Cecep", "Yayat",  "Dadang", "Euis",  "Neneng", "Iis",    "Rina",
    "Agus", "Budi", "Hendra", "Rudi",  "Tatang", "Wawan",  "Yanti", "Lilis",  "Nining", "Iwan",
    "Ade",  "Dodi", "Eka",    "Fitri", "Gina",   "Hasan",  "Irma",  "Jajang", "Kokom",  "Lina"};
constexpr std::array<std::string_view, 20> kLastNames = {
    "Saepudin",   "Kurniawan", "Suryana",   "Hidayat", "Rahmat",   "Setiawan", "Permana",
    "Nugraha",    "Gunawan",   "Sopandi",   "Mulyana", "Sutisna",  "Wijaya",   "Ramdani",
    "Firmansyah", "Hermawan",  "Supriatna", "Rukmana", "Sudrajat", "Kusnadi"};
constexpr std::array<std::string_view, 28> kWords = {
    "Sumber",  "Makmur",  "Jaya",    "Abadi",       "Sejahtera", "Mitra",    "Karya",
    "Mandiri", "Berkah",  "Sentosa", "Parahyangan", "Pasundan",  "Priangan", "Lestari",
    "Utama",   "Sinar",   "Cahaya",  "Mulia",       "Agung",     "Putra",    "Tani",
    "Niaga",   "Bersama", "Prima",   "Surya",       "Baru",      "Harapan",  "Rizki"};
constexpr std::array<std::string_view, 8> kBusinessKinds = {
    "PT", "CV", "UD", "Toko", "Koperasi", "Bengkel", "Rumah Makan", "Toko Bangunan"};

constexpr std::array<Column, 38> kSeedLayout = [] {
  std::array<Column, 38> columns{};
  for (std::size_t i = 0; i < columns.size(); ++i) columns[i] = static_cast<Column>(i);
  return columns;
}();
constexpr std::array<Column, 33> kLaterLayout = [] {
  std::array<Column, 33> columns{};
  for (std::size_t i = 0; i < 28; ++i) columns[i] = static_cast<Column>(i);
  const Column extras[] = {Column::kPnRm, Column::kNamaRm, Column::kOs, Column::kNasabah,
                           Column::kDubNasabah};
  for (std::size_t i = 0; i < 5; ++i) columns[28 + i] = extras[i];
  return columns;
}();

std::uint64_t Mix(std::uint64_t value) { return SplitMix64(value).Next(); }

// The first day after `periode` that falls on `day` of a month (clamped to short months).
core::Date NextPaymentDate(core::Date periode, int day) {
  for (int months = 0; months <= 1; ++months) {
    const core::Date month = periode.FirstDayOfMonth().AddMonths(months).value_or(periode);
    const int clamped = std::min(day, core::Date::DaysInMonth(month.Year(), month.Month()));
    const core::Date date = *core::Date::FromYmd(month.Year(), month.Month(), clamped);
    if (date > periode) return date;
  }
  return periode;  // unreachable: next month's payment day is always later
}

DemoCell Text(std::string_view text) { return {DemoCell::Kind::kText, text, 0, 0, {}}; }
DemoCell Number(std::int64_t scaled, int scale) {
  return {DemoCell::Kind::kNumber, {}, scaled, static_cast<std::uint8_t>(scale), {}};
}
DemoCell DateCell(core::Date date) { return {DemoCell::Kind::kDate, {}, 0, 0, date}; }

}  // namespace

std::span<const Column> SeedLayout() { return kSeedLayout; }
std::span<const Column> LaterLayout() { return kLaterLayout; }

std::string_view RowFormatter::Keep(std::string_view text) {
  char* start = buffer_.data() + used_;
  std::memcpy(start, text.data(), text.size());
  used_ += text.size();
  return {start, text.size()};
}

std::string_view RowFormatter::Digits(std::uint64_t value, int width) {
  char* start = buffer_.data() + used_;
  for (int i = width - 1; i >= 0; --i) {
    start[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  used_ += static_cast<std::size_t>(width);
  return {start, static_cast<std::size_t>(width)};
}

const DemoRow& RowFormatter::Format(const Portfolio& portfolio, const Account& account,
                                    core::Date periode, bool repeat_customer) {
  used_ = 0;
  row_.fill(DemoCell{});
  const DemoUnit& unit = Units()[account.unit];
  const Product& product = portfolio.ProductOf(account);
  auto set = [&](Column column, DemoCell cell) { row_[static_cast<std::size_t>(column)] = cell; };
  // Joins parts written one after another into the buffer into a single view.
  auto joined = [&](std::size_t from) {
    return std::string_view(buffer_.data() + from, used_ - from);
  };

  set(Column::kPeriode, DateCell(periode));
  set(Column::kKanca, Text(unit.kanca));
  set(Column::kKodeUker, Number(unit.code, 0));
  set(Column::kUker, Text(unit.name));
  set(Column::kLnType, Text(product.ln_type));

  // 15 digits: unit, product line, sequence, check digit; leading zeros are part of it.
  std::size_t from = used_;
  Digits(static_cast<std::uint64_t>(unit.code), 4);
  Keep("01");
  Digits(account.id, 8);
  int digit_sum = 0;
  for (char c : joined(from)) digit_sum += c - '0';
  Digits(static_cast<std::uint64_t>(digit_sum % 10), 1);
  set(Column::kNomorRekening, Text(joined(from)));

  // The debtor's name follows the customer, so a customer's loans share it.
  const std::uint64_t name_hash = Mix(account.cif);
  from = used_;
  if (name_hash % 10 < 4) {
    Keep(kFirstNames[(name_hash >> 8) % kFirstNames.size()]);
    Keep(" ");
    Keep(kLastNames[(name_hash >> 16) % kLastNames.size()]);
  } else {
    Keep(kBusinessKinds[(name_hash >> 8) % kBusinessKinds.size()]);
    Keep(" ");
    const std::size_t first = (name_hash >> 16) % kWords.size();
    Keep(kWords[first]);
    Keep(" ");
    Keep(kWords[(first + 1 + (name_hash >> 24) % (kWords.size() - 1)) % kWords.size()]);
  }
  set(Column::kNamaDebitur, Text(joined(from)));

  set(Column::kPlafon, Number(account.plafon, 2));
  const core::Date next_payment = NextPaymentDate(periode, account.payment_day);
  set(Column::kNextPmtDate, DateCell(next_payment));
  set(Column::kNextIntPmtDate, DateCell(next_payment));
  set(Column::kRate, Number(account.rate, 2));
  if (account.grade > 1) set(Column::kTglMenunggak, DateCell(account.menunggak));
  set(Column::kTglRealisasi, DateCell(account.realisasi));
  set(Column::kTglJatuhTempo,
      DateCell(account.realisasi.AddMonths(account.jangka_waktu).value_or(account.realisasi)));
  set(Column::kJangkaWaktu, Number(account.jangka_waktu, 0));
  set(Column::kFlagRestruk, Text(account.restruk ? "Y" : "N"));

  // Two letters and five digits, unique per customer.
  from = used_;
  const char letters[2] = {static_cast<char>('A' + name_hash % 26),
                           static_cast<char>('A' + account.cif / 100000 % 26)};
  Keep({letters, 2});
  Digits(account.cif % 100000, 5);
  set(Column::kCifNo, Text(joined(from)));

  static constexpr Column kByGrade[] = {Column::kKolLancar, Column::kKolDpk,
                                        Column::kKolKurangLancar, Column::kKolDiragukan,
                                        Column::kKolMacet};
  for (int grade = 1; grade <= 5; ++grade) {
    set(kByGrade[grade - 1], Number(grade == account.grade ? account.os : 0, 2));
  }
  set(Column::kTunggakanPokok, Number(account.tunggakan_pokok, 2));
  set(Column::kTunggakanBunga, Number(account.tunggakan_bunga, 2));
  set(Column::kTunggakanPinalti, Number(account.tunggakan_pinalti, 2));
  set(Column::kCode, Number(product.code, 0));
  set(Column::kDescription, Text(product.description));
  set(Column::kKolAdk, Number(account.grade, 0));

  // Personnel numbers: eight digits with leading zeros. Each unit has three RMs; the
  // kanca head decides; a few loans have referrers, CRMs or restructuring officers.
  const std::uint64_t staff = account.pn_seed;
  const std::uint64_t rm_index = staff % 3;
  const std::string_view rm_pn =
      Digits(100000 + static_cast<std::uint64_t>(unit.code) * 10 + rm_index, 8);
  set(Column::kPnPengelolaSinglepn, Text(rm_pn));
  set(Column::kPnPengelola1, Text(rm_pn));
  set(Column::kPnPemrakarsa, Text(rm_pn));
  if ((staff >> 8) % 10 < 3) set(Column::kPnReferral, Text(Digits(Mix(staff) % 1000000, 8)));
  if (account.restruk) {
    set(Column::kPnRestruk, Text(Digits(200000 + static_cast<std::uint64_t>(unit.kanca_code), 8)));
  }
  if ((staff >> 12) % 2 == 0) {
    set(Column::kPnPengelola2,
        Text(Digits(100000 + static_cast<std::uint64_t>(unit.code) * 10 + (rm_index + 1) % 3, 8)));
  }
  set(Column::kPnPemutus, Text(Digits(300000 + static_cast<std::uint64_t>(unit.kanca_code), 8)));
  if (product.segment == Segment::kMedium) {
    set(Column::kPnCrm, Text(Digits(400000 + static_cast<std::uint64_t>(unit.kanca_code), 8)));
    set(Column::kPnRmCrr, Text(rm_pn));
  }
  if ((staff >> 16) % 20 == 0) {
    set(Column::kPnRmReferralNaikSegmentasi, Text(Digits(Mix(staff + 1) % 1000000, 8)));
  }
  set(Column::kPnRm, Text(rm_pn));
  const std::uint64_t rm_hash = Mix(static_cast<std::uint64_t>(unit.code) * 10 + rm_index);
  from = used_;
  Keep(kFirstNames[rm_hash % kFirstNames.size()]);
  Keep(" ");
  Keep(kLastNames[(rm_hash >> 8) % kLastNames.size()]);
  set(Column::kNamaRm, Text(joined(from)));
  set(Column::kOs, Number(account.os, 2));
  set(Column::kNasabah, Number(repeat_customer ? 0 : 1, 0));
  set(Column::kDubNasabah, Text(repeat_customer ? "Y" : "N"));
  return row_;
}

}  // namespace smedash::ingest::demo
