// BuildPreview on files written for each case: what maps, what is missing, the positions
// and their row counts, the first rows as read, and why a file cannot be processed.
#include "ingest/preview.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace smedash::ingest {
namespace {

class PreviewTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "preview-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Preview Of(const std::string& name, const std::string& content,
             NumberStyle style = NumberStyle::kAuto, const PreviewOptions& options = {}) {
    const auto path = dir_ / ("body-" + std::to_string(++files_));
    std::ofstream(path, std::ios::binary) << content;
    return BuildPreview(path, name, style, options);
  }

  std::filesystem::path dir_;
  int files_ = 0;
};

const char* const kHeader = "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS";

std::string Rows(int count, const std::string& periode) {
  std::string rows;
  for (int index = 0; index < count; ++index) {
    rows += periode + ",KC Garut,25," + std::to_string(100000000000000 + index) +
            ",C1,43207,1,1000000\n";
  }
  return rows;
}

TEST_F(PreviewTest, CountsEveryPositionAndShowsTheFirstTenRows) {
  auto preview = Of("posisi.csv", std::string(kHeader) + ",CATATAN\n" + Rows(12, "09/10/2025") +
                                      Rows(3, "2025-10-08") + Rows(1, "31-12-2024"));
  EXPECT_TRUE(preview.can_process) << preview.problem_key;
  EXPECT_EQ(preview.format, FileFormat::kCsv);
  EXPECT_FALSE(preview.reader.empty());
  ASSERT_EQ(preview.headers.size(), 9u);
  EXPECT_EQ(preview.headers[0].column, Column::kPeriode);
  EXPECT_EQ(preview.headers[8].header, "CATATAN");
  EXPECT_FALSE(preview.headers[8].column.has_value());
  EXPECT_EQ(preview.unknown_headers, std::vector<std::string>{"CATATAN"});
  EXPECT_TRUE(preview.periodes_scanned);
  EXPECT_EQ(preview.data_rows, 16u);
  EXPECT_EQ(preview.periodes, (std::map<std::string, std::uint64_t>{
                                  {"2024-12-31", 1}, {"2025-10-08", 3}, {"2025-10-09", 12}}));
  EXPECT_EQ(preview.rows_without_periode, 0u);

  ASSERT_EQ(preview.rows.size(), 10u);
  const auto& first = preview.rows[0];
  EXPECT_EQ(first.line, 2u);
  EXPECT_FALSE(first.rejected);
  EXPECT_EQ(first.raw[0], "09/10/2025");
  EXPECT_EQ(first.values[0], "2025-10-09");
  EXPECT_EQ(first.values[7], "1000000.00");
  EXPECT_EQ(first.raw[8], "");  // the unknown column's cell is not read
  EXPECT_FALSE(first.values[8].has_value());
}

TEST_F(PreviewTest, RejectedSampleRowsCarryTheirReasons) {
  auto preview = Of("posisi.csv", std::string(kHeader) +
                                      "\n09/10/2025,KC Garut,25,1,C1,43207,9,100\n"
                                      "kemarin,KC Garut,25,2,C1,43207,1,100\n");
  EXPECT_TRUE(preview.can_process);
  ASSERT_EQ(preview.rows.size(), 2u);
  EXPECT_TRUE(preview.rows[0].rejected);
  ASSERT_FALSE(preview.rows[0].issues.empty());
  EXPECT_EQ(preview.rows[0].issues[0].column, "KOL_ADK");
  EXPECT_EQ(preview.rows[0].issues[0].line, 2u);
  EXPECT_FALSE(preview.rows[0].values[0].has_value());
  EXPECT_TRUE(preview.rows[1].rejected);
  EXPECT_EQ(preview.rows_without_periode, 1u);
  EXPECT_EQ(preview.periodes.size(), 1u);
}

