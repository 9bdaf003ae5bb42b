// A load that changes which unit is a kanca's office, or moves a unit to another kanca,
// recounts the NSB of the earlier positions holding the units it affected, including units
// the load itself has no rows of.
#include <gtest/gtest.h>

#include <string>

#include "aggregates_fixture.hpp"

namespace smedash::metrics::testing {
namespace {

constexpr const char* kHeader =
    "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n";

class OfficeChangeLoadTest : public AggregatesTest {
 protected:
  std::string Nsb(const std::string& periode, const std::string& level,
                  const std::string& key = "") {
    return Value(
        "SELECT coalesce(max(customers), 0)::text FROM agg_nsb WHERE periode = $1 AND level = $2 "
        "AND level_key = $3 AND group_code = 'SME'",
        periode, level, key);
  }
  std::string Offices() {
    return Value(
        "SELECT string_agg(kode_uker, ',' ORDER BY kode_uker) FROM unit_hierarchy "
        "WHERE is_office");
  }
};

TEST_F(OfficeChangeLoadTest, NewUnitNamedAfterItsKancaTakesOverAsOffice) {
  ASSERT_NO_FATAL_FAILURE(ImportCsv(
      "a.csv", std::string(kHeader) + "01/10/2025,KC Baru,60,KC Baru,1,A,43207,1,10\n"
                                      "01/10/2025,KC Baru,900,KCP Sembilan,2,A,43207,1,10\n"
                                      "01/10/2025,KC Baru,900,KCP Sembilan,3,B,43207,1,10\n"));
  ASSERT_EQ(Offices(), "60");
  EXPECT_EQ(Nsb("2025-10-01", "offices"), "1");
  EXPECT_EQ(Nsb("2025-10-01", "kcps"), "2");

  // 50 and 60 both carry the kanca's name; the lower code is the office from now on.
  ASSERT_NO_FATAL_FAILURE(ImportCsv("b.csv", std::string(kHeader) +
                                                 "02/10/2025,KC Baru,50,KC Baru,4,C,43207,1,10\n"
                                                 "02/10/2025,KC Baru,60,KC Baru,1,A,43207,1,10\n"));
  ASSERT_EQ(Offices(), "50");
  EXPECT_EQ(StoredNsb(), DirectNsb());
  EXPECT_EQ(Nsb("2025-10-01", "offices"), "0");
  EXPECT_EQ(Nsb("2025-10-01", "kcps"), "2");
}

TEST_F(OfficeChangeLoadTest, UnitRenamedAfterItsKancaBecomesTheOffice) {
  ASSERT_NO_FATAL_FAILURE(ImportCsv("a.csv", std::string(kHeader) +
                                                 "01/10/2025,KC Dua,70,KCP Tujuh,1,A,43207,1,10\n"
                                                 "01/10/2025,KC Dua,71,KCP Satu,2,B,80065,1,10\n"));
  ASSERT_EQ(Offices(), "");
  EXPECT_EQ(Nsb("2025-10-01", "kcps"), "2");

  ASSERT_NO_FATAL_FAILURE(
      ImportCsv("b.csv", std::string(kHeader) + "02/10/2025,KC Dua,70, kc  dua ,1,A,43207,1,10\n"));
  ASSERT_EQ(Offices(), "70");
  EXPECT_EQ(StoredNsb(), DirectNsb());
  EXPECT_EQ(Nsb("2025-10-01", "offices"), "1");
  EXPECT_EQ(Nsb("2025-10-01", "kcps"), "1");
}

TEST_F(OfficeChangeLoadTest, OfficeMovingAwayLeavesItsFormerKancaANewOffice) {
  ASSERT_NO_FATAL_FAILURE(ImportCsv("a.csv", std::string(kHeader) +
                                                 "01/10/2025,KC Tiga,30,KC Tiga,1,A,43207,1,10\n"
                                                 "01/10/2025,KC Tiga,31,KC Tiga,2,B,43207,1,10\n"));
  ASSERT_EQ(Offices(), "30");

  // Only 30 is in the later file, yet 31 (now KC Tiga's office) is recounted too.
  ASSERT_NO_FATAL_FAILURE(ImportCsv(
      "b.csv", std::string(kHeader) + "02/10/2025,KC Empat,30,KCP Tiga,1,A,43207,1,10\n"));
  ASSERT_EQ(Offices(), "31");
  EXPECT_EQ(StoredNsb(), DirectNsb());
  EXPECT_EQ(Nsb("2025-10-01", "kanca", "KC TIGA"), "1");
  EXPECT_EQ(Nsb("2025-10-01", "kanca", "KC EMPAT"), "1");
  EXPECT_EQ(Nsb("2025-10-01", "offices"), "1");
  EXPECT_EQ(Nsb("2025-10-01", "kcps"), "1");
}

}  // namespace
}  // namespace smedash::metrics::testing
