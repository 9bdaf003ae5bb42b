// Tests for the XLS reader (FreeXL) on files LibreOffice writes: a CSV and an openpyxl
// workbook converted to Excel 97-2003.
#include "ingest/xls/xls_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>

#include "fixtures.hpp"
#include "ingest/validate/reasons.hpp"
#include "ingest/xls/biff_bounds.hpp"
#include "ingest/xls/biff_records.hpp"
#include "ingest/xls/compound_file.hpp"
#include "ingest/xls/workbook_container.hpp"
#include "ingest/xls/xls_grid.hpp"

namespace smedash::ingest {
namespace {

using testing::ExpectRefusal;
using testing::Fixtures;
using testing::ReadAll;
using testing::ReadError;
using testing::ReadFailure;
using testing::TempDir;
using unit_testing::ReadFileBytes;
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
  const auto error = ReadFailure(file, "broken.xls");
  ASSERT_TRUE(error);
  ExpectRefusal(*error, reason::kFileXlsContainer, {});
}

// loans.xls with its sheet's DIMENSIONS record (BIFF8: rows first..last+1 as 32 bits,
// columns as 16) declaring `rows` x `columns` instead of the 5 x 8 LibreOffice wrote. The
// record lies whole in one sector of the file, so the bytes are patched in place.
std::string WithDimensions(std::uint32_t rows, std::uint16_t columns) {
  std::string bytes = ReadFileBytes(Fixtures() / "libreoffice/loans.xls");
  const std::string record("\x00\x02\x0E\x00\x00\x00\x00\x00\x05\x00\x00\x00\x00\x00\x08\x00", 16);
  const auto at = bytes.find(record);
  EXPECT_NE(at, std::string::npos) << "no 5 x 8 DIMENSIONS record in loans.xls";
  EXPECT_EQ(bytes.find(record, at + 1), std::string::npos) << "two DIMENSIONS records";
  if (at == std::string::npos) return bytes;
  std::memcpy(bytes.data() + at + 8, &rows, 4);
  std::memcpy(bytes.data() + at + 14, &columns, 2);
  return bytes;
}

// A hostile 6 KB file declaring the format's largest sheet would cost 268 MB inside
// freexl_open (measured: 264 MB peak RSS); it is refused before FreeXL sees it, with a
// translated reason and the figures.
TEST(XlsReaderTest, RefusesADeclaredGridOverTheCapBeforeFreeXlAllocatesIt) {
  TempDir dir;
  const auto file = dir.Write("hostile.xls", WithDimensions(65536, 256));
  try {
    XlsReader reader(file, ReaderLimits::Defaults());
    ADD_FAILURE() << "the hostile grid was opened";
  } catch (const FileError& error) {
    EXPECT_EQ(error.Key(), reason::kFileXlsGridTooLarge);
    EXPECT_EQ(
        error.Args(),
        (std::map<std::string, std::string>{
            {"cells", "16777216"}, {"rows", "65536"}, {"columns", "256"}, {"max", "8388608"}}));
  }
  // The 32-bit row count FreeXL multiplies without a check.
  const auto huge = dir.Write("huge.xls", WithDimensions(0xFFFFFFFF, 0xFFFF));
  EXPECT_THROW(XlsReader(huge, ReaderLimits::Defaults()), FileError);
}

// The count is exact: loans.xls declares 5 x 8 = 40 cells, so a cap of 40 reads it and
// 39 refuses it.
TEST(XlsReaderTest, TheCapCountsTheDeclaredCellsExactly) {
  const auto file = Fixtures() / "libreoffice/loans.xls";
  ReaderLimits limits;
  limits.max_xls_cells = 40;
  EXPECT_EQ(ReadAll(file, "loans.xls", limits).size(), 4u);
  limits.max_xls_cells = 39;
  try {
    XlsReader reader(file, limits);
    ADD_FAILURE() << "a 40-cell grid passed a cap of 39";
  } catch (const FileError& error) {
    EXPECT_EQ(error.Args().at("cells"), "40");
  }
}

// Synthetic workbook streams for DeclaredGrid: records are type, length, data.
std::string Record(std::uint16_t type, const std::string& data) {
  std::string record(4, '\0');
  const auto length = static_cast<std::uint16_t>(data.size());
  std::memcpy(record.data(), &type, 2);
  std::memcpy(record.data() + 2, &length, 2);
  return record + data;
}

template <typename... Values>
std::string Le(Values... values) {
  std::string bytes;  // little-endian, as the host (x86) and BIFF are
  ((bytes += std::string(reinterpret_cast<const char*>(&values), sizeof(values))), ...);
  return bytes;
}

std::string Bof(std::uint16_t version, std::uint16_t substream) {
  return Record(0x0809,
                Le(version, substream, std::uint32_t{0}, std::uint32_t{0}, std::uint32_t{0}));
}
const std::string kEofRecord = Record(0x000A, "");

std::string Dimensions8(std::uint32_t rows, std::uint16_t columns) {
  return Record(0x0200, Le(std::uint32_t{0}, rows, std::uint16_t{0}, columns, std::uint16_t{0}));
}

TEST(XlsGridTest, SumsEveryDeclaredGridIncludingEmbeddedCharts) {
  const std::string stream = Bof(0x0600, 0x0005) + kEofRecord +                         // globals
                             Bof(0x0600, 0x0010) + Dimensions8(100, 10) + kEofRecord +  // sheet 1
                             Bof(0x0600, 0x0010) + Dimensions8(3, 2) +  // sheet 2...
                             Bof(0x0600, 0x0020) + Dimensions8(5, 1) + kEofRecord +
                             kEofRecord;  // ...and its chart
  const XlsGrid grid = DeclaredGrid(stream);
  EXPECT_EQ(grid.cells, 1000u + 6u + 5u);
  EXPECT_EQ(grid.largest_rows, 100u);
  EXPECT_EQ(grid.largest_columns, 10u);
}

TEST(XlsGridTest, AWorksheetWithoutDimensionsCountsToItsFurthestCell) {
  const std::string number =
      Record(0x0203, Le(std::uint16_t{9}, std::uint16_t{2}, std::uint16_t{15}, 1.5));
  // MULRK: row 4, columns 1 to 6 (six RK values of 6 bytes), last column at the end.
  const std::string mulrk = Record(0x00BD, Le(std::uint16_t{4}, std::uint16_t{1}) +
                                               std::string(36, '\0') + Le(std::uint16_t{6}));
  const std::string stream =
      Bof(0x0600, 0x0005) + kEofRecord + Bof(0x0600, 0x0010) + number + mulrk + kEofRecord;
  const XlsGrid grid = DeclaredGrid(stream);
  EXPECT_EQ(grid.cells, 10u * 7u);
  // Cut before its EOF, the sheet still counts (FreeXL allocates it all the same).
  EXPECT_EQ(DeclaredGrid(stream.substr(0, stream.size() - 4)).cells, 70u);
}

TEST(XlsGridTest, ReadsBiff5DimensionsAndStopsAtARecordPastTheEnd) {
  const std::string dimensions5 =
      Record(0x0200, Le(std::uint16_t{0}, std::uint16_t{300}, std::uint16_t{0}, std::uint16_t{12},
                        std::uint16_t{0}));
  const std::string stream =
      Bof(0x0500, 0x0005) + kEofRecord + Bof(0x0500, 0x0010) + dimensions5 + kEofRecord;
  EXPECT_EQ(DeclaredGrid(stream).cells, 3600u);
  // A DIMENSIONS record whose length runs past the stream is not read (nor is it by FreeXL).
  std::string cut = Bof(0x0600, 0x0010) + Dimensions8(1000, 100);
  cut.resize(cut.size() - 1);
  EXPECT_EQ(DeclaredGrid(cut).cells, 0u);
}

// loans.xls with its first FORMAT record's code ("General", 7 one-byte characters)
// declaring `count` two-byte characters instead. The record lies whole in the file, so it
// is found by its bytes and patched in place.
std::string WithFormatLength(std::uint16_t count) {
  std::string bytes = ReadFileBytes(Fixtures() / "libreoffice/loans.xls");
  const auto stream = ReadCompoundStream(Fixtures() / "libreoffice/loans.xls", "Workbook");
  biff::Records records(*stream, 0);
  biff::Record record;
  while (records.Next(record) && record.type != 0x041E) {
  }
  EXPECT_EQ(record.type, 0x041E) << "no FORMAT record in loans.xls";
  const std::size_t offset = record.data.data() - stream->data() - 4;
  const auto at = bytes.find(stream->substr(offset, 4 + record.data.size()));
  EXPECT_NE(at, std::string::npos) << "the FORMAT record is split in the file";
  if (at == std::string::npos) return bytes;
  std::memcpy(bytes.data() + at + 6, &count, 2);
  bytes[at + 8] = 0x01;  // two bytes a character
  return bytes;
}

// Found by fuzzing: FreeXL copied a FORMAT code for the length it declares (65,525
// two-byte characters, 131,050 bytes, from a 15-byte record) and read past its 64 KiB
// workbook buffer. A string longer than its record is refused before FreeXL opens the file.
TEST(XlsReaderTest, RefusesAFormatStringLongerThanItsRecord) {
  TempDir dir;
  const auto file = dir.Write("long_format.xls", WithFormatLength(65525));
  EXPECT_THAT(ReadError(file, "long_format.xls"),
              ::testing::HasSubstr("melampaui panjang catatan itu"));
  // 3 two-byte characters fill the 7 bytes "General" took, less one: still inside.
  const auto fits = dir.Write("short_format.xls", WithFormatLength(3));
  EXPECT_NO_THROW(CheckBiffBounds(*ReadCompoundStream(fits, "Workbook")));
}

// Found by fuzzing: FreeXL read an empty DIMENSIONS record's fields from what the record
// before left in its buffer, sized the sheet from them and freed cells past it.
TEST(XlsReaderTest, RefusesARecordShorterThanTheFieldsFreeXlReads) {
  std::string bytes = WithDimensions(5, 8);  // loans.xls as LibreOffice wrote it
  const auto at = bytes.find(std::string("\x00\x02\x0E\x00", 4));
  ASSERT_NE(at, std::string::npos);
  bytes[at + 2] = 0;  // length 0: the 14 bytes after it now read as records of their own
  TempDir dir;
  const auto file = dir.Write("empty_dimensions.xls", bytes);
  EXPECT_THAT(ReadError(file, "empty_dimensions.xls"),
              ::testing::HasSubstr("melampaui panjang catatan itu"));
  for (const std::uint16_t type :
       {0x0809, 0x0042, 0x0022, 0x0200, 0x00E0, 0x0203, 0x0205, 0x027E, 0x00BD, 0x00FD, 0x00FC}) {
    EXPECT_THROW(CheckBiffBounds(Bof(0x0600, 0x0005) + Record(type, "") + kEofRecord), FileError)
        << type;
  }
}

// A synthetic BIFF8 globals stream holding `records` after the BOF.
std::string Globals8(const std::string& records) {
  return Bof(0x0600, 0x0005) + records + kEofRecord;
}

// An SST of one string "abcdef" split after `first` characters, the rest in a CONTINUE
// record of `rest` characters (each record repeats the flags byte, 0: one byte each).
std::string SplitSst(std::uint16_t first, std::uint16_t rest, std::uint16_t declared) {
  const std::string text = "abcdefghijklmnopqrstuvwxyz";
  return Record(0x00FC, Le(std::uint32_t{1}, std::uint32_t{1}, declared, std::uint8_t{0}) +
                            text.substr(0, first)) +
         Record(0x003C, std::string(1, '\0') + text.substr(first, rest));
}

TEST(BiffBoundsTest, AcceptsStringsThatFitTheirRecords) {
  EXPECT_NO_THROW(CheckBiffBounds(Globals8(SplitSst(3, 3, 6))));
  EXPECT_NO_THROW(CheckBiffBounds(Globals8(SplitSst(6, 0, 6))));
  const std::string label = Record(0x0204, Le(std::uint16_t{0}, std::uint16_t{0}, std::uint16_t{15},
                                              std::uint16_t{2}, std::uint8_t{0}) +
                                               "ok");
  EXPECT_NO_THROW(CheckBiffBounds(Globals8(label)));
  for (const char* name : {"loans.xls", "dates.xls", "formulas.xls"}) {
    const auto stream = ReadCompoundStream(Fixtures() / "libreoffice" / name, "Workbook");
    ASSERT_TRUE(stream.has_value()) << name;
    EXPECT_NO_THROW(CheckBiffBounds(*stream)) << name;
  }
}

// Each a string FreeXL would copy past the record that holds it.
TEST(BiffBoundsTest, RefusesStringsLongerThanTheirRecords) {
  // The characters carried into the CONTINUE record are more than it holds.
  EXPECT_THROW(CheckBiffBounds(Globals8(SplitSst(3, 3, 60000))), FileError);
  // More strings declared than the table holds.
  EXPECT_THROW(
      CheckBiffBounds(Globals8(Record(0x00FC, Le(std::uint32_t{0}, std::uint32_t{0xFFFFFFFF})))),
      FileError);
  // A LABEL cell's text, and one too short for its count.
  EXPECT_THROW(CheckBiffBounds(
                   Globals8(Record(0x0204, Le(std::uint16_t{0}, std::uint16_t{0}, std::uint16_t{15},
                                              std::uint16_t{40000}, std::uint8_t{1}) +
                                               "ok"))),
               FileError);
  EXPECT_THROW(CheckBiffBounds(Globals8(Record(0x0204, Le(std::uint16_t{0})))), FileError);
  // A sheet name of 200 characters in a 10-byte BOUNDSHEET record.
  EXPECT_THROW(CheckBiffBounds(Globals8(Record(0x0085, Le(std::uint32_t{0}, std::uint16_t{0},
                                                          std::uint8_t{200}, std::uint8_t{0}) +
                                                           "ab"))),
               FileError);
}

TEST(CompoundFileTest, ReadsTheWorkbookStream) {
  const auto stream = ReadCompoundStream(Fixtures() / "libreoffice/loans.xls", "WORKBOOK");
  ASSERT_TRUE(stream.has_value());
  ASSERT_GE(stream->size(), 4u);
  EXPECT_EQ(stream->substr(0, 2), std::string("\x09\x08", 2));  // BIFF8 BOF record
  EXPECT_FALSE(ReadCompoundStream(Fixtures() / "libreoffice/loans.xls", "Nope").has_value());
}

TEST(CompoundFileTest, RefusesTruncatedAndLoopingContainers) {
  const std::string original = ReadFileBytes(Fixtures() / "libreoffice/loans.xls");
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

// Found by fuzzing: FreeXL read a directory entry's name for the length the entry declares
// (here 17,408 bytes, past the 128-byte entry). MS-CFB allows 64; more is refused before
// FreeXL opens the file.
TEST(CompoundFileTest, RefusesADirectoryEntryNameLongerThan64Bytes) {
  std::string bytes = ReadFileBytes(Fixtures() / "libreoffice/loans.xls");
  std::uint32_t directory_sector;
  std::memcpy(&directory_sector, bytes.data() + 0x30, 4);
  const std::size_t root_entry = (std::size_t{directory_sector} + 1) * 512;
  const std::uint16_t name_bytes = 17408;
  std::memcpy(bytes.data() + root_entry + 0x40, &name_bytes, 2);
  TempDir dir;
  const auto file = dir.Write("long_name.xls", bytes);
  EXPECT_THROW(ReadCompoundStream(file, "Workbook"), FileError);
  EXPECT_THAT(ReadError(file, "long_name.xls"), ::testing::HasSubstr("OLE2"));
  const auto error = ReadFailure(file, "long_name.xls");
  ASSERT_TRUE(error);
  ExpectRefusal(*error, reason::kFileXlsContainer, {});
}

// A workbook stream of the globals alone (`records` between their BOF and EOF): no sheet.
std::string WorkbookGlobals(const std::string& records) {
  return Bof(0x0600, 0x0005) + records + kEofRecord;
}

TEST(XlsReaderTest, RefusesAnOle2FileWithoutAWorkbookStream) {
  TempDir dir;
  const auto file = dir.Path() / "other.xls";
  WriteWorkbookContainer(file, "Other", WorkbookGlobals(""));
  const auto error = ReadFailure(file, "other.xls");
  ASSERT_TRUE(error);
  ExpectRefusal(*error, reason::kFileXlsNotWorkbook, {});
}

TEST(XlsReaderTest, RefusesAWorkbookWithoutASheet) {
  TempDir dir;
  const auto file = dir.Path() / "no_sheet.xls";
  WriteWorkbookContainer(file, "Workbook", WorkbookGlobals(""));
  const auto error = ReadFailure(file, "no_sheet.xls");
  ASSERT_TRUE(error);
  ExpectRefusal(*error, reason::kFileXlsNoSheet, {});
}

// FILEPASS: the workbook is encrypted (RC4, as Excel writes it with a password to open).
TEST(XlsReaderTest, RefusesAPasswordProtectedWorkbook) {
  TempDir dir;
  const auto file = dir.Path() / "password.xls";
  const std::string rc4 = std::string("\x01\x00\x01\x00\x01\x00", 6) + std::string(48, '\x5A');
  WriteWorkbookContainer(file, "Workbook", WorkbookGlobals(Record(0x002F, rc4)));
  const auto error = ReadFailure(file, "password.xls");
  ASSERT_TRUE(error);
  ExpectRefusal(*error, reason::kFileXlsPassword, {});
}

TEST(CompoundFileTest, AFileThatCannotBeOpenedIsRefusedWithAKey) {
  TempDir dir;
  try {
    ReadCompoundStream(dir.Path() / "gone.xls", "Workbook");
    ADD_FAILURE() << "read a file that is not there";
  } catch (const FileError& error) {
    ExpectRefusal(error, reason::kFileXlsCannotOpen, {});
  }
}

}  // namespace
}  // namespace smedash::ingest
