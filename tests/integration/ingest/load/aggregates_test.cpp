// The load's in-memory aggregates equal metrics::RefreshAggregates' SQL recomputation, at
// every NSB level (unit, kanca, all offices, all KCPs, total); and beyond the worked
// example: a unit moving to another kanca, master entries, backfills of older positions,
// and a position whose rows are gone.
#include "metrics/aggregates.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "ingest/demo/demo_data.hpp"
#include "load_fixture.hpp"
#include "metrics/segment_map.hpp"

namespace smedash::ingest::testing {
namespace {

constexpr const char* kHeader =
    "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n";

class AggregatesTest : public LoadTest {
 protected:
  // Every aggregate and unit, in one comparable text.
  std::string Snapshot() {
    return Value(
               "SELECT coalesce(string_agg(periode || ' ' || kode_uker || ' ' || segment || ' ' "
               "|| kol_adk || ' ' || restructured || ' ' || os || ' ' || accounts, ';' ORDER BY "
               "periode, kode_uker, segment, kol_adk, restructured), '') FROM agg_position") +
           "#" +
           Value(
               "SELECT coalesce(string_agg(periode || ' ' || level || ' ' || level_key || ' ' || "
               "group_code || ' ' || customers, ';' ORDER BY periode, level, level_key, "
               "group_code), '') FROM agg_nsb") +
           "#" +
           Value(
               "SELECT string_agg(kode_uker || ' ' || coalesce(uker, '-') || ' ' || kanca || ' "
               "' || kanca_key || ' ' || last_periode, ';' ORDER BY kode_uker) FROM units") +
           "#" +
           Value(
               "SELECT string_agg(kode_uker || ' ' || kanca_key || ' ' || is_office, ';' ORDER "
               "BY kode_uker) FROM agg_unit_place");
  }
  // SME customers at `periode` of `level` ('offices', 'kcps', 'total'; key '').
  std::string Customers(const std::string& periode, const std::string& level) {
    return Value(
        "SELECT coalesce(max(customers), 0)::text FROM agg_nsb WHERE periode = $1 AND level = $2 "
        "AND level_key = '' AND group_code = 'SME'",
        periode, level);
  }
  // Recomputes every loaded position from loan_data, the SQL way.
  void RefreshAll() {
    pqxx::work tx(connection_);
    std::vector<std::string> periodes;
    for (const auto& row : tx.exec("SELECT DISTINCT periode::text FROM loan_data")) {
      periodes.push_back(row[0].c_str());
    }
    metrics::RefreshAggregates(tx, periodes);
    tx.commit();
  }
};

// The load computes aggregates from its rows in memory; RefreshAggregates computes them
// from loan_data in SQL. Both must give the same tables to the last row.
TEST_F(AggregatesTest, LoadAndRefreshAgreeOnTheWorkedExample) {
  ASSERT_EQ(Import(WriteFile("contoh.csv", kWorkedExampleCsv)).status,
            ImportReport::Status::kCompleted);
  const std::string loaded = Snapshot();
  RefreshAll();
  EXPECT_EQ(Snapshot(), loaded);
}

// domain.md section 10 at 09/10/2025: C2 banks at KC Garut's office (25) and at KCP
// Rajawali Bandung (675) of another kanca; C7's loan has os 0.
TEST_F(AggregatesTest, OfficesAndKcpsAreCountedApartAndEachOnce) {
  ASSERT_EQ(Import(WriteFile("contoh.csv", kWorkedExampleCsv)).status,
            ImportReport::Status::kCompleted);
  EXPECT_EQ(Customers("2025-10-09", "offices"), "4");  // C1, C3 at 5; C4, C2 at 25
  EXPECT_EQ(Customers("2025-10-09", "kcps"), "2");     // C2 at 675, C5 at 1346
  EXPECT_EQ(Customers("2025-10-09", "total"), "5");
  EXPECT_EQ(Customers("2024-12-31", "kcps"), "0");
}

TEST_F(AggregatesTest, LoadAndRefreshAgreeOnACustomerInOfficesAndKcpsOfTwoKanca) {
  // X: office 5 and KCP 675 (KC Bandung AA), KCP 1346 (KC Garut), three segments;
  // Y: offices 5 and 25; Z: two KCPs of one kanca, os 0 at one of them.
  ASSERT_EQ(
      Import(WriteFile("x.csv", std::string(kHeader) +
                                    "01/10/2025,KC Bandung AA,5,KC Bandung AA,1,X,42210,1,10\n"
                                    "01/10/2025,KC Bandung AA,675,KCP Rajawali,2,X,43206,2,10\n"
                                    "01/10/2025,KC Garut,1346,KCP Cikajang,3,X,80065,3,10\n"
                                    "01/10/2025,KC Bandung AA,5,KC Bandung AA,4,Y,42110,1,10\n"
                                    "01/10/2025,KC Garut,25,KC Garut,5,Y,42110,1,10\n"
                                    "01/10/2025,KC Garut,1346,KCP Cikajang,6,Z,43207,1,10\n"
                                    "01/10/2025,KC Garut,1347,KCP Lain,7,Z,43208,1,0\n"))
          .status,
      ImportReport::Status::kCompleted);
  EXPECT_EQ(Customers("2025-10-01", "offices"), "2");  // X, Y
  EXPECT_EQ(Customers("2025-10-01", "kcps"), "2");     // X, Z
  EXPECT_EQ(Value("SELECT customers FROM agg_nsb WHERE periode = '2025-10-01' AND level = "
                  "'kcps' AND group_code = 'KUR'"),
            "1");
  const std::string loaded = Snapshot();
  RefreshAll();
  EXPECT_EQ(Snapshot(), loaded);
}

TEST_F(AggregatesTest, LoadCountsKancaWhereTheMasterPutsAUnit) {
  {
    pqxx::work tx(connection_);
    tx.exec0(
        "INSERT INTO unit_master (kode_uker, uker, kode_kanca, kanca, source) "
        "VALUES ('675', 'KCP Rajawali Bandung', '25', 'KC Garut', 'import')");
    tx.commit();
  }
  ASSERT_EQ(Import(WriteFile("contoh.csv", kWorkedExampleCsv)).status,
            ImportReport::Status::kCompleted);
  EXPECT_EQ(Column("SELECT level_key || '=' || customers FROM agg_nsb WHERE periode = "
                   "'2025-10-09' AND level = 'kanca' AND group_code = 'SME' ORDER BY 1"),
            (std::vector<std::string>{"KC BANDUNG AA=2", "KC GARUT=3"}));
  const std::string loaded = Snapshot();
  RefreshAll();
  EXPECT_EQ(Snapshot(), loaded);
}

TEST_F(AggregatesTest, LoadAndRefreshAgreeOnDemoData) {
  demo::DemoOptions options;
  options.out_dir = dir_.Path() / "demo";
  options.positions = 4;
  options.accounts = 3000;
  std::ostringstream out, err;
  ASSERT_EQ(demo::DemoDataCommand(options, out, err), 0) << err.str();
  for (const auto& entry : std::filesystem::directory_iterator(options.out_dir)) {
    const ImportReport report = Import(entry.path());
    ASSERT_EQ(report.status, ImportReport::Status::kCompleted) << report.error;
  }
  // Units seen under two names of one kanca, and a customer in two kanca, must exist for
  // the comparison to mean something.
  EXPECT_NE(Value("SELECT count(*) FROM agg_nsb WHERE level = 'kanca'"), "0");
  EXPECT_NE(Value("SELECT count(*) FROM agg_nsb WHERE level = 'offices'"), "0");
  EXPECT_NE(Value("SELECT count(*) FROM agg_nsb WHERE level = 'kcps'"), "0");
  const std::string loaded = Snapshot();
  RefreshAll();
  EXPECT_EQ(Snapshot(), loaded);
}

TEST_F(AggregatesTest, UnitMovingToAnotherKancaMovesItsPastNsb) {
  ASSERT_EQ(Import(WriteFile("a.csv", std::string(kHeader) +
                                          "01/10/2025,KC Lama,777,KCP Tujuh,1,C1,43207,1,10\n"
                                          "01/10/2025,KC Lama,5,KC Lama,2,C2,43207,1,10\n"))
                .status,
            ImportReport::Status::kCompleted);
  EXPECT_EQ(Column("SELECT level_key || '=' || customers FROM agg_nsb WHERE periode = "
                   "'2025-10-01' AND level = 'kanca' AND group_code = 'SME'"),
            std::vector<std::string>{"KC LAMA=2"});

  ASSERT_EQ(
      Import(WriteFile("b.csv", std::string(kHeader) +
                                    "02/10/2025,  kc   Baru ,777,KCP Tujuh,1,C1,43207,1,10\n"))
          .status,
      ImportReport::Status::kCompleted);
  EXPECT_EQ(Value("SELECT kanca || '|' || kanca_key FROM units WHERE kode_uker = '777'"),
            "kc Baru|KC BARU");
  EXPECT_EQ(Column("SELECT level_key || '=' || customers FROM agg_nsb WHERE periode = "
                   "'2025-10-01' AND level = 'kanca' AND group_code = 'SME' ORDER BY 1"),
            (std::vector<std::string>{"KC BARU=1", "KC LAMA=1"}))
      << "the earlier position follows the unit's kanca at its latest position";

  ASSERT_EQ(Import(WriteFile("c.csv", std::string(kHeader) +
                                          "30/09/2025,KC Lama,777,KCP Tujuh,1,C1,43207,1,10\n"))
                .status,
            ImportReport::Status::kCompleted);
  EXPECT_EQ(Value("SELECT kanca_key || '|' || last_periode FROM units WHERE kode_uker = '777'"),
            "KC BARU|2025-10-02")
      << "a backfill of an older position does not move the unit back";
}

TEST_F(AggregatesTest, PositionWithoutRowsLosesItsFigures) {
  ASSERT_EQ(Import(WriteFile("contoh.csv", kWorkedExampleCsv)).status,
            ImportReport::Status::kCompleted);
  const std::string version = Value("SELECT version FROM data_version");
  {
    pqxx::work tx(connection_);
    tx.exec0("DELETE FROM loan_data WHERE periode = '2025-10-09'");
    metrics::RefreshAggregates(tx, {"2025-10-09"});
    tx.commit();
  }
  EXPECT_EQ(Value("SELECT count(*) FROM agg_position WHERE periode = '2025-10-09'"), "0");
  EXPECT_EQ(Value("SELECT count(*) FROM agg_nsb WHERE periode = '2025-10-09'"), "0");
  EXPECT_EQ(Value("SELECT count(*) FROM agg_position WHERE periode = '2025-10-08'"), "6");
  EXPECT_EQ(Value("SELECT version FROM data_version"), std::to_string(std::stoll(version) + 1));
}

TEST_F(AggregatesTest, UnknownCodesAreTheOnesSegmentMapLacks) {
  pqxx::work tx(connection_);
  EXPECT_EQ(metrics::UnknownCodes(tx, {"42210", "99999", "0", "99999", "80065"}),
            (std::vector<std::string>{"0", "99999"}));
  EXPECT_TRUE(metrics::UnknownCodes(tx, {}).empty());
}

}  // namespace
}  // namespace smedash::ingest::testing
