#include "accounts/audit_repository.hpp"

#include <pqxx/pqxx>

#include "accounts/sql.hpp"

namespace smedash::accounts::audit_repository {
namespace {

AuditRecord ToRecord(const pqxx::row& row) {
  AuditRecord record;
  record.id = row[0].as<std::int64_t>();
  record.at = row[1].as<std::string>();
  record.at_local = row[2].as<std::string>();
  if (!row[3].is_null()) record.actor_id = row[3].as<std::int64_t>();
  record.actor_name = row[4].as<std::string>();
  record.action = row[5].as<std::string>();
  record.target = row[6].as<std::string>();
  record.detail_json = row[7].as<std::string>();
  record.ip_address = row[8].as<std::string>();
  return record;
}

std::vector<AuditRecord> Records(const pqxx::result& result) {
  std::vector<AuditRecord> records;
  records.reserve(result.size());
  for (const auto& row : result) records.push_back(ToRecord(row));
  return records;
}

std::optional<std::string> Text(const std::optional<std::int64_t>& number) {
  if (!number) return std::nullopt;
  return std::to_string(*number);
}

std::optional<std::string> Text(const std::optional<core::Date>& date) {
  if (!date) return std::nullopt;
  return date->ToIso();
}

enum class Direction { kOlder, kNewer };

// audit_step.sql reads both directions, so the two can never filter differently.
std::vector<AuditRecord> Step(pqxx::transaction_base& tx, const AuditFilter& filter,
                              const std::string& timezone, std::optional<std::int64_t> cursor,
                              Direction direction, int limit) {
  static const std::string kSql = sql::Query("audit_step.sql");
  const auto actor = Text(filter.actor_id);
  const auto from = Text(filter.from);
  const auto to = Text(filter.to);
  const auto after = Text(cursor);
  return Records(tx.exec_params(kSql, sql::OrNull(actor), filter.without_actor,
                                sql::OrNull(filter.action), sql::OrNull(from), sql::OrNull(to),
                                timezone, sql::OrNull(filter.text), sql::OrNull(after),
                                direction == Direction::kNewer, limit));
}

}  // namespace

std::vector<AuditRecord> Older(pqxx::transaction_base& tx, const AuditFilter& filter,
                               const std::string& timezone, std::optional<std::int64_t> before,
                               int limit) {
  return Step(tx, filter, timezone, before, Direction::kOlder, limit);
}

std::vector<AuditRecord> Newer(pqxx::transaction_base& tx, const AuditFilter& filter,
                               const std::string& timezone, std::int64_t after, int limit) {
  return Step(tx, filter, timezone, after, Direction::kNewer, limit);
}

std::optional<AuditRecord> Find(pqxx::transaction_base& tx, std::int64_t id,
                                const std::string& timezone) {
  static const std::string kSql = sql::Query("audit_by_id.sql");
  const auto result = tx.exec_params(kSql, id, timezone);
  if (result.empty()) return std::nullopt;
  return ToRecord(result[0]);
}

}  // namespace smedash::accounts::audit_repository
