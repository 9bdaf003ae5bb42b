//! Random loan files for the dashboard property test: several positions chosen so every
//! comparison column (A, B, C, D, Y) exists for some selected position, kanca with and
//! without an own office, every segment and an unknown CODE, all grades, restructured
//! loans, rows without OS (KOLEKTIBILITAS amounts instead), rows with OS 0, customers with
//! loans in an office and a KCP and in two kanca, and kanca names written inconsistently.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace smedash::testing {

struct RandomPortfolio {
  std::string csv;                     // the seed's column names, international numbers
  std::vector<std::string> positions;  // "yyyy-mm-dd", ascending
};

RandomPortfolio MakeRandomPortfolio(std::uint64_t seed);

}  // namespace smedash::testing
