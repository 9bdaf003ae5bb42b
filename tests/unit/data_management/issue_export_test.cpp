// The issue report's CSV: fields Excel reads back as written and never runs as formulas.
#include "data_management/issue_export.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace smedash::data_management {
namespace {

TEST(IssueExportTest, CsvHasABomTitlesAndOneLinePerIssue) {
  const auto path = std::filesystem::temp_directory_path() / "smedash-issues-test.csv";
  auto writer = OpenCsvIssueWriter(path, {"Baris", "Kolom", "Nilai", "Alasan", "Jenis"});
  writer->Write({3, "OS", "=1+1", "OS bukan jumlah, \"x\"", "Ditolak"});
  writer->Close();
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(),
            "\xEF\xBB\xBF"
            "Baris,Kolom,Nilai,Alasan,Jenis\r\n"
            "3,OS,'=1+1,\"OS bukan jumlah, \"\"x\"\"\",Ditolak\r\n");
  std::filesystem::remove(path);
}

TEST(IssueExportTest, XlsxIsAZipWorkbook) {
  const auto path = std::filesystem::temp_directory_path() / "smedash-issues-test.xlsx";
  auto writer = OpenXlsxIssueWriter(path, {"Line", "Column", "Value", "Reason", "Kind"}, "Issues");
  for (int line = 2; line < 1000; ++line) writer->Write({line, "OS", "x", "bad", "Rejected"});
  writer->Close();
  std::ifstream in(path, std::ios::binary);
  char magic[2] = {};
  in.read(magic, 2);
  EXPECT_EQ(std::string(magic, 2), "PK");
  EXPECT_GT(std::filesystem::file_size(path), 1000u);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace smedash::data_management
