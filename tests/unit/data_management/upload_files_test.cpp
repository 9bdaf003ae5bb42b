// The upload's file on disk: accepted names, the stored name, the size label, the hash.
#include "data_management/upload_files.hpp"

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "support/temp_dir.hpp"

namespace smedash::data_management {
namespace {

TEST(UploadFilesTest, OnlyLoanFileExtensionsAreAccepted) {
  EXPECT_TRUE(HasAcceptedExtension("posisi.csv"));
  EXPECT_TRUE(HasAcceptedExtension("POSISI.XLSX"));
  EXPECT_TRUE(HasAcceptedExtension("lama.Xls"));
  EXPECT_FALSE(HasAcceptedExtension("posisi.csv.exe"));
  EXPECT_FALSE(HasAcceptedExtension("posisi.txt"));
  EXPECT_FALSE(HasAcceptedExtension("csv"));
  EXPECT_FALSE(HasAcceptedExtension(""));
}

TEST(UploadFilesTest, StoredNamesAreSafe) {
  EXPECT_EQ(SanitizeFileName("Posisi Oktober 2025.csv"), "Posisi_Oktober_2025.csv");
  EXPECT_EQ(SanitizeFileName("../../etc/passwd.csv"), "passwd.csv");
  EXPECT_EQ(SanitizeFileName("C:\\Users\\siti\\data.xlsx"), "data.xlsx");
  EXPECT_EQ(SanitizeFileName(".hidden.csv"), "hidden.csv");
  EXPECT_EQ(SanitizeFileName("data  (final) ;rm -rf.csv"), "data_final_rm_-rf.csv");
  EXPECT_EQ(SanitizeFileName("Pinjaman Cabang Garüt.xls"), "Pinjaman_Cabang_Gar_t.xls");
  EXPECT_EQ(SanitizeFileName("///"), "upload");
  const std::string stored = SanitizeFileName(std::string(300, 'a') + ".xlsx");
  EXPECT_EQ(stored.size(), 100u);
  EXPECT_TRUE(stored.ends_with("a.xlsx"));
}

TEST(UploadFilesTest, SizesReadTheSameInBothLanguages) {
  EXPECT_EQ(ByteSizeLabel(100ull * 1024 * 1024), "100 MB");
  EXPECT_EQ(ByteSizeLabel(64 * 1024), "64 KB");
  EXPECT_EQ(ByteSizeLabel(1), "1 KB");
  EXPECT_EQ(ByteSizeLabel(1536 * 1024), "2 MB");
}

TEST(UploadFilesTest, HashesTheWholeFile) {
  const auto path = std::filesystem::temp_directory_path() / "smedash-sha256-test.bin";
  std::ofstream(path, std::ios::binary) << "abc";
  EXPECT_EQ(Sha256OfFile(path), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  std::ofstream(path, std::ios::binary) << std::string(200 * 1024, 'x');  // several blocks
  EXPECT_EQ(Sha256OfFile(path).size(), 64u);
  std::filesystem::remove(path);
  EXPECT_THROW(Sha256OfFile(path), std::runtime_error);
}

// Storing an upload on another filesystem copies it; when that disk is full the copy
// fails with ENOSPC (the router answers 507) and leaves no partial file behind.
TEST(UploadFilesTest, AMoveOntoAFullDiskLeavesNoPartialCopy) {
  if (::geteuid() != 0) GTEST_SKIP() << "mounting a small tmpfs needs root";
  const unit_testing::TempDir source;
  const unit_testing::TempDir target;
  const auto from = source.Write("upload.part", std::string(2 * 1024 * 1024, 'x'));
  if (::mount("tmpfs", target.Path().c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=1m") != 0) {
    GTEST_SKIP() << "cannot mount a tmpfs here: " << std::strerror(errno);
  }
  const auto to = target.Path() / "uploads" / "2025-10-09" / "1-upload.csv";
  try {
    MoveFile(from, to);
    ADD_FAILURE() << "2 MiB cannot fit in 1 MiB";
  } catch (const std::filesystem::filesystem_error& error) {
    EXPECT_EQ(error.code(), std::errc::no_space_on_device) << error.what();
  }
  EXPECT_FALSE(std::filesystem::exists(to)) << "the partial copy must be removed";
  EXPECT_EQ(std::filesystem::file_size(from), 2U * 1024 * 1024) << "the upload itself stays";
  ::umount2(target.Path().c_str(), MNT_DETACH);
}

}  // namespace
}  // namespace smedash::data_management
