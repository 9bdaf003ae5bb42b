#include "ingest/xls/compound_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "ingest/sheet.hpp"
#include "ingest/xls/xls_refusals.hpp"

namespace smedash::ingest {
namespace {

constexpr std::uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr std::uint32_t kMaxRegularSector = 0xFFFFFFFA;
constexpr std::size_t kHeaderBytes = 512;
constexpr std::size_t kDirectoryEntryBytes = 128;
constexpr std::uint16_t kMaxNameBytes = 64;  // a directory entry's name, NUL included

[[noreturn]] void Corrupt() { throw xls_refusal::Container(); }

std::uint16_t U16(const char* p) {
  std::uint16_t value;
  std::memcpy(&value, p, 2);
  return value;
}

std::uint32_t U32(const char* p) {
  std::uint32_t value;
  std::memcpy(&value, p, 4);
  return value;
}

std::uint64_t U64(const char* p) {
  std::uint64_t value;
  std::memcpy(&value, p, 8);
  return value;
}

// Owns a descriptor, so a constructor that throws half-way still closes it.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int Get() const { return fd_; }

 private:
  int fd_;
};

class CompoundFile {
 public:
  explicit CompoundFile(const std::filesystem::path& path)
      : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (fd_.Get() < 0) throw xls_refusal::CannotOpen();
    const off_t size = ::lseek(fd_.Get(), 0, SEEK_END);
    if (size < static_cast<off_t>(kHeaderBytes)) Corrupt();
    file_size_ = static_cast<std::uint64_t>(size);
    ReadAt(0, header_, kHeaderBytes);
    if (std::memcmp(header_, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0) Corrupt();
    const std::uint16_t shift = U16(header_ + 0x1E);
    const std::uint16_t mini_shift = U16(header_ + 0x20);
    if ((shift != 9 && shift != 12) || mini_shift != 6) Corrupt();
    sector_bytes_ = std::size_t{1} << shift;
    mini_sector_bytes_ = std::size_t{1} << mini_shift;
    version3_ = shift == 9;
    LoadFat();
  }

  std::optional<std::string> Stream(std::string_view name) {
    const std::string directory = Chain(fat_, U32(header_ + 0x30), sector_bytes_, nullptr,
                                        std::numeric_limits<std::uint64_t>::max());
    if (directory.size() < kDirectoryEntryBytes) Corrupt();
    // FreeXL converts every entry's name for as many bytes as the entry declares; MS-CFB
    // caps a name at 64 bytes (31 UTF-16 units and the NUL), and one declaring 17,408 made
    // FreeXL read far past its 128-byte entry (found by fuzzing).
    for (std::size_t at = 0; at + kDirectoryEntryBytes <= directory.size();
         at += kDirectoryEntryBytes) {
      if (U16(directory.data() + at + 0x40) > kMaxNameBytes) Corrupt();
    }
    for (std::size_t at = 0; at + kDirectoryEntryBytes <= directory.size();
         at += kDirectoryEntryBytes) {
      const char* entry = directory.data() + at;
      if (entry[0x42] != 2 || !NameIs(entry, name)) continue;  // 2: a stream
      std::uint64_t size = U64(entry + 0x78);
      if (version3_) size &= 0xFFFFFFFF;  // the high half may hold garbage in version 3
      if (size > file_size_) Corrupt();
      const std::uint32_t start = U32(entry + 0x74);
      if (size >= U32(header_ + 0x38)) return Chain(fat_, start, sector_bytes_, nullptr, size);
      // A small stream lives in the mini stream, the root entry's data, in 64-byte sectors.
      const char* root = directory.data();
      const std::string mini_stream =
          Chain(fat_, U32(root + 0x74), sector_bytes_, nullptr, U64(root + 0x78) & 0xFFFFFFFF);
      const std::string mini_fat_bytes = Chain(fat_, U32(header_ + 0x3C), sector_bytes_, nullptr,
                                               std::uint64_t{U32(header_ + 0x40)} * sector_bytes_);
      std::vector<std::uint32_t> mini_fat(mini_fat_bytes.size() / 4);
      if (!mini_fat.empty()) {
        std::memcpy(mini_fat.data(), mini_fat_bytes.data(), mini_fat.size() * 4);
      }
      return Chain(mini_fat, start, mini_sector_bytes_, &mini_stream, size);
    }
    return std::nullopt;
  }

