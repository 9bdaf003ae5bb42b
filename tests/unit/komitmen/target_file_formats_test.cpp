// The same komitmen sheet written by openpyxl, by LibreOffice (.xlsx and .xls, from the
// openpyxl workbook and from a CSV) and as CSV reads to the same rows, targets and
// regional-total warning (make_fixtures.py holds the sheet).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>

#include "target_file_support.hpp"

namespace smedash::komitmen {
namespace {

using namespace testing;

class TargetFileFormats : public ::testing::TestWithParam<std::string> {};

TEST_P(TargetFileFormats, ReadsTheBanksLayoutToTheSameRows) {
  const std::filesystem::path file = Fixtures() / GetParam();
  const TargetFile read = ReadTargetFile(file, file.filename().string());

  EXPECT_THAT(read.rejected, ::testing::IsEmpty()) << Rendered(read.rejected)[0];
  ASSERT_EQ(read.rows.size(), 3u);
  const TargetRow& bandung = read.rows[0];
  EXPECT_EQ(bandung.line, 3u);
  EXPECT_EQ(bandung.kode_kanca, "5");
  EXPECT_EQ(bandung.kode_uker, "5");
  EXPECT_EQ(bandung.uker, "KC Bandung AA");
  const auto kur = [](Measure m) { return Target(TargetGroup::kKurRitel, m); };
  const auto ncc = [](Measure m) { return Target(TargetGroup::kKecilNcc, m); };
  EXPECT_EQ(bandung.values[kur(Measure::kDeb)], Exact("12"));
  EXPECT_EQ(bandung.values[kur(Measure::kOs)], Exact("1500500000"));  // 1500.5 juta
  EXPECT_EQ(bandung.values[kur(Measure::kNpl)], std::nullopt);        // "-"
  EXPECT_EQ(bandung.values[kur(Measure::kDpk)], Exact("25250000"));   // 25.25 juta
  EXPECT_EQ(bandung.values[Target(TargetGroup::kSmallSd5m, Measure::kOs)], std::nullopt);
  EXPECT_EQ(bandung.values[ncc(Measure::kOs)], Exact("1234560000"));  // 1234.56 juta
  EXPECT_EQ(bandung.values[ncc(Measure::kNpl)], Exact("10000"));      // 0.01 juta
  EXPECT_EQ(bandung.values[ncc(Measure::kDpk)], Exact("0"));          // a target of zero
  EXPECT_EQ(bandung.values[Target(TargetGroup::kKecilCc, Measure::kDeb)], std::nullopt);

  const TargetRow& rajawali = read.rows[1];
  EXPECT_EQ(rajawali.kode_uker, "675");
  EXPECT_EQ(rajawali.uker, "KCP Rajawali Bandung");  // blanks collapsed
  EXPECT_EQ(rajawali.values[Target(TargetGroup::kKecilCc, Measure::kOs)], Exact("250000000"));
  EXPECT_EQ(read.rows[2].kode_uker, "25");
  EXPECT_EQ(read.rows[2].values[Target(TargetGroup::kSmallSd5m, Measure::kDpk)], Exact("5000000"));

  // TOTAL RO BANDUNG, line 6: PL 2000 against 1980 is exactly 1 % (no warning); NPL 10
  // against 2 + 3 is.
  EXPECT_EQ(read.region_rows, 1u);
  ASSERT_EQ(read.warnings.size(), 1u);
  const TargetIssue& warning = read.warnings[0];
  EXPECT_EQ(warning.line, 6u);
  EXPECT_EQ(warning.column, "H");
  EXPECT_EQ(warning.key, file_key::kRegionMismatch);
  EXPECT_EQ(warning.args.at("target"), "KUR RITEL NPL");
  EXPECT_EQ(warning.args.at("region"), "10");
  EXPECT_EQ(warning.args.at("units"), "5");
  EXPECT_FALSE(read.describe.empty());
}

INSTANTIATE_TEST_SUITE_P(Writers, TargetFileFormats,
                         ::testing::Values("openpyxl/komitmen.xlsx", "csv/komitmen.csv",
                                           "libreoffice-from-xlsx/komitmen.xlsx",
                                           "libreoffice-from-xlsx/komitmen.xls",
                                           "libreoffice-from-csv/komitmen.xlsx",
                                           "libreoffice-from-csv/komitmen.xls"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace smedash::komitmen
