#include "accounts/audit_log.hpp"

#include <boost/json.hpp>
#include <pqxx/pqxx>

#include "accounts/sql.hpp"

namespace smedash::accounts {

void RecordAudit(pqxx::transaction_base& tx, const AuditEntry& entry) {
  static const std::string kSql = sql::Query("audit_insert.sql");
  std::optional<std::string> actor;
  if (entry.actor_id) actor = std::to_string(*entry.actor_id);
  tx.exec_params0(kSql, sql::OrNull(actor), entry.actor_name, entry.action, entry.target,
                  boost::json::serialize(entry.detail), entry.ip_address);
}

}  // namespace smedash::accounts
