// Migration 0003 on an install that already has loaded positions: it adds the 'offices'
// and 'kcps' NSB of every loaded position, equal to a direct count and to what the
// application computes, and records where each unit was counted; on an empty database it
// adds nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <pqxx/pqxx>
#include <string>
#include <vector>

#include "aggregates_fixture.hpp"
#include "db/migrations.hpp"
#include "metrics/aggregates.hpp"
#include "support/test_cluster.hpp"

namespace smedash::db::migrations {
const std::vector<core::EmbeddedFile>& EmbeddedFiles();
}  // namespace smedash::db::migrations

namespace smedash::metrics::testing {
namespace {

std::string Value(pqxx::connection& connection, const std::string& sql) {
  pqxx::nontransaction tx(connection);
  const auto field = tx.exec1(sql)[0];
  return field.is_null() ? std::string() : std::string(field.c_str());
}

// The embedded migrations before 0003, as an install had them.
std::vector<core::EmbeddedFile> MigrationsBefore0003() {
  std::vector<core::EmbeddedFile> files;
  for (const auto& file : db::migrations::EmbeddedFiles()) {
    if (std::string_view(file.name) < "0003") files.push_back(file);
  }
  return files;
}

// Loaded rows as an install before 0003 held them (no aggregates needed for the backfill):
// C2 banks at an office (25) and a KCP (675) of two kanca; C7 has os 0; 99999 is unknown.
void LoadOldInstall(pqxx::connection& connection) {
  pqxx::work tx(connection);
  tx.exec(
      "SELECT loan_data_prepare_position('2025-10-08'), "
      "loan_data_prepare_position('2025-10-09')");
  tx.exec0(
      "INSERT INTO loan_data (periode, kanca, kode_uker, uker, nomor_rekening, cif_no, code, "
      "kol_adk, os) VALUES "
      "('2025-10-08', 'KC Bandung AA', '5', 'KC Bandung AA', '1', 'C1', '42210', 1, 95), "
      "('2025-10-08', 'KC Bandung AA', '675', 'KCP Rajawali Bandung', '2', 'C2', '43206', 1, 20), "
      "('2025-10-08', 'KC Garut', '25', 'KC Garut', '6', 'C2', '43207', 1, 12), "
      "('2025-10-09', 'KC Bandung AA', '5', 'KC Bandung AA', '1', 'C1', '42210', 1, 100), "
      "('2025-10-09', 'KC Bandung AA', '675', 'KCP Rajawali Bandung', '2', 'C2', '43206', 2, 20), "
      "('2025-10-09', 'KC Garut', '25', 'KC Garut', '4', 'C4', '80065', 3, 5), "
      "('2025-10-09', 'KC Garut', '1346', 'KCP Cikajang', '5', 'C5', '99999', 5, 4), "
      "('2025-10-09', 'KC Garut', '25', 'KC Garut', '6', 'C2', '43207', 1, 15), "
      "('2025-10-09', 'KC Garut', '25', 'KC Garut', '7', 'C7', '43208', 1, 0)");
  tx.exec0(
      "INSERT INTO units (kode_uker, uker, kanca, kanca_key, last_periode) "
      "SELECT DISTINCT kode_uker, uker, kanca, upper(kanca), '2025-10-09'::date FROM loan_data");
  tx.commit();
}

TEST(MigrationBackfillTest, LoadedPositionsGetOfficeAndKcpCounts) {
  pqxx::connection connection(smedash::testing::EmptyDatabase());
  db::ApplyMigrations(connection, MigrationsBefore0003());
  LoadOldInstall(connection);
  ASSERT_FALSE(db::ApplyMigrations(connection).empty());

  const std::string levels = "'offices','kcps'";
  const std::string backfilled = Value(connection, StoredNsbQuery(levels));
  EXPECT_EQ(backfilled, Value(connection, DirectNsbQuery(levels)));
  EXPECT_NE(backfilled.find("2025-10-08 offices  SME=2"), std::string::npos) << backfilled;
  EXPECT_NE(backfilled.find("2025-10-08 kcps  SME=1"), std::string::npos) << backfilled;
  EXPECT_NE(backfilled.find("2025-10-09 offices  SME=3"), std::string::npos) << backfilled;
  EXPECT_EQ(Value(connection,
                  "SELECT string_agg(kode_uker || (CASE WHEN is_office THEN '*' "
                  "ELSE '' END), ',' ORDER BY kode_uker) FROM agg_unit_place"),
            "1346,25*,5*,675");

  // The application recounting every position agrees, and finds no unit to move.
  pqxx::work tx(connection);
  RefreshAggregates(tx, {"2025-10-08", "2025-10-09"});
  tx.commit();
  EXPECT_EQ(Value(connection, StoredNsbQuery(levels)), backfilled);
}

TEST(MigrationBackfillTest, EmptyDatabaseGetsNoCounts) {
  pqxx::connection connection(smedash::testing::EmptyDatabase());
  db::ApplyMigrations(connection);
  EXPECT_EQ(Value(connection, "SELECT count(*) FROM agg_nsb"), "0");
  EXPECT_EQ(Value(connection, "SELECT count(*) FROM agg_unit_place"), "0");
}

}  // namespace
}  // namespace smedash::metrics::testing
