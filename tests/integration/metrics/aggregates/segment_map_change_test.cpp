// metrics::RefreshAfterSegmentMapChange: after an admin moves CODEs to other segments (or
// maps an unknown one), agg_position and every NSB level equal a direct recomputation on
// loan_data with the new map, and positions without those CODEs are left as they were.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "aggregates_fixture.hpp"
#include "metrics/aggregates.hpp"

namespace smedash::metrics::testing {
namespace {

class SegmentMapChangeTest : public AggregatesTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(ImportCsv("contoh.csv", ingest::testing::kWorkedExampleCsv));
  }

  void EditMap(const std::string& edit, const std::vector<std::string>& codes) {
    pqxx::work tx(connection_);
    tx.exec0(edit);
    RefreshAfterSegmentMapChange(tx, codes);
    tx.commit();
  }

  // When each position's agg_position rows were last written (ctid changes on rewrite).
  std::string RowIdentities(const std::string& periode) {
    return Value(
        "SELECT string_agg(ctid::text, ',' ORDER BY ctid) FROM agg_position "
        "WHERE periode = $1",
        periode);
  }
};

TEST_F(SegmentMapChangeTest, MovedAndNewlyMappedCodesAreRecountedEverywhere) {
  const std::string loaded = StoredPositions();
  const std::string untouched = RowIdentities("2024-12-31");  // only 42210 and 42110
  const std::int64_t version = DataVersion();
  EditMap(
      "UPDATE segment_map SET segment = 'MEDIUM' WHERE code = '43206';"
      "INSERT INTO segment_map (code, segment) VALUES ('99999', 'KUR')",
      {"43206", "99999"});

  EXPECT_NE(StoredPositions(), loaded);
  EXPECT_EQ(StoredPositions(), DirectPositions());
  EXPECT_EQ(StoredNsb(), DirectNsb());
  // C2's 43206 loan at 675 is MEDIUM now: with C1, two MEDIUM customers at 09/10/2025.
  EXPECT_EQ(Value("SELECT customers FROM agg_nsb WHERE periode = '2025-10-09' AND level = "
                  "'total' AND group_code = 'MEDIUM'"),
            "2");
  EXPECT_EQ(RowIdentities("2024-12-31"), untouched);
  EXPECT_EQ(DataVersion(), version + 1);
}

TEST_F(SegmentMapChangeTest, RemovedCodeFallsBackToSmallNcc) {
  EditMap("DELETE FROM segment_map WHERE code = '80065'", {"80065"});
  EXPECT_EQ(StoredPositions(), DirectPositions());
  EXPECT_EQ(StoredNsb(), DirectNsb());
  EXPECT_EQ(Value("SELECT count(*) FROM agg_position WHERE segment = 'KUR'"), "0");
}

TEST_F(SegmentMapChangeTest, CodeWithoutRowsChangesNoFigureButTheVersion) {
  const std::string positions = StoredPositions();
  const std::string nsb = StoredNsb();
  const std::int64_t version = DataVersion();
  EditMap("INSERT INTO segment_map (code, segment) VALUES ('12345', 'CC')", {"12345"});
  EXPECT_EQ(StoredPositions(), positions);
  EXPECT_EQ(StoredNsb(), nsb);
  EXPECT_EQ(DataVersion(), version + 1);
}

}  // namespace
}  // namespace smedash::metrics::testing
