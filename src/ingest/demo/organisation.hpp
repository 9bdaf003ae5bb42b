//! RO Bandung's kanca and KCPs as the demo data uses them (domain.md section 3): 30 kanca
//! with their real codes, 34 KCPs under them. Names other than KC Bandung AA, KC Garut,
//! KCP Rajawali Bandung and KCP Cikajang are plausible West Java branches, not the bank's.
#pragma once
#include <span>
#include <string_view>

namespace smedash::ingest::demo {

struct DemoUnit {
  int code;                // KODE UKER
  std::string_view name;   // UKER: "KC Garut", "KCP Cikajang"
  int kanca_code;          // the kanca's code (its own code for a kanca office)
  std::string_view kanca;  // KANCA: the kanca's name, equal to UKER for its office
  int weight;              // relative number of accounts booked at the unit
};

// Kanca offices first, in code order, then KCPs in their kanca's order.
std::span<const DemoUnit> Units();

}  // namespace smedash::ingest::demo
