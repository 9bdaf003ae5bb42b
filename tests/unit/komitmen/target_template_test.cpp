// The downloadable template: the bank's two header rows and one row per unit with no
// target, which the reader reads back as those units, in both formats.
#include "komitmen/target_template.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/open_reader.hpp"
#include "target_file_support.hpp"

namespace smedash::komitmen {
namespace {

using namespace testing;

const std::vector<TemplateUnit> kUnits = {
    {"5", "5", "KC Bandung AA", "KC Bandung AA"},
    {"5", "675", "KC Bandung AA", "KCP Rajawali, Bandung"},  // a comma for the CSV
    {"25", "1346", "KC Garut", "=KCP Cikajang"},             // never a formula
};

void ExpectUnitsWithoutTargets(const TargetFile& file) {
  EXPECT_TRUE(file.rejected.empty()) << Rendered(file.rejected)[0];
  EXPECT_TRUE(file.warnings.empty());
  ASSERT_EQ(file.rows.size(), kUnits.size());
  for (std::size_t i = 0; i < kUnits.size(); ++i) {
    const TargetRow& row = file.rows[i];
    EXPECT_EQ(row.line, i + 3);
    EXPECT_EQ(row.kode_kanca, kUnits[i].kode_kanca);
    EXPECT_EQ(row.kode_uker, kUnits[i].kode_uker);
    EXPECT_EQ(row.kanca, kUnits[i].kanca);
    for (const auto& value : row.values) EXPECT_EQ(value, std::nullopt);
  }
  EXPECT_EQ(file.rows[1].uker, "KCP Rajawali, Bandung");
}

std::vector<std::string> HeaderRows(const std::filesystem::path& path, const std::string& name) {
  const auto reader = ingest::OpenReader(path, ingest::DetectFormat(path, name));
  std::vector<std::string> rows;
  ingest::Row row;
  for (int i = 0; i < 2 && reader->Next(row); ++i) {
    std::string text;
    for (std::size_t i = 0; i < row.size(); ++i) text += (i == 0 ? "" : "|") + row[i].text;
    // Trailing empty cells may or may not be there, depending on the writer.
    while (!text.empty() && text.back() == '|') text.pop_back();
    rows.push_back(text);
  }
  return rows;
}

TEST(TargetTemplate, XlsxReadsBackAsTheUnitsWithNoTargets) {
  const unit_testing::TempDir dir;
  const auto path = dir.Write("template.xlsx", TemplateXlsx(kUnits));
  ExpectUnitsWithoutTargets(ReadTargetFile(path, "template.xlsx"));
  EXPECT_EQ(ReadTargetFile(path, "template.xlsx").rows[2].uker, "=KCP Cikajang");
}

TEST(TargetTemplate, CsvReadsBackAsTheUnitsWithNoTargets) {
  const unit_testing::TempDir dir;
  const auto path = dir.Write("template.csv", TemplateCsv(kUnits));
  ExpectUnitsWithoutTargets(ReadTargetFile(path, "template.csv"));
}

TEST(TargetTemplate, HeaderRowsNameTheGroupsAndMeasuresOfTheLayout) {
  const std::string measures = "DEB|OS|PL|NPL|DPK";
  const std::string second = "KODE KANCA|KODE UKER|NAMA KANCA|NAMA UKER|" + measures + "|" +
                             measures + "|" + measures + "|" + measures;
  const unit_testing::TempDir dir;
  const auto csv = dir.Write("t.csv", TemplateCsv({}));
  const auto csv_rows = HeaderRows(csv, "t.csv");
  ASSERT_EQ(csv_rows.size(), 2u);
  EXPECT_EQ(csv_rows[0], "||||KUR RITEL|||||SMALL SD 5M|||||KECIL NCC|||||KECIL CC");
  EXPECT_EQ(csv_rows[1], second);
  const auto xlsx = dir.Write("t.xlsx", TemplateXlsx({}));
  const auto xlsx_rows = HeaderRows(xlsx, "t.xlsx");
  ASSERT_EQ(xlsx_rows.size(), 2u);
  // Merged cells keep their text in the first cell only.
  EXPECT_EQ(xlsx_rows[0], "||||KUR RITEL|||||SMALL SD 5M|||||KECIL NCC|||||KECIL CC");
  EXPECT_EQ(xlsx_rows[1], second);
}

TEST(TargetTemplate, AnEmptyTemplateHasNoDataRow) {
  const unit_testing::TempDir dir;
  const auto path = dir.Write("empty.csv", TemplateCsv({}));
  EXPECT_THROW(ReadTargetFile(path, "empty.csv"), ingest::FileError);
}

}  // namespace
}  // namespace smedash::komitmen