 private:
  void ReadAt(std::uint64_t offset, char* dest, std::size_t size) const {
    if (offset + size > file_size_) Corrupt();
    std::size_t done = 0;
    while (done < size) {
      const ssize_t got =
          ::pread(fd_.Get(), dest + done, size - done, static_cast<off_t>(offset + done));
      if (got <= 0) Corrupt();
      done += static_cast<std::size_t>(got);
    }
  }

  void ReadSector(std::uint32_t sector, char* dest) const {
    if (sector > kMaxRegularSector) Corrupt();
    ReadAt((std::uint64_t{sector} + 1) * sector_bytes_, dest, sector_bytes_);
  }

  void LoadFat() {
    const std::size_t per_sector = sector_bytes_ / 4;
    const std::uint32_t fat_sectors = U32(header_ + 0x2C);
    // Each FAT sector maps sector_bytes_/4 sectors: more than the file holds is a lie.
    if (std::uint64_t{fat_sectors} * sector_bytes_ > file_size_) Corrupt();
    std::vector<std::uint32_t> fat_sector_ids;
    for (std::size_t i = 0; i < 109 && fat_sector_ids.size() < fat_sectors; ++i) {
      fat_sector_ids.push_back(U32(header_ + 0x4C + i * 4));
    }
    std::uint32_t difat = U32(header_ + 0x44);
    std::vector<char> sector(sector_bytes_);
    for (std::uint32_t hops = 0; fat_sector_ids.size() < fat_sectors; ++hops) {
      if (hops > U32(header_ + 0x48) || difat > kMaxRegularSector) Corrupt();
      ReadSector(difat, sector.data());
      for (std::size_t i = 0; i + 1 < per_sector && fat_sector_ids.size() < fat_sectors; ++i) {
        fat_sector_ids.push_back(U32(sector.data() + i * 4));
      }
      difat = U32(sector.data() + (per_sector - 1) * 4);
    }
    fat_.resize(fat_sector_ids.size() * per_sector);
    for (std::size_t i = 0; i < fat_sector_ids.size(); ++i) {
      ReadSector(fat_sector_ids[i], reinterpret_cast<char*>(fat_.data() + i * per_sector));
    }
  }

  // Follows a chain from `start` through `table`, reading sectors of `sector_bytes` from
  // the file (or from `container` for the mini stream), up to `size` bytes.
  std::string Chain(const std::vector<std::uint32_t>& table, std::uint32_t start,
                    std::size_t sector_bytes, const std::string* container,
                    std::uint64_t size) const {
    std::string data;
    std::uint32_t sector = start;
    // A chain visits each sector at most once (MS-CFB); one that comes back is a loop, and
    // would repeat bytes no writer wrote (found by fuzzing).
    std::vector<bool> visited(table.size());
    while (sector != kEndOfChain && data.size() < size) {
      if (sector >= table.size() || visited[sector]) Corrupt();
      visited[sector] = true;
      const std::size_t at = data.size();
      data.resize(at + sector_bytes);
      if (container != nullptr) {
        const std::uint64_t offset = std::uint64_t{sector} * sector_bytes;
        if (offset + sector_bytes > container->size()) Corrupt();
        std::memcpy(data.data() + at, container->data() + offset, sector_bytes);
      } else {
        ReadSector(sector, data.data() + at);
      }
      sector = table[sector];
    }
    if (size != std::numeric_limits<std::uint64_t>::max()) {
      if (data.size() < size) Corrupt();
      data.resize(size);
    }
    return data;
  }

  static bool NameIs(const char* entry, std::string_view name) {
    const std::uint16_t bytes = U16(entry + 0x40);  // UTF-16 code units × 2, with the NUL
    if (bytes != (name.size() + 1) * 2) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
      const std::uint16_t unit = U16(entry + i * 2);
      if (unit > 0x7F || std::tolower(unit) != std::tolower(static_cast<unsigned char>(name[i]))) {
        return false;
      }
    }
    return true;
  }

  Descriptor fd_;
  std::uint64_t file_size_ = 0;
  char header_[kHeaderBytes];
  std::size_t sector_bytes_ = 512;
  std::size_t mini_sector_bytes_ = 64;
  bool version3_ = true;
  std::vector<std::uint32_t> fat_;
};

}  // namespace

std::optional<std::string> ReadCompoundStream(const std::filesystem::path& path,
                                              std::string_view name) {
  CompoundFile file(path);
  return file.Stream(name);
}

}  // namespace smedash::ingest
