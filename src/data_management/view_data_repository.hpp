//! Runs the View data queries in a caller's transaction: a page of rows, counts (from the
//! aggregates or by scanning), the filter options and the data version. Queries built by
//! view_data_query are prepared once per connection and kept, up to a bound: planning a
//! query over hundreds of position partitions costs ~40 ms, running the kept plan ~1 ms.
#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <pqxx/transaction_base>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "data_management/view_data_query.hpp"

namespace smedash::data_management::view_data {

struct LoanRow {
  std::vector<std::optional<std::string>> values;  // ViewColumns() order, as PostgreSQL writes them
  std::optional<std::string> upload_id;
  std::string segment;  // of its CODE by the segment map (filled by the service)
};

class ViewDataReader {
 public:
  explicit ViewDataReader(pqxx::transaction_base& tx) : tx_(tx) {}

  // SET LOCAL for this transaction: ISO dates, `timeout` per statement, no JIT.
  void ApplySettings(std::chrono::milliseconds timeout);
  // Queries over every position keep one generic plan per connection from their first run
  // (see view_data_settings.sql); `false` goes back to PostgreSQL's choice.
  void KeepGenericPlans(bool keep);

  std::vector<LoanRow> Rows(const SqlQuery& query);
  std::int64_t Count(const SqlQuery& query);
  // Exact, from agg_position: the filters without a search (`segment` by name).
  std::int64_t CountFromAggregates(const RowFilter& filter,
                                   const std::optional<std::string>& segment);

  std::optional<core::Date> LatestPosition();
  std::vector<core::Date> Positions();              // newest first
  std::map<std::string, std::string> SegmentMap();  // CODE → segment
  std::int64_t DataVersion();

 private:
  pqxx::result Run(const SqlQuery& query);

  pqxx::transaction_base& tx_;
  std::chrono::milliseconds timeout_{0};
};

}  // namespace smedash::data_management::view_data
