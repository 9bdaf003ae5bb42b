//! The audit log as admins read it: one page at a time (keyset by id, newest first), and
//! a filter's entries chunk by chunk for the CSV export. Read-only: nothing here changes
//! an entry.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/audit_filter.hpp"
#include "accounts/audit_repository.hpp"
#include "db/pool.hpp"

namespace smedash::accounts {

struct AuditPage {
  std::vector<AuditRecord> entries;   // newest first
  std::optional<std::int64_t> older;  // ?before= of the next older page, when there is one
  std::optional<std::int64_t> newer;  // ?after= of the next newer page, when there is one
};

class AuditReader {
 public:
  // `timezone`: the zone of the filters' dates and of AuditRecord::at_local.
  AuditReader(db::Pool& pool, std::string timezone);

  AuditPage Page(const AuditPageRequest& request);
  std::optional<AuditRecord> Get(std::int64_t id);
  // Up to `limit` entries matching `filter`, newest first, older than `before` (when
  // given): one chunk of an export, read on a connection held only for the query, so a
  // slow download holds none. Chunk after chunk by the last id never repeats or skips an
  // entry, and leaves out those written after the first chunk (their ids are larger).
  std::vector<AuditRecord> Chunk(const AuditFilter& filter, std::optional<std::int64_t> before,
                                 int limit);

 private:
  db::Pool& pool_;
  std::string timezone_;
};

}  // namespace smedash::accounts