TEST_F(PreviewTest, AnAutoNumberStyleIsDecidedFromTheFile) {
  auto preview = Of("posisi.csv",
                    "PERIODE;KANCA;KODE UKER;NOMOR REKENING;CIFNO;CODE;KOL_ADK;OS\n"
                    "09/10/2025;KC Garut;25;1;C1;43207;1;1.234.567,89\n");
  EXPECT_TRUE(preview.can_process);
  EXPECT_EQ(preview.number_style, NumberStyle::kIndonesian);
  EXPECT_EQ(preview.rows[0].values[7], "1234567.89");
}

TEST_F(PreviewTest, MissingRequiredColumnsAreListed) {
  auto preview =
      Of("posisi.csv",
         "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CODE,KOL_ADK\n09/10/2025,KC,25,1,43207,1\n");
  EXPECT_FALSE(preview.can_process);
  EXPECT_EQ(preview.problem_key, "ingest.file.missing_columns");
  EXPECT_NE(preview.problem_args.at("missing").find("CIFNO"), std::string::npos);
  EXPECT_NE(preview.problem_args.at("found").find("KODE UKER"), std::string::npos);
  EXPECT_FALSE(preview.missing_required.empty());
  ASSERT_EQ(preview.rows.size(), 1u);  // shown as written, nothing validated
  EXPECT_EQ(preview.rows[0].raw[0], "09/10/2025");
  EXPECT_FALSE(preview.rows[0].values[0].has_value());
}

TEST_F(PreviewTest, AColumnNamedTwiceIsRefused) {
  auto preview = Of("posisi.csv", std::string(kHeader) + ",Kode_Uker\n" +
                                      "09/10/2025,KC,25,1,C1,43207,1,100,25\n");
  EXPECT_FALSE(preview.can_process);
  EXPECT_EQ(preview.problem_key, "ingest.file.duplicate_columns");
  EXPECT_TRUE(preview.headers[8].duplicate);
  EXPECT_FALSE(preview.headers[2].duplicate);
}

TEST_F(PreviewTest, EmptyHeaderOnlyAndDatelessFilesCannotBeProcessed) {
  EXPECT_FALSE(Of("kosong.csv", "").can_process);
  auto header_only = Of("judul.csv", std::string(kHeader) + "\n");
  EXPECT_EQ(header_only.problem_key, "ingest.file.header_only");
  auto dateless = Of("tanggal.csv", std::string(kHeader) + "\nkemarin,KC,25,1,C1,43207,1,100\n");
  EXPECT_EQ(dateless.problem_key, "upload.preview.no_periode");
}

TEST_F(PreviewTest, AFileTheReaderRefusesSaysWhy) {
  auto preview = Of("posisi.xlsx", std::string(kHeader) + "\n" + Rows(1, "09/10/2025"));
  EXPECT_FALSE(preview.can_process);
  EXPECT_EQ(preview.problem_key, "ingest.file.content_text");
  EXPECT_EQ(preview.problem_args.at("extension"), ".xlsx");
}

TEST_F(PreviewTest, WithoutTheScanOnlyTheSampleIsRead) {
  PreviewOptions options;
  options.scan_periodes = false;
  options.sample_rows = 2;
  options.style_rows = 0;
  auto preview = Of("posisi.csv", std::string(kHeader) + "\n" + Rows(50, "09/10/2025"),
                    NumberStyle::kInternational, options);
  EXPECT_TRUE(preview.can_process);
  EXPECT_FALSE(preview.periodes_scanned);
  EXPECT_TRUE(preview.periodes.empty());
  EXPECT_EQ(preview.rows.size(), 2u);
  EXPECT_LT(preview.data_rows, 50u);
}

TEST(NumberStyleCodeTest, RoundTrips) {
  for (const auto style :
       {NumberStyle::kAuto, NumberStyle::kIndonesian, NumberStyle::kInternational}) {
    EXPECT_EQ(ParseNumberStyle(NumberStyleCode(style)), style);
  }
  EXPECT_FALSE(ParseNumberStyle("us").has_value());
}

}  // namespace
}  // namespace smedash::ingest
