#include "random_portfolio.hpp"

#include <array>
#include <cctype>
#include <random>
#include <sstream>

namespace smedash::testing {
namespace {

struct Unit {
  const char* code;
  const char* uker;
  const char* kanca;  // as most rows write it
};

// KC Gamma has no unit named like itself: a kanca without an own office (listed by name).
constexpr std::array kUnits{
    Unit{"5", "KC Alpha", "KC Alpha"},        Unit{"675", "KCP Alpha Satu", "KC Alpha"},
    Unit{"676", "KCP Alpha Dua", "KC Alpha"}, Unit{"25", "KC Beta", "KC Beta"},
    Unit{"1346", "KCP Beta Satu", "KC Beta"}, Unit{"901", "KCP Gamma Satu", "KC Gamma"},
    Unit{"100", "KC Delta", "KC Delta"},
};
// Every segment, and two CODEs segment_map does not list (they count as SMALL NCC).
constexpr std::array kCodes{"42210", "43211", "43206", "82201", "80064",
                            "42110", "42140", "80065", "99999", "12345"};
constexpr std::array kPositions{"2024-10-15", "2024-12-30", "2024-12-31", "2025-09-12",
                                "2025-09-30", "2025-10-13", "2025-10-14", "2025-10-15"};

std::string Amount(std::int64_t cents) {
  std::ostringstream out;
  out << cents / 100 << '.' << (cents % 100 < 10 ? "0" : "") << cents % 100;
  return out.str();
}

// "2025-10-15" → "15/10/2025".
std::string DayFirst(const std::string& iso) {
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

// "KC Alpha" → "kc  alpha": the same kanca once case and spaces are normalised.
std::string Scrawled(std::string name) {
  for (auto& letter : name)
    letter = static_cast<char>(std::tolower(static_cast<unsigned char>(letter)));
  return name.replace(name.find(' '), 1, "  ");
}

}  // namespace

RandomPortfolio MakeRandomPortfolio(std::uint64_t seed) {
  std::mt19937_64 random(seed);
  auto below = [&random](std::uint64_t n) { return static_cast<int>(random() % n); };
  constexpr int kAccounts = 70;
  constexpr int kCustomers = 45;  // fewer than accounts: customers hold several loans

  std::ostringstream csv;
  csv << "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,NAMA DEBITUR,CIFNO,FLAG RESTRUK,"
         "KOLEKTIBILITAS LANCAR,KOLEKTIBILITAS DPK,KOLEKTIBILITAS KURANG LANCAR,"
         "KOLEKTIBILITAS DIRAGUKAN,KOLEKTIBILITAS MACET,CODE,KOL_ADK,OS\n";
  std::array<int, kAccounts> unit_of{};
  std::array<int, kAccounts> customer_of{};
  std::array<int, kAccounts> code_of{};
  for (int account = 0; account < kAccounts; ++account) {
    unit_of[account] = below(kUnits.size());
    customer_of[account] = below(kCustomers);
    code_of[account] = below(kCodes.size());
  }
  for (const std::string position : kPositions) {
    for (int account = 0; account < kAccounts; ++account) {
      if (below(10) == 0) continue;                                 // not every loan every day
      if (below(12) == 0) unit_of[account] = below(kUnits.size());  // a loan moves unit
      const Unit& unit = kUnits[unit_of[account]];
      const int kol = std::array{1, 1, 1, 1, 1, 2, 2, 3, 4, 5}[below(10)];
      const bool restructured = below(4) == 0;
      const std::int64_t cents = below(15) == 0 ? 0 : 100 + below(2'000'000'000);
      std::array<std::string, 5> kol_amounts{"0", "0", "0", "0", "0"};
      kol_amounts[kol - 1] = Amount(cents);
      const bool without_os = below(4) == 0;  // os = Σ KOLEKTIBILITAS
      const std::string kanca = below(6) == 0 ? Scrawled(unit.kanca) : unit.kanca;
      csv << DayFirst(position) << ",\"" << kanca << "\"," << unit.code << "," << unit.uker << ","
          << 200000000000000 + account << ",Debitur " << account << ",CIF" << customer_of[account]
          << "," << (restructured ? "Y" : "N");
      for (const auto& amount : kol_amounts) csv << "," << amount;
      csv << "," << kCodes[code_of[account]] << "," << kol << ","
          << (without_os ? std::string() : Amount(cents)) << "\n";
    }
  }
  return {csv.str(), {kPositions.begin(), kPositions.end()}};
}

}  // namespace smedash::testing
