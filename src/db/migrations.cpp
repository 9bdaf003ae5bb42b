#include "db/migrations.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdint>
#include <pqxx/nontransaction>
#include <pqxx/result>
#include <pqxx/transaction>
#include <set>
#include <stdexcept>

namespace smedash::db {
namespace migrations {
// Generated from migrations/*.sql by embed_text() in src/db/CMakeLists.txt.
const std::vector<core::EmbeddedFile>& EmbeddedFiles();
}  // namespace migrations

namespace {

// Any fixed number works as long as nothing else in the database uses it; this one
// spells "smedash" in ASCII.
constexpr std::int64_t kLockKey = 0x736d6564617368;

bool IsMigrationName(std::string_view name) {
  constexpr std::string_view kSuffix = ".sql";
  if (name.size() <= 5 + kSuffix.size() || !name.ends_with(kSuffix) || name[4] != '_') {
    return false;
  }
  for (std::size_t i = 0; i < 4; ++i) {
    if (name[i] < '0' || name[i] > '9') return false;
  }
  for (char c : name.substr(5, name.size() - 5 - kSuffix.size())) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// Sorted by name; a bad name or a shared number (two branches that each added "0002_…")
// stops start-up instead of applying migrations in an order nobody chose.
std::vector<core::EmbeddedFile> Checked(std::vector<core::EmbeddedFile> files) {
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!IsMigrationName(files[i].name)) {
      throw std::invalid_argument(
          fmt::format("migration file {} must be named NNNN_name.sql (4 digits, then lower-case "
                      "letters, digits or _)",
                      files[i].name));
    }
    if (i > 0 && files[i].name.substr(0, 4) == files[i - 1].name.substr(0, 4)) {
      throw std::invalid_argument(fmt::format("migrations {} and {} share the number {}",
                                              files[i - 1].name, files[i].name,
                                              files[i].name.substr(0, 4)));
    }
  }
  return files;
}

// A session-level advisory lock: held across all the migration transactions, so a second
// process waits and then finds them applied. It dies with the session if we crash.
class MigrationLock {
 public:
  explicit MigrationLock(pqxx::connection& connection) : connection_(connection) {
    pqxx::nontransaction tx(connection_);
    tx.exec_params("SELECT pg_advisory_lock($1)", kLockKey);
  }
  ~MigrationLock() {
    try {
      pqxx::nontransaction tx(connection_);
      tx.exec_params("SELECT pg_advisory_unlock($1)", kLockKey);
    } catch (const std::exception& error) {
      spdlog::warn("could not release the migration lock: {}", error.what());
    }
  }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  pqxx::connection& connection_;
};

std::set<std::string> AppliedNames(pqxx::connection& connection) {
  pqxx::work tx(connection);
  tx.exec0(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      "name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
  std::set<std::string> names;
  for (const auto& row : tx.exec("SELECT name FROM schema_migrations")) {
    names.insert(row[0].as<std::string>());
  }
  tx.commit();
  return names;
}

}  // namespace

std::vector<std::string> ApplyMigrations(pqxx::connection& connection) {
  return ApplyMigrations(connection, migrations::EmbeddedFiles());
}

std::vector<std::string> ApplyMigrations(pqxx::connection& connection,
                                         const std::vector<core::EmbeddedFile>& files) {
  const std::vector<core::EmbeddedFile> checked = Checked(files);
  MigrationLock lock(connection);
  std::set<std::string> applied = AppliedNames(connection);

  std::vector<std::string> applied_now;
  for (const auto& file : checked) {
    std::string name(file.name);
    if (applied.erase(name) > 0) continue;
    try {
      pqxx::work tx(connection);
      tx.exec(std::string(file.content));
      tx.exec_params("INSERT INTO schema_migrations (name) VALUES ($1)", name);
      tx.commit();
    } catch (const std::exception& error) {
      throw std::runtime_error(
          fmt::format("migration {} failed and was rolled back: {}", name, error.what()));
    }
    spdlog::info("applied migration {}", name);
    applied_now.push_back(std::move(name));
  }
  for (const auto& unknown : applied) {
    // Typically a newer smedash migrated this database; an older binary may not fit it.
    spdlog::warn("database has migration {} that this smedash does not know", unknown);
  }
  return applied_now;
}

}  // namespace smedash::db
