// The container FreeXL is given: the checked workbook stream alone, one contiguous chain.
// FreeXL reads a small stream from the start of the mini stream whatever its chain says,
// so a hostile file could make it parse bytes our checks never saw (found by fuzzing).
#include "ingest/xls/workbook_container.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "fixtures.hpp"
#include "ingest/validate/reasons.hpp"
#include "ingest/xls/compound_file.hpp"
#include "ingest/xls/xls_reader.hpp"

namespace smedash::ingest {
namespace {

using testing::Fixtures;
using testing::ReadAll;
using testing::TempDir;
using unit_testing::ReadFileBytes;

std::string RandomBytes(std::size_t size) {
  std::mt19937 random(static_cast<unsigned>(size));
  std::string bytes(size, '\0');
  for (auto& byte : bytes) byte = static_cast<char>(random() & 0xFF);
  return bytes;
}

// The copy FreeXL reads cannot be written (in production: the disk is full).
TEST(WorkbookContainerTest, AWorkingCopyThatCannotBeWrittenIsRefusedWithAKey) {
  TempDir dir;
  try {
    WriteWorkbookContainer(dir.Path() / "missing" / "copy.xls", "Workbook", RandomBytes(100));
    ADD_FAILURE() << "wrote into a folder that is not there";
  } catch (const FileError& error) {
    testing::ExpectRefusal(error, reason::kFileXlsWorkingCopy, {});
  }
}

TEST(WorkbookContainerTest, HoldsTheStreamExactlyAtEverySize) {
  TempDir dir;
  // Around the mini stream cutoff and the sector size, and past one FAT sector's reach.
  for (const std::size_t size : {1u, 64u, 2596u, 4095u, 4096u, 4097u, 12293u, 5000000u}) {
    const auto stream = RandomBytes(size);
    const auto path = dir.Path() / "copy.xls";
    WriteWorkbookContainer(path, "Workbook", stream);
    const auto read = ReadCompoundStream(path, "Workbook");
    ASSERT_TRUE(read.has_value()) << size;
    EXPECT_EQ(*read, stream) << size;
    EXPECT_EQ(ReadFileBytes(path).size() % 4096, 0u) << size;
  }
  WriteWorkbookContainer(dir.Path() / "book.xls", "Book", "BIFF5");
  EXPECT_EQ(ReadCompoundStream(dir.Path() / "book.xls", "Book"), "BIFF5");
  EXPECT_FALSE(ReadCompoundStream(dir.Path() / "book.xls", "Workbook").has_value());
}

TEST(WorkbookContainerTest, TheReaderReadsThroughTheCopyAndRemovesIt) {
  TempDir dir;
  const auto file = dir.Write("loans.xls", ReadFileBytes(Fixtures() / "libreoffice/loans.xls"));
  EXPECT_EQ(ReadAll(file, "loans.xls"), ReadAll(Fixtures() / "libreoffice/loans.xls", "loans.xls"));
  XlsReader reader(file, ReaderLimits::Defaults());
  EXPECT_FALSE(std::filesystem::exists(file.string() + ".checked.xls"));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.Path()),
                          std::filesystem::directory_iterator()),
            1);
}

// loans.xls keeps its 2,596-byte workbook in the mini stream, mini sectors 0..40 in a row.
// Sending mini sector 5 back to 2 makes the chain repeat sectors 2..5 until the stream's
// size is reached: bytes no writer wrote, which used to pass.
TEST(WorkbookContainerTest, AMiniStreamChainThatComesBackIsRefused) {
  std::string bytes = ReadFileBytes(Fixtures() / "libreoffice/loans.xls");
  std::uint32_t mini_fat_sector;
  std::memcpy(&mini_fat_sector, bytes.data() + 0x3C, 4);
  const std::size_t entry_5 = (std::size_t{mini_fat_sector} + 1) * 512 + 5 * 4;
  std::uint32_t next;
  std::memcpy(&next, bytes.data() + entry_5, 4);
  ASSERT_EQ(next, 6u) << "loans.xls is no longer laid out as this test expects";
  const std::uint32_t back = 2;
  std::memcpy(bytes.data() + entry_5, &back, 4);
  TempDir dir;
  const auto file = dir.Write("looping.xls", bytes);
  EXPECT_THROW(ReadCompoundStream(file, "Workbook"), FileError);
  EXPECT_THROW(XlsReader(file, ReaderLimits::Defaults()), FileError);
  EXPECT_FALSE(std::filesystem::exists(file.string() + ".checked.xls"));
}

}  // namespace
}  // namespace smedash::ingest
