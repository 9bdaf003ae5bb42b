//! Reads the audit log (accounts/sql/audit_step.sql, audit_by_id.sql). Writing stays in
//! audit_log.hpp: entries are only ever inserted, in the transaction of the change they
//! describe.
#pragma once
#include <cstdint>
#include <optional>
#include <pqxx/transaction_base>
#include <string>
#include <vector>

#include "accounts/audit_filter.hpp"

namespace smedash::accounts {

struct AuditRecord {
  std::int64_t id = 0;
  std::string at;        // ISO-8601 UTC, "2025-10-09T01:02:03Z"
  std::string at_local;  // "2025-10-09 08:02:03" in the display time zone
  std::optional<std::int64_t> actor_id;
  std::string actor_name;
  std::string action;
  std::string target;
  std::string detail_json;  // a JSON object
  std::string ip_address;
};

namespace audit_repository {

// Up to `limit` entries matching `filter`, newest first, each older than `before` (when
// given). `timezone` names the zone of the filter's dates and of at_local.
std::vector<AuditRecord> Older(pqxx::transaction_base& tx, const AuditFilter& filter,
                               const std::string& timezone, std::optional<std::int64_t> before,
                               int limit);
// Up to `limit` entries matching `filter`, OLDEST first, each newer than `after`.
std::vector<AuditRecord> Newer(pqxx::transaction_base& tx, const AuditFilter& filter,
                               const std::string& timezone, std::int64_t after, int limit);
std::optional<AuditRecord> Find(pqxx::transaction_base& tx, std::int64_t id,
                                const std::string& timezone);

}  // namespace audit_repository
}  // namespace smedash::accounts
