//! Collects an upload's rejected rows and warnings and writes them to upload_issues with
//! COPY, in batches, up to a cap (the counts go on past it). Part of ingest/load.
#pragma once
#include <cstdint>
#include <pqxx/transaction_base>
#include <string>
#include <vector>

#include "ingest/validate/row_validator.hpp"

namespace smedash::ingest {

class IssueStore {
 public:
  IssueStore(std::int64_t upload_id, std::size_t max_stored);

  // Keeps `issue` for the report unless the cap is reached.
  void Add(RowIssue issue);
  // Issues kept but not yet written; the caller flushes when this grows large.
  std::size_t Pending() const { return pending_.size(); }
  // Writes the pending issues in `tx` (which must not be inside another COPY).
  void Flush(pqxx::transaction_base& tx);

 private:
  std::int64_t upload_id_;
  std::size_t max_stored_;
  std::size_t kept_ = 0;  // written or pending
  std::vector<RowIssue> pending_;
};

}  // namespace smedash::ingest
