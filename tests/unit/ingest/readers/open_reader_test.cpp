// Tests for src/ingest/open_reader.cpp: the format comes from the content (magic bytes)
// and must agree with the file's name; every disagreement names both.
#include "ingest/open_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "fixtures.hpp"
#include "ingest/validate/reasons.hpp"

namespace smedash::ingest {
namespace {

using testing::Fixtures;
using testing::TempDir;

const std::string kZipMagic("PK\x03\x04", 4);
const std::string kOle2Magic("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);

struct DetectCase {
  const char* label;
  std::string bytes;
  std::string name;
  std::optional<FileFormat> format;  // nullopt: FileError expected
  std::string message_part;
  std::string_view key = {};  // of the FileError
  std::map<std::string, std::string> args = {};
};

// gtest prints a failing case by label, not as a dump of its bytes.
void PrintTo(const DetectCase& test_case, std::ostream* out) { *out << test_case.label; }

class DetectFormatTest : public ::testing::TestWithParam<DetectCase> {};

TEST_P(DetectFormatTest, AgreesWithTheNameOrSaysWhy) {
  const DetectCase& test_case = GetParam();
  TempDir dir;
  const auto file = dir.Write("upload.bin", test_case.bytes);
  if (test_case.format) {
    EXPECT_EQ(DetectFormat(file, test_case.name), *test_case.format);
    return;
  }
  try {
    DetectFormat(file, test_case.name);
    ADD_FAILURE() << "no FileError";
  } catch (const FileError& error) {
    EXPECT_THAT(error.what(), ::testing::HasSubstr(test_case.message_part));
    testing::ExpectRefusal(error, test_case.key, test_case.args);
  }
}

std::map<std::string, std::string> Mismatch(const char* extension, const char* expected) {
  return {{"extension", extension}, {"expected", expected}};
}

const DetectCase kDetectCases[] = {
    {"csv", "a,b\n1,2\n", "posisi.csv", FileFormat::kCsv, ""},
    {"csv_upper_case", "a;b\n", "POSISI.CSV", FileFormat::kCsv, ""},
    {"xlsx", kZipMagic + "rest", "posisi.xlsx", FileFormat::kXlsx, ""},
    {"xlsx_mixed_case", kZipMagic + "rest", "Posisi.XlSx", FileFormat::kXlsx, ""},
    {"xls", kOle2Magic + "rest", "posisi.xls", FileFormat::kXls, ""},
    {"empty", "", "posisi.csv", std::nullopt, "File kosong", reason::kFileZeroBytes},
    {"empty_xlsx", "", "posisi.xlsx", std::nullopt, "File kosong", reason::kFileZeroBytes},
    {"xlsx_that_is_csv", "PERIODE,KANCA\n", "posisi.xlsx", std::nullopt,
     "File bernama .xlsx tetapi isinya bukan XLSX (zip): isinya teks (seperti CSV)",
     reason::kFileContentText, Mismatch(".xlsx", "XLSX (zip)")},
    {"xlsx_that_is_xls", kOle2Magic, "posisi.xlsx", std::nullopt,
     "isinya file Excel 97-2003 (.xls) atau file Office yang dilindungi kata sandi",
     reason::kFileContentOle2, Mismatch(".xlsx", "XLSX (zip)")},
    {"csv_that_is_zip", kZipMagic + "rest", "posisi.csv", std::nullopt,
     "File bernama .csv tetapi isinya bukan CSV: isinya arsip zip (format .xlsx)",
     reason::kFileContentZip, Mismatch(".csv", "CSV")},
    {"csv_that_is_xls", kOle2Magic, "posisi.csv", std::nullopt,
     "File bernama .csv tetapi isinya bukan CSV: isinya file Excel 97-2003",
     reason::kFileContentOle2, Mismatch(".csv", "CSV")},
    {"csv_with_nul", std::string("a,b\n1,\0", 7), "posisi.csv", std::nullopt,
     "isinya biner, bukan teks CSV", reason::kFileBinary},
    {"csv_utf16",
     std::string("\xFF\xFE"
                 "a\0",
                 4),
     "posisi.csv", std::nullopt, "teks UTF-16", reason::kFileContentUtf16, Mismatch(".csv", "CSV")},
    {"xls_that_is_zip", kZipMagic, "posisi.xls", std::nullopt,
     "File bernama .xls tetapi isinya bukan Excel 97-2003 (OLE2): isinya arsip zip",
     reason::kFileContentZip, Mismatch(".xls", "Excel 97-2003 (OLE2)")},
    {"xls_that_is_text", "<html><table>", "posisi.xls", std::nullopt,
     "File bernama .xls tetapi isinya bukan Excel 97-2003 (OLE2): isinya teks",
     reason::kFileContentText, Mismatch(".xls", "Excel 97-2003 (OLE2)")},
    {"xls_that_is_binary", std::string("\x01\0\x02", 3), "posisi.xls", std::nullopt,
     "isinya data biner", reason::kFileContentBinary, Mismatch(".xls", "Excel 97-2003 (OLE2)")},
    {"unsupported_extension",
     "a,b\n",
     "posisi.txt",
     std::nullopt,
     "Jenis file .txt tidak didukung",
     reason::kFileUnsupportedType,
     {{"extension", ".txt"}}},
    {"no_extension", "a,b\n", "posisi", std::nullopt, "File tanpa ekstensi tidak didukung",
     reason::kFileNoExtension},
};

INSTANTIATE_TEST_SUITE_P(Detect, DetectFormatTest, ::testing::ValuesIn(kDetectCases),
                         [](const auto& info) { return std::string(info.param.label); });

TEST(OpenReaderTest, NamesEachFormat) {
  EXPECT_EQ(FormatName(FileFormat::kCsv), "CSV");
  EXPECT_EQ(FormatName(FileFormat::kXlsx), "XLSX");
  EXPECT_EQ(FormatName(FileFormat::kXls), "XLS");
}

TEST(OpenReaderTest, OpensTheReaderForEachFormat) {
  TempDir dir;
  const auto csv = dir.Write("a.csv", "a;b\n1;2\n");
  auto reader = OpenReader(csv, DetectFormat(csv, "a.csv"));
  EXPECT_TRUE(reader->SemicolonDelimited());
  EXPECT_THAT(reader->Describe(), ::testing::StartsWith("CSV; "));

  const auto xlsx = Fixtures() / "libreoffice/loans.xlsx";
  EXPECT_THAT(OpenReader(xlsx, DetectFormat(xlsx, "loans.xlsx"))->Describe(),
              ::testing::StartsWith("XLSX; "));
  const auto xls = Fixtures() / "libreoffice/loans.xls";
  EXPECT_THAT(OpenReader(xls, DetectFormat(xls, "loans.xls"))->Describe(),
              ::testing::StartsWith("XLS; "));
}

TEST(OpenReaderTest, MissingFileIsAFileError) {
  EXPECT_THROW(DetectFormat("/nonexistent/upload.csv", "upload.csv"), FileError);
}

}  // namespace
}  // namespace smedash::ingest
