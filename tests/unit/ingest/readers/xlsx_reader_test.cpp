// Tests for the XLSX reader on files written by openpyxl, xlsxwriter and LibreOffice, and
// on hand-made and hostile packages (make_fixtures.py). Each case: file → rows expected.
#include "ingest/xlsx/xlsx_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "ingest/validate/reasons.hpp"

namespace smedash::ingest {
namespace {

using testing::ExpectRefusal;
using testing::Fixtures;
using testing::ReadAll;
using testing::ReadError;
using testing::ReadFailure;
using Rows = std::vector<std::string>;

struct XlsxCase {
  const char* file;  // under Fixtures()
  Rows rows;
  std::string describe;
};

// gtest prints a failing case by file, not as a dump of its bytes.
void PrintTo(const XlsxCase& test_case, std::ostream* out) { *out << test_case.file; }

class XlsxTableTest : public ::testing::TestWithParam<XlsxCase> {};

TEST_P(XlsxTableTest, ReadsTheExpectedRows) {
  const XlsxCase& test_case = GetParam();
  const auto file = Fixtures() / test_case.file;
  EXPECT_EQ(ReadAll(file, file.filename().string()), test_case.rows);
  // The expat reference reads the sheet exactly as the scanner does.
  XlsxReader reference(file, ReaderLimits::Defaults(), SheetXmlReader::kExpat);
  std::vector<std::string> rows;
  Row row;
  while (reference.Next(row)) rows.push_back(testing::RenderRow(reference.Line(), row));
  EXPECT_EQ(rows, test_case.rows);

  XlsxReader reader(file, ReaderLimits::Defaults());
  EXPECT_EQ(reader.Describe(), test_case.describe);
  EXPECT_LT(reader.BytesRead(), std::filesystem::file_size(file));
  while (reader.Next(row)) {
  }
  EXPECT_EQ(reader.BytesRead(), std::filesystem::file_size(file));
}

const XlsxCase kXlsxCases[] = {
    {"openpyxl/dates.xlsx",
     {"1: t:PERIODE | t:TGL REALISASI | t:NOMOR REKENING | t:OS | t:RATE | t:KOL_ADK | t:FLAG | "
      "t:CATATAN",
      // Dates by format (default, date-time); a 15-digit account number as a number cell;
      // a bool; an error value.
      "2: d:2025-09-30 | d:2019-03-15 | n:123456789012345 | n:1234567.89 | n:0.095 | n:2 | "
      "b:TRUE | t:#N/A",
      // Built-in format 14; an Indonesian long date; 16 digits; floats that are whole.
      "3: d:2025-10-09 | d:2024-02-29 | n:1234567890123456 | n:1500000000000000 | "
      "n:0.0000001 | n:5 | b:FALSE | t:Bengkel Lima Jaya \xC3\xA9",
      // Row 4 (a styled empty cell) and row 5 (absent) are skipped; sparse cells placed.
      "6: t:sparse | - | - | n:42210 | - | n:42210",
      // Number formats that are not dates; a time alone is no day; serial 60 is
      // 1900-02-29, which never existed; built-in 15 and a quoted-literal custom format.
      "7: n:45000 | n:0.5 | d:1900-02-28 | n:60 | d:1900-03-01 | n:0.75 | d:2025-09-30 | "
      "d:2025-09-30"},
     "XLSX; sheet 'Posisi'; 1900 date system"},
    {"openpyxl/epoch1904.xlsx",
     {"1: t:PERIODE | t:OS", "2: d:2025-09-30 | n:100", "3: d:1904-01-01 | n:200"},
     "XLSX; sheet 'Mac'; 1904 date system"},
    {"xlsxwriter/inline.xlsx",  // constant_memory: every string inline
     {"1: t:PERIODE | t:NOMOR REKENING | t:OS | t:FLAG | t:FORMULA | t:BIG",
      "2: d:2025-09-30 | t:003301001234567 | n:1234567.89 | b:FALSE | t:ab | "
      "n:123456789012340000000",
      "4: d:2025-10-31 | t:003301009 | - | - | - | n:-0.5"},
     "XLSX; sheet 'Data'; 1900 date system"},
    {"xlsxwriter/shared.xlsx",  // shared strings, one of them rich text
     {"1: t:PERIODE | t:NOMOR REKENING | t:OS | t:FLAG | t:FORMULA | t:BIG",
      "2: d:2025-09-30 | t:003301001234567 | n:1234567.89 | b:FALSE | t:ab | "
      "n:123456789012340000000",
      "4: d:2025-10-31 | t:003301009 | - | - | - | n:-0.5"},
     "XLSX; sheet 'Data'; 1900 date system"},
    {"libreoffice/loans.xlsx",
     {"1: t:PERIODE | t:KANCA | t:KODE UKER | t:NOMOR REKENING | t:CIFNO | t:NAMA DEBITUR | "
      "t:OS | t:RATE",
      "2: d:2025-09-30 | t:KC BANDUNG | t:0005 | t:003301001234567 | n:123456789012345 | "
      "t:Bengkel \"Lima\" Jaya | n:1234567.89 | n:7.5",
      "3: d:2025-09-30 | t:KC CIMAHI | t:42210 | t:003301009999999 | n:98765 | "
      "t:Toko\nDua Baris | n:0.095 | n:10",
      "5: d:2025-10-31 | t:KCP DAGO | t:1234 | t:003301000000001 | n:1 | t:Ny. Siti \xC3\x84 | "
      "n:-2500"},
     "XLSX; sheet 'loans'; 1900 date system"},
    {"libreoffice/formulas.xlsx",  // formula results stored by LibreOffice
     {"1: t:NAMA | t:PERIODE | t:FLAG | t:OS | t:KODE | t:CEK",
      "2: t:Toko Maju | d:2025-09-30 | b:TRUE | n:1500000 | t:42210 | t:#DIV/0!",
      "3: t:Toko Maju Jaya | d:2025-10-31 | b:FALSE | n:1500000.25 | t:005 | t:#N/A"},
     "XLSX; sheet 'Rumus'; 1900 date system"},
    {"packages/values.xlsx",  // stored values exactly as Excel writes them
     {"1: t:NOMOR REKENING | t:Kanca | t: spasi ",
      "3: n:1234567890123400 | n:0.095 | n:42210 | n:-1234.5 | d:2025-09-30 | d:2025-09-30 | "
      "d:2025-09-30 | t:#DIV/0! | b:FALSE | t:a\rb | t:kode | n:3 | n:0 | n:0",
      "4: t:tanpa r | n:7 | - | - | - | t:<&> _x0041_"},
     "XLSX; sheet 'Data Posisi'; 1900 date system"},
    {"packages/prefixed.xlsx",
     {"1: t:PERIODE | n:5"},
     "XLSX; sheet 'Data Posisi'; 1900 date system"},
    {"packages/date1904.xlsx",
     {"1: d:1904-01-01 | d:2025-09-29"},
     "XLSX; sheet 'Data Posisi'; 1904 date system"},
    // ZIP64 as Python's zipfile (openpyxl's writer) forces it: sizes in the local ZIP64
    // extra fields; and a ZIP64 end of central directory, as written past 4 GB.
    {"packages/zip64_local.xlsx",
     {"1: t:PERIODE | n:5", "2: n:42210"},
     "XLSX; sheet 'Data Posisi'; 1900 date system"},
    {"packages/zip64_end.xlsx",
     {"1: t:PERIODE | n:5", "2: n:42210"},
     "XLSX; sheet 'Data Posisi'; 1900 date system"},
};

INSTANTIATE_TEST_SUITE_P(Xlsx, XlsxTableTest, ::testing::ValuesIn(kXlsxCases),
                         [](const auto& info) {
                           std::string name = info.param.file;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

struct XlsxErrorCase {
  const char* file;
  ReaderLimits limits;
  std::string message_part;
  std::string_view key = {};  // empty: only an Indonesian message (ingest.file.unreadable)
  std::map<std::string, std::string> args = {};
};

void PrintTo(const XlsxErrorCase& test_case, std::ostream* out) { *out << test_case.file; }

class XlsxErrorTest : public ::testing::TestWithParam<XlsxErrorCase> {};

TEST_P(XlsxErrorTest, RefusesWithAClearMessage) {
  const XlsxErrorCase& test_case = GetParam();
  const auto file = Fixtures() / test_case.file;
  const auto error = ReadFailure(file, "upload.xlsx", test_case.limits);
  ASSERT_TRUE(error) << "read to the end";
  EXPECT_THAT(error->what(), ::testing::HasSubstr(test_case.message_part));
  if (test_case.key.empty()) {
    EXPECT_EQ(error->Key(), "");
  } else {
    ExpectRefusal(*error, test_case.key, test_case.args);
  }
  // The expat reference refuses it the same way.
  try {
    XlsxReader reader(file, test_case.limits, SheetXmlReader::kExpat);
    Row row;
    while (reader.Next(row)) {
    }
    ADD_FAILURE() << "expat read " << test_case.file << " to the end";
  } catch (const FileError& error) {
    EXPECT_THAT(error.what(), ::testing::HasSubstr(test_case.message_part));
    EXPECT_EQ(error.Key(), test_case.key);
  }
}

ReaderLimits BombLimits() {
  ReaderLimits limits;
  limits.inflate_ratio_floor_bytes = 1 << 20;  // the 30 MB sheet is ~30 KB compressed
  return limits;
}

ReaderLimits FewZipEntries() {
  ReaderLimits limits;
  limits.max_zip_entries = 3;  // values.xlsx has 8
  return limits;
}

ReaderLimits TinySharedStrings() {
  ReaderLimits limits;
  limits.max_shared_strings_bytes = 10000;  // the part holds 1000 strings of ~103 bytes
  return limits;
}

const XlsxErrorCase kXlsxErrorCases[] = {
    {"packages/billion_laughs.xlsx",
     ReaderLimits::Defaults(),
     "'xl/sharedStrings.xml' berisi deklarasi DOCTYPE/entitas",
     reason::kFileDoctype,
     {{"part", "xl/sharedStrings.xml"}}},
    {"packages/external_entity.xlsx",
     ReaderLimits::Defaults(),
     "'xl/worksheets/data.xml' berisi deklarasi DOCTYPE/entitas",
     reason::kFileDoctype,
     {{"part", "xl/worksheets/data.xml"}}},
    {"packages/bomb.xlsx",
     BombLimits(),
     "kemungkinan zip bomb",
     reason::kFileZipBomb,
     {{"part", "xl/worksheets/data.xml"}}},
    {"packages/beyond_xfd.xlsx",
     ReaderLimits::Defaults(),
     "alamat sel 'XFE1' di luar batas",
     reason::kFileCellReference,
     {{"cell", "XFE1"}}},
    {"packages/beyond_last_row.xlsx",
     ReaderLimits::Defaults(),
     "nomor baris '1048577' di luar batas",
     reason::kFileRowNumber,
     {{"row", "1048577"}}},
    {"packages/bad_shared_index.xlsx",
     ReaderLimits::Defaults(),
     "sel A1 merujuk teks bersama nomor '5' yang tidak ada",
     reason::kFileSharedStringIndex,
     {{"cell", "A1"}, {"index", "5"}}},
    {"packages/many_shared_strings.xlsx",
     TinySharedStrings(),
     "tabel teks bersama",
     reason::kFileSharedStringsTooLarge,
     {{"max_mb", "0"}}},
    {"packages/escaping_target.xlsx",
     ReaderLimits::Defaults(),
     "ke luar paket",
     reason::kFileRelationshipOutside,
     {{"target", "../../../etc/passwd"}}},
    // Where "</sheetData>" (closing the open <row>) starts in the part.
    {"packages/malformed.xlsx",
     ReaderLimits::Defaults(),
     "bukan XML yang benar",
     reason::kFileXmlMalformed,
     {{"part", "xl/worksheets/data.xml"}, {"offset", "159"}}},
    {"packages/huge_cell.xlsx",
     ReaderLimits::Defaults(),
     "Sel A1: isinya lebih dari 64 KiB",
     reason::kFileCellTooLarge,
     {{"cell", "A1"}, {"max_kib", "64"}}},
    {"packages/not_a_workbook.xlsx", ReaderLimits::Defaults(), "bukan buku kerja Excel",
     reason::kFileNotWorkbook},
    {"packages/truncated.xlsx", ReaderLimits::Defaults(), "rusak atau terpotong",
     reason::kFileNotZip},
    // Archives whose headers disagree (zip_directory.hpp), and a CRC only libzip can check.
    {"packages/local_name_differs.xlsx", ReaderLimits::Defaults(), "tidak konsisten",
     reason::kFileZipInconsistent},
    {"packages/size_lie.xlsx",
     ReaderLimits::Defaults(),
     "bagian 'xl/worksheets/data.xml' berukuran lain dari yang dinyatakan",
     reason::kFilePartWrongSize,
     {{"part", "xl/worksheets/data.xml"}}},
    {"packages/data_into_directory.xlsx", ReaderLimits::Defaults(), "tidak konsisten",
     reason::kFileZipInconsistent},
    {"packages/trailing_bytes.xlsx", ReaderLimits::Defaults(), "bukan arsip XLSX (zip) yang utuh",
     reason::kFileNotZip},
    {"packages/duplicate_entry.xlsx", ReaderLimits::Defaults(), "tidak konsisten",
     reason::kFileZipInconsistent},
    {"packages/overlap.xlsx", ReaderLimits::Defaults(), "tidak konsisten",
     reason::kFileZipInconsistent},
    {"packages/crc_mismatch.xlsx", ReaderLimits::Defaults(), "rusak atau terpotong",
     reason::kFileNotZip},
    {"packages/values.xlsx",
     FewZipEntries(),
     "berisi 8 bagian, lebih dari batas 3",
     reason::kFileZipEntries,
     {{"count", "8"}, {"max", "3"}}},
    // openpyxl writes formulas without their results.
    {"openpyxl/formulas.xlsx",
     ReaderLimits::Defaults(),
     "Sel A2 berisi rumus tanpa nilai tersimpan",
     reason::kFileFormulaWithoutValue,
     {{"cell", "A2"}}},
};

INSTANTIATE_TEST_SUITE_P(Xlsx, XlsxErrorTest, ::testing::ValuesIn(kXlsxErrorCases),
                         [](const auto& info) {
                           std::string name = std::filesystem::path(info.param.file).stem();
                           return name;
                         });

// The bomb is refused with the production limits too (past the 16 MiB floor its ratio
// is about 1000), and the absolute cap holds even when the ratio is allowed.
TEST(XlsxReaderTest, ProductionLimitsAndTheAbsoluteCapRefuseTheBomb) {
  const auto file = Fixtures() / "packages/bomb.xlsx";
  EXPECT_THAT(ReadError(file, "bomb.xlsx"), ::testing::HasSubstr("zip bomb"));
  ReaderLimits limits;
  limits.max_inflate_ratio = 1000000;
  limits.max_entry_bytes = 8 << 20;
  EXPECT_THAT(ReadError(file, "bomb.xlsx", limits), ::testing::HasSubstr("zip bomb"));
}

}  // namespace
}  // namespace smedash::ingest
