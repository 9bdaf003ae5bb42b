// metrics::RefreshAfterHierarchyChange: after an admin's unit_master entry moves a unit to
// another kanca or makes another unit the kanca's office, every NSB level equals a direct
// count on loan_data with the hierarchy as it now stands, including positions where only
// the kanca's other units have rows.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aggregates_fixture.hpp"
#include "metrics/aggregates.hpp"

namespace smedash::metrics::testing {
namespace {

constexpr const char* kHierarchyLevels = "'kanca','offices','kcps'";

class HierarchyChangeTest : public AggregatesTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(ImportCsv("contoh.csv", ingest::testing::kWorkedExampleCsv));
    ASSERT_EQ(StoredNsb(), DirectNsb()) << "the load itself must already agree";
    loaded_nsb_ = StoredNsb();
  }

  // Applies `edit` to unit_master and refreshes, in one transaction.
  void EditMaster(const std::string& edit, const std::vector<std::string>& units) {
    pqxx::work tx(connection_);
    tx.exec0(edit);
    RefreshAfterHierarchyChange(tx, units);
    tx.commit();
  }

  std::string Nsb(const std::string& periode, const std::string& level, const std::string& key) {
    return Value(
        "SELECT coalesce(max(customers), 0)::text FROM agg_nsb WHERE periode = $1 AND level = $2 "
        "AND level_key = $3 AND group_code = 'SME'",
        periode, level, key);
  }

  std::string loaded_nsb_;
};

TEST_F(HierarchyChangeTest, UnitMovedToAnotherKancaIsCountedThereAtEveryPosition) {
  const std::int64_t version = DataVersion();
  EditMaster(
      "INSERT INTO unit_master (kode_uker, uker, kode_kanca, kanca, source) "
      "VALUES ('675', 'KCP Rajawali Bandung', '25', 'KC Garut', 'edit')",
      {"675"});

  EXPECT_EQ(StoredNsb(kHierarchyLevels), DirectNsb(kHierarchyLevels));
  EXPECT_EQ(StoredNsb(), DirectNsb());
  // C2 banks at 675 and at 25: once in KC Garut now, with C4 and C5.
  EXPECT_EQ(Nsb("2025-10-09", "kanca", "KC GARUT"), "3");
  EXPECT_EQ(Nsb("2025-10-09", "kanca", "KC BANDUNG AA"), "2");
  EXPECT_EQ(Nsb("2025-09-30", "kanca", "KC GARUT"), "2");
  EXPECT_NE(StoredNsb(), loaded_nsb_);
  EXPECT_EQ(StoredPositions(), DirectPositions()) << "sums do not depend on the hierarchy";
  EXPECT_EQ(DataVersion(), version + 1);
}

TEST_F(HierarchyChangeTest, NewOfficeTurnsThePreviousOneIntoAKcpWhereverItHasRows) {
  // Rows make 25 KC Garut's office; the master names 1346 instead. At 30/09/2025 1346 has
  // no rows, yet 25's customers there move from the offices to the KCPs.
  EditMaster(
      "INSERT INTO unit_master (kode_uker, uker, kode_kanca, kanca, source) "
      "VALUES ('1346', 'KCP Cikajang', '1346', 'KC Garut', 'edit')",
      {"1346"});

  EXPECT_EQ(Value("SELECT string_agg(kode_uker, ',' ORDER BY kode_uker) FROM unit_hierarchy "
                  "WHERE is_office"),
            "1346,5");
  EXPECT_EQ(StoredNsb(), DirectNsb());
  EXPECT_EQ(Nsb("2025-09-30", "offices", ""), "2");  // C1, C3 at 5
  EXPECT_EQ(Nsb("2025-09-30", "kcps", ""), "2");     // C2 (675 and 25), C4
}

TEST_F(HierarchyChangeTest, RemovedEntryPutsEveryUnitBackWhereRowsSay) {
  EditMaster(
      "INSERT INTO unit_master (kode_uker, uker, kode_kanca, kanca, source) VALUES "
      "('1346', 'KCP Cikajang', '1346', 'KC Garut', 'edit'), "
      "('675', 'KCP Rajawali Bandung', '25', 'KC Garut', 'import')",
      {"1346", "675"});
  ASSERT_NE(StoredNsb(), loaded_nsb_);

  const std::int64_t version = DataVersion();
  EditMaster("DELETE FROM unit_master", {"1346", "675"});
  EXPECT_EQ(StoredNsb(), DirectNsb());
  EXPECT_EQ(StoredNsb(), loaded_nsb_);
  EXPECT_EQ(DataVersion(), version + 1);
}

TEST_F(HierarchyChangeTest, EntryThatMovesNothingKeepsTheCountsAndStillBumpsTheVersion) {
  const std::int64_t version = DataVersion();
  EditMaster(
      "INSERT INTO unit_master (kode_uker, uker, kode_kanca, kanca, source) "
      "VALUES ('675', 'KCP Rajawali (baru)', '5', ' KC  Bandung AA', 'edit')",
      {"675"});
  EXPECT_EQ(StoredNsb(), loaded_nsb_);
  EXPECT_EQ(DataVersion(), version + 1);
}

}  // namespace
}  // namespace smedash::metrics::testing
