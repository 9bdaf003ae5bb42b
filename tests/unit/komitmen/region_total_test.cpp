// Regional total rows: recognised by the word "Region"/"RO" in column D, never loaded as a
// unit, and compared with the units' sum: a warning only beyond 1 % of the total.
#include "komitmen/region_total.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "target_file_support.hpp"

namespace smedash::komitmen {
namespace {

using namespace testing;

constexpr std::size_t kKurDeb = 0;
constexpr std::size_t kKurOs = 1;
constexpr std::size_t kKurPl = 2;

TEST(RegionTotal, TheWordRegionOrRoInAnyCaseMarksATotal) {
  for (const char* name : {"TOTAL RO BANDUNG", "Total Region 5", "ro", "Kanwil (RO)",
                           "TOTAL REGIONAL", "Jumlah-RO-Bandung"}) {
    EXPECT_TRUE(IsRegionTotalName(name)) << name;
  }
  for (const char* name :
       {"KCP Rokan", "KC Bandung AA", "ROBANDUNG", "KCP Pro", "Kanwil", "RÖ", ""}) {
    EXPECT_FALSE(IsRegionTotalName(name)) << name;
  }
}

TEST(RegionTotal, ATotalRowIsNotAUnitAndNeedsNoCodes) {
  const TargetFile file = ReadCsv(File({
      Line({"5", "5", "KC Bandung AA", "KC Bandung AA"}, {{kKurOs, "100"}}),
      Line({"", "", "", "Total RO Bandung"}, {{kKurOs, "100"}}),
  }));
  EXPECT_EQ(file.rows.size(), 1u);
  EXPECT_EQ(file.region_rows, 1u);
  EXPECT_TRUE(file.rejected.empty());
  EXPECT_TRUE(file.warnings.empty());
}

TEST(RegionTotal, ADifferenceWithinOnePercentIsNoWarningAndBeyondItIs) {
  // Units: OS 600 + 390.1 = 990.1 juta; total 1000: 0.99 % off, fine. DEB 10 + 9 = 19
  // debtors; total 20: 5 % off. PL 50 + 49.5 = 99.5; total 100.51: 1.005 % off.
  const TargetFile file = ReadCsv(File({
      Line({"TOTAL", "", "", "TOTAL RO"}, {{kKurDeb, "20"}, {kKurOs, "1000"}, {kKurPl, "100.51"}}),
      Line({"5", "5", "KC Bandung AA", "KC Bandung AA"},
           {{kKurDeb, "10"}, {kKurOs, "600"}, {kKurPl, "50"}}),
      Line({"5", "675", "KC Bandung AA", "KCP Rajawali"},
           {{kKurDeb, "9"}, {kKurOs, "390.1"}, {kKurPl, "49.5"}}),
  }));
  ASSERT_EQ(file.warnings.size(), 2u);
  EXPECT_EQ(Render(file.warnings[0]), "3 E '20' komitmen.file.region_mismatch");
  EXPECT_EQ(file.warnings[0].args.at("units"), "19");
  EXPECT_EQ(Render(file.warnings[1]), "3 G '100.51' komitmen.file.region_mismatch");
  EXPECT_EQ(file.warnings[1].args.at("region"), "100.51");
  EXPECT_EQ(file.warnings[1].args.at("units"), "99.5");
}

TEST(RegionTotal, ATotalAgainstUnitsWithoutThatTargetWarnsAndAnEmptyTotalIsNotCompared) {
  const TargetFile file = ReadCsv(File({
      Line({"5", "5", "KC Bandung AA", "KC Bandung AA"}, {{kKurDeb, "3"}}),
      Line({"", "", "", "Region"}, {{kKurOs, "0,5"}, {kKurPl, "-"}}),
  }));
  ASSERT_EQ(file.warnings.size(), 1u);  // DEB is empty on the total: not compared
  EXPECT_EQ(Render(file.warnings[0]), "4 F '0,5' komitmen.file.region_mismatch");
  EXPECT_EQ(file.warnings[0].args.at("region"), "0.5");
  EXPECT_EQ(file.warnings[0].args.at("units"), "0");
}

TEST(RegionTotal, RejectedUnitRowsDoNotCountInTheSum) {
  const TargetFile file = ReadCsv(File({
      Line({"5", "5", "KC Bandung AA", "KC Bandung AA"}, {{kKurOs, "50"}}),
      Line({"5", "675", "KC Bandung AA", "KCP Rajawali"}, {{kKurOs, "50"}, {kKurPl, "x"}}),
      Line({"", "", "", "TOTAL RO"}, {{kKurOs, "100"}}),
  }));
  EXPECT_EQ(file.rejected.size(), 1u);
  ASSERT_EQ(file.warnings.size(), 1u);
  EXPECT_EQ(file.warnings[0].args.at("units"), "50");
}

}  // namespace
}  // namespace smedash::komitmen
