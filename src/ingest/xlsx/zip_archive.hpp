//! Read-only access to the zip container of an XLSX file through libzip: entries are found
//! by name and inflated as streams, with the zip bomb guard of ReaderLimits on every byte.
//! The directory is checked by ReadZipDirectory (zip_directory.hpp) before libzip opens it.
//! Nothing is ever extracted to disk.
#pragma once
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/sheet.hpp"
#include "ingest/source/reader_limits.hpp"
#include "ingest/xlsx/xml_events.hpp"
#include "ingest/xlsx/zip_directory.hpp"

struct zip;
struct zip_file;

namespace smedash::ingest {

class ZipArchive {
 public:
  // Throws FileError when the file is not a readable zip archive (not a zip, truncated,
  // inconsistent, more than limits.max_zip_entries entries).
  ZipArchive(const std::filesystem::path& path, const ReaderLimits& limits);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // The index of the entry called `name`: exact match first, then ignoring case (some
  // writers differ in case from what the relationships say).
  std::optional<std::uint64_t> Find(const std::string& name) const;
  zip* Handle() const { return archive_; }

 private:
  void CheckSameEntries(const std::vector<ZipDirectoryEntry>& entries) const;

  zip* archive_ = nullptr;
};

// One entry, inflated as it is read.
class ZipEntryReader final : public XmlInput {
 public:
  // Throws FileError when the entry cannot be opened (encrypted, unknown compression).
  ZipEntryReader(const ZipArchive& archive, std::uint64_t index, std::string name,
                 const ReaderLimits& limits);
  ~ZipEntryReader() override;
  ZipEntryReader(const ZipEntryReader&) = delete;
  ZipEntryReader& operator=(const ZipEntryReader&) = delete;

  // Up to `size` inflated bytes; 0 at the end of the entry. Throws FileError when the
  // data is corrupt (libzip checks the CRC at the end), inflates past the limits (zip
  // bomb), or ends at another size than the archive declares.
  std::size_t Read(char* dest, std::size_t size) override;

  const std::string& Name() const override { return name_; }
  std::uint64_t BytesOut() const { return bytes_out_; }
  // The inflated size the archive declares; Read() refuses an entry that does not keep to it.
  std::uint64_t DeclaredSize() const { return declared_size_; }

 private:
  FileError Bomb() const;
  FileError WrongSize() const;

  zip_file* file_ = nullptr;
  std::string name_;
  std::uint64_t compressed_size_ = 0;
  std::uint64_t declared_size_ = 0;
  std::uint64_t bytes_out_ = 0;
  std::uint64_t max_bytes_ = 0;  // from the limits and this entry's compressed size
};

}  // namespace smedash::ingest
