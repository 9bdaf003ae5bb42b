//! Finds a second row for the same (PERIODE, NOMOR REKENING) in one file (domain.md
//! section 2), before it reaches COPY, where it would fail the whole file. Part of
//! ingest/load.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "metrics/string_numbers.hpp"

namespace smedash::ingest {

class DuplicateFilter {
 public:
  // Records the account at `line`; when (periode, account) was seen before, returns the
  // line of its first occurrence and records nothing.
  std::optional<std::uint64_t> FirstLineOf(const std::string& periode,
                                           const std::string& nomor_rekening, std::uint64_t line);

 private:
  metrics::StringNumbers keys_;             // "periode account"
  std::vector<std::uint64_t> first_lines_;  // by key number
  std::string key_;                         // reused for every row
};

}  // namespace smedash::ingest
