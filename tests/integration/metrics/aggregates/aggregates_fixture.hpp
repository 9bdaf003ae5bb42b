//! Shared set-up of the aggregate upkeep tests: the ingest load fixture (fresh database,
//! imports) plus the stored aggregates and the same figures counted directly on loan_data,
//! each as one comparable text.
#pragma once
#include <cstdint>
#include <string>

#include "load_fixture.hpp"

namespace smedash::metrics::testing {

// A query giving agg_nsb's rows ("periode level key group=customers;...", only `levels`
// when given, an SQL list such as "'kanca','offices','kcps'") counted straight from
// loan_data: distinct CIFNO with os > 0 per position, level and group, each unit placed
// where unit_hierarchy puts it now.
std::string DirectNsbQuery(const std::string& levels = "");
// A query giving agg_nsb's rows in the same form.
std::string StoredNsbQuery(const std::string& levels = "");

class AggregatesTest : public ingest::testing::LoadTest {
 protected:
  std::string StoredNsb(const std::string& levels = "") { return Value(StoredNsbQuery(levels)); }
  std::string DirectNsb(const std::string& levels = "") { return Value(DirectNsbQuery(levels)); }
  // agg_position rows, and the same sums straight from loan_data and segment_map.
  std::string StoredPositions();
  std::string DirectPositions();

  std::int64_t DataVersion();
  // Runs `sql` in its own committed transaction.
  void Execute(const std::string& sql);
  // Imports `csv` (written to `name`) and expects it to complete.
  void ImportCsv(const std::string& name, const std::string& csv);
};

}  // namespace smedash::metrics::testing
