#include "ingest/xls/workbook_container.hpp"

#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/sheet.hpp"
#include "ingest/xls/xls_refusals.hpp"

namespace smedash::ingest {
namespace {

constexpr std::size_t kSectorBytes = 4096;
constexpr std::size_t kFatEntriesPerSector = kSectorBytes / 4;
constexpr std::size_t kHeaderFatSlots = 109;  // FAT sectors listed in the header itself
constexpr std::uint32_t kFreeSector = 0xFFFFFFFF;
constexpr std::uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr std::uint32_t kFatSector = 0xFFFFFFFD;
constexpr std::uint32_t kNoStream = 0xFFFFFFFF;

void Put16(std::string& out, std::size_t at, std::uint16_t value) {
  std::memcpy(out.data() + at, &value, 2);
}
void Put32(std::string& out, std::size_t at, std::uint32_t value) {
  std::memcpy(out.data() + at, &value, 4);
}
void Put64(std::string& out, std::size_t at, std::uint64_t value) {
  std::memcpy(out.data() + at, &value, 8);
}

struct Layout {
  std::uint32_t fat_sectors = 1;
  std::uint32_t data_sectors = 0;
  std::uint32_t Directory() const { return fat_sectors; }
  std::uint32_t FirstData() const { return fat_sectors + 1; }
  std::uint32_t Total() const { return fat_sectors + 1 + data_sectors; }
};

Layout Plan(std::size_t stream_bytes) {
  Layout layout;
  layout.data_sectors =
      static_cast<std::uint32_t>((stream_bytes + kSectorBytes - 1) / kSectorBytes);
  // The FAT maps its own sectors too, so it grows until it covers everything.
  while (std::uint64_t{layout.fat_sectors} * kFatEntriesPerSector < layout.Total()) {
    ++layout.fat_sectors;
  }
  return layout;
}

std::string Header(const Layout& layout) {
  std::string header(kSectorBytes, '\0');  // version 4: the header fills a whole sector
  std::memcpy(header.data(), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  Put16(header, 0x18, 0x003E);  // minor version
  Put16(header, 0x1A, 0x0004);  // major version
  Put16(header, 0x1C, 0xFFFE);  // little-endian
  Put16(header, 0x1E, 12);      // 4,096-byte sectors
  Put16(header, 0x20, 6);       // 64-byte mini sectors (none used)
  Put32(header, 0x28, 1);       // directory sectors
  Put32(header, 0x2C, layout.fat_sectors);
  Put32(header, 0x30, layout.Directory());
  // No mini stream: every stream, however small, is a chain of whole sectors. MS-CFB
  // fixes the cutoff at 4,096, but FreeXL reads a stream of exactly 4,096 bytes as small
  // and we would not; a cutoff of 0 leaves neither reader a choice.
  Put32(header, 0x38, 0);
  Put32(header, 0x3C, kEndOfChain);
  Put32(header, 0x40, 0);
  Put32(header, 0x44, kEndOfChain);  // no DIFAT
  Put32(header, 0x48, 0);
  for (std::size_t slot = 0; slot < kHeaderFatSlots; ++slot) {
    Put32(header, 0x4C + slot * 4,
          slot < layout.fat_sectors ? static_cast<std::uint32_t>(slot) : kFreeSector);
  }
  return header;
}

std::string Fat(const Layout& layout) {
  std::string fat(std::size_t{layout.fat_sectors} * kSectorBytes, '\xFF');  // all free
  for (std::uint32_t sector = 0; sector < layout.fat_sectors; ++sector) {
    Put32(fat, sector * 4, kFatSector);
  }
  Put32(fat, layout.Directory() * 4, kEndOfChain);
  for (std::uint32_t i = 0; i < layout.data_sectors; ++i) {
    const std::uint32_t sector = layout.FirstData() + i;
    Put32(fat, std::size_t{sector} * 4, i + 1 < layout.data_sectors ? sector + 1 : kEndOfChain);
  }
  return fat;
}

void PutEntry(std::string& directory, std::size_t index, std::string_view name, std::uint8_t type,
              std::uint32_t child, std::uint32_t start, std::uint64_t size) {
  const std::size_t at = index * 128;
  for (std::size_t i = 0; i < name.size(); ++i) {
    Put16(directory, at + i * 2, static_cast<unsigned char>(name[i]));
  }
  Put16(directory, at + 0x40, static_cast<std::uint16_t>((name.size() + 1) * 2));
  directory[at + 0x42] = static_cast<char>(type);
  directory[at + 0x43] = 1;  // black, as a lone node of the red-black tree must be
  Put32(directory, at + 0x44, kNoStream);
  Put32(directory, at + 0x48, kNoStream);
  Put32(directory, at + 0x4C, child);
  Put32(directory, at + 0x74, start);
  Put64(directory, at + 0x78, size);
}

std::string Directory(const Layout& layout, std::string_view name, std::size_t stream_bytes) {
  std::string directory(kSectorBytes, '\0');
  for (std::size_t at = 0; at < kSectorBytes; at += 128) {  // unused entries: no siblings
    Put32(directory, at + 0x44, kNoStream);
    Put32(directory, at + 0x48, kNoStream);
    Put32(directory, at + 0x4C, kNoStream);
  }
  PutEntry(directory, 0, "Root Entry", 5, 1, kEndOfChain, 0);
  PutEntry(directory, 1, name, 2, kNoStream,
           layout.data_sectors > 0 ? layout.FirstData() : kEndOfChain, stream_bytes);
  return directory;
}

}  // namespace

void WriteWorkbookContainer(const std::filesystem::path& path, std::string_view name,
                            std::string_view stream) {
  const Layout layout = Plan(stream.size());
  if (layout.fat_sectors > kHeaderFatSlots) {
    throw xls_refusal::TooLarge();
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << Header(layout) << Fat(layout) << Directory(layout, name, stream.size());
  out.write(stream.data(), static_cast<std::streamsize>(stream.size()));
  const std::size_t tail = stream.size() % kSectorBytes;
  if (tail != 0) out << std::string(kSectorBytes - tail, '\0');
  out.close();
  if (!out) throw xls_refusal::WorkingCopy();
}

}  // namespace smedash::ingest
