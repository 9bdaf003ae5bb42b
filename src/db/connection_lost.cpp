#include "db/connection_lost.hpp"

#include <pqxx/except>
#include <string>

namespace smedash::db {

bool IsConnectionLost(const std::exception& error) noexcept {
  if (dynamic_cast<const pqxx::broken_connection*>(&error) ||
      dynamic_cast<const pqxx::in_doubt_error*>(&error)) {
    return true;
  }
  // A backend that PostgreSQL terminates on shutdown sends 57P01 (admin_shutdown) or 57P02
  // (crash_shutdown) before closing, which libpqxx reports as an SQL error, not a break.
  const auto* sql = dynamic_cast<const pqxx::sql_error*>(&error);
  if (!sql) return false;
  const std::string& state = sql->sqlstate();
  return state.starts_with("08") || state.starts_with("57P");
}

}  // namespace smedash::db
