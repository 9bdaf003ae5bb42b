// Tests for the XLS reader (FreeXL) on files LibreOffice writes: a CSV and an openpyxl
// workbook converted to Excel 97-2003.
#include "ingest/xls/xls_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <sstream>

#include "fixtures.hpp"
#include "ingest/xls/compound_file.hpp"

namespace smedash::ingest {
namespace {

using testing::Fixtures;
using testing::ReadAll;
using testing::ReadError;
using testing::TempDir;
using Rows = std::vector<std::string>;

TEST(XlsReaderTest, ReadsACsvConvertedByLibreOffice) {
  const auto file = Fixtures() / "libreoffice/loans.xls";
  const Rows expected = {
      "1: t:PERIODE | t:KANCA | t:KODE UKER | t:NOMOR REKENING | t:CIFNO | t:NAMA DEBITUR | "
      "t:OS | t:RATE",
      "2: d:2025-09-30 | t:KC BANDUNG | t:0005 | t:003301001234567 | n:123456789012345 | "
      "t:Bengkel \"Lima\" Jaya | n:1234567.89 | n:7.5",
      "3: d:2025-09-30 | t:KC CIMAHI | t:42210 | t:003301009999999 | n:98765 | "
      "t:Toko\nDua Baris | n:0.095 | n:10",
      "5: d:2025-10-31 | t:KCP DAGO | t:1234 | t:003301000000001 | n:1 | t:Ny. Siti \xC3\x84 | "
      "n:-2500"};
  EXPECT_EQ(ReadAll(file, "LOANS.XLS"), expected);

  XlsReader reader(file, ReaderLimits::Defaults());
  EXPECT_EQ(reader.Describe(), "XLS; sheet 'loans'; 1900 date system");
  EXPECT_EQ(reader.BytesRead(), 0u);
  Row row;
  while (reader.Next(row)) {
  }
  EXPECT_EQ(reader.BytesRead(), std::filesystem::file_size(file));
}

// The same cells as openpyxl/dates.xlsx, through LibreOffice's XLS export. The boolean
// and error cells are the ones FreeXL 1.0.6 leaves empty and BiffCells recovers. Only
// the time-only cells differ from XLSX: FreeXL reports them as times.
TEST(XlsReaderTest, ReadsDatesAndNumbersLikeTheXlsxReader) {
  const auto file = Fixtures() / "libreoffice/dates.xls";
  const Rows expected = {
      "1: t:PERIODE | t:TGL REALISASI | t:NOMOR REKENING | t:OS | t:RATE | t:KOL_ADK | t:FLAG | "
      "t:CATATAN",
      "2: d:2025-09-30 | d:2019-03-15 | n:123456789012345 | n:1234567.89 | n:0.095 | n:2 | "
      "b:TRUE | t:#N/A",
      "3: d:2025-10-09 | d:2024-02-29 | n:1234567890123456 | n:1500000000000000 | "
      "n:0.0000001 | n:5 | b:FALSE | t:Bengkel Lima Jaya \xC3\xA9",
      "6: t:sparse | - | - | n:42210 | - | n:42210",
      "7: n:45000 | t:12:00:00 | d:1900-02-28 | n:60 | d:1900-03-01 | t:18:00:00 | "
      "d:2025-09-30 | d:2025-09-30"};
  EXPECT_EQ(ReadAll(file, "dates.xls"), expected);
}

// Formula results (text, date, boolean, number, error), which FreeXL 1.0.6 does not
// return, read from the BIFF records: the same rows as the XLSX LibreOffice writes.
TEST(XlsReaderTest, ReadsFormulaResults) {
  const auto file = Fixtures() / "libreoffice/formulas.xls";
  const Rows expected = {
      "1: t:NAMA | t:PERIODE | t:FLAG | t:OS | t:KODE | t:CEK",
      "2: t:Toko Maju | d:2025-09-30 | b:TRUE | n:1500000 | t:42210 | t:#DIV/0!",
      "3: t:Toko Maju Jaya | d:2025-10-31 | b:FALSE | n:1500000.25 | t:005 | t:#N/A"};
  EXPECT_EQ(ReadAll(file, "formulas.xls"), expected);
  EXPECT_EQ(ReadAll(Fixtures() / "libreoffice/formulas.xlsx", "formulas.xlsx"), expected);
  XlsReader reader(file, ReaderLimits::Defaults());
  EXPECT_EQ(reader.Describe(), "XLS; sheet 'Rumus'; 1900 date system");
}

TEST(XlsReaderTest, RefusesABrokenFile) {
  TempDir dir;
  // OLE2 magic followed by garbage.
  const auto file = dir.Write(
      "broken.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(4096, 'x'));
  EXPECT_THAT(ReadError(file, "broken.xls"), ::testing::HasSubstr("File XLS rusak"));
}

std::string Bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(CompoundFileTest, ReadsTheWorkbookStream) {
  const auto stream = ReadCompoundStream(Fixtures() / "libreoffice/loans.xls", "WORKBOOK");
  ASSERT_TRUE(stream.has_value());
  ASSERT_GE(stream->size(), 4u);
  EXPECT_EQ(stream->substr(0, 2), std::string("\x09\x08", 2));  // BIFF8 BOF record
  EXPECT_FALSE(ReadCompoundStream(Fixtures() / "libreoffice/loans.xls", "Nope").has_value());
}

TEST(CompoundFileTest, RefusesTruncatedAndLoopingContainers) {
  const std::string original = Bytes(Fixtures() / "libreoffice/loans.xls");
  TempDir dir;
  const auto truncated = dir.Write("truncated.xls", original.substr(0, 1024));
  EXPECT_THROW(ReadCompoundStream(truncated, "Workbook"), FileError);

  // Point every sector of the allocation table at itself: every chain becomes a loop.
  std::string looping = original;
  std::uint32_t fat_sector;
  std::memcpy(&fat_sector, looping.data() + 0x4C, 4);
  const std::size_t fat_at = (std::size_t{fat_sector} + 1) * 512;
  for (std::uint32_t index = 0; index < 128; ++index) {
    std::uint32_t next;
    std::memcpy(&next, looping.data() + fat_at + index * 4, 4);
    if (next < 0xFFFFFFFA) std::memcpy(looping.data() + fat_at + index * 4, &index, 4);
  }
  const auto looped = dir.Write("looping.xls", looping);
  EXPECT_THROW(ReadCompoundStream(looped, "Workbook"), FileError);
}

}  // namespace
}  // namespace smedash::ingest
