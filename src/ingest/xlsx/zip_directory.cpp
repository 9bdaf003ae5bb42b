#include "ingest/xlsx/zip_directory.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "ingest/validate/reasons.hpp"

namespace smedash::ingest {
namespace {

// APPNOTE.TXT 4.3: signatures and fixed record sizes.
constexpr std::uint32_t kEocdSignature = 0x06054b50;
constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr std::uint32_t kZip64EocdSignature = 0x06064b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::uint64_t kEocdBytes = 22;
constexpr std::uint64_t kMaxCommentBytes = 0xFFFF;
constexpr std::uint64_t kZip64LocatorBytes = 20;
constexpr std::uint64_t kZip64EocdBytes = 56;
constexpr std::size_t kCentralBytes = 46;
constexpr std::size_t kLocalBytes = 30;
constexpr std::uint16_t kZip64ExtraId = 0x0001;
constexpr std::uint16_t kDataDescriptorFlag = 0x0008;
constexpr std::uint32_t kFull32 = 0xFFFFFFFF;
constexpr std::uint16_t kFull16 = 0xFFFF;

// No detail of which headers disagree: the admin can only save the file again.
[[noreturn]] void Inconsistent() {
  throw FileError(reason::kFileZipInconsistent, {},
                  "File XLSX tidak dapat dibuka: arsip zip-nya tidak konsisten, jadi rusak atau "
                  "sengaja diubah. Simpan ulang dari Excel lalu unggah lagi.");
}

// An entry name for a message: printable ASCII only (the name comes from the file and may
// be anything, and the message ends up in the database and in HTML), and short.
std::string Printable(std::string_view name) {
  std::string out;
  for (const char c : name.substr(0, 80)) {
    out += (c >= 0x20 && c < 0x7F) ? c : '?';
  }
  return out;
}

// True for a name that would land outside the folder it were extracted to ("../../x",
// "/etc/x", "C:\\x"): zip slip. Nothing here extracts, but no workbook writer makes such a
// name, so an archive holding one was built to attack some other program.
bool LeavesTheArchive(std::string_view name) {
  const bool drive =
      name.size() > 1 && std::isalpha(static_cast<unsigned char>(name[0])) && name[1] == ':';
  if (name.starts_with('/') || name.starts_with('\\') || drive) return true;
  for (std::size_t start = 0; start <= name.size();) {
    const std::size_t end = std::min(name.find_first_of("/\\", start), name.size());
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

std::uint16_t U16(std::string_view data, std::size_t at) {
  std::uint16_t value;
  std::memcpy(&value, data.data() + at, 2);
  return value;
}

std::uint32_t U32(std::string_view data, std::size_t at) {
  std::uint32_t value;
  std::memcpy(&value, data.data() + at, 4);
  return value;
}

std::uint64_t U64(std::string_view data, std::size_t at) {
  std::uint64_t value;
  std::memcpy(&value, data.data() + at, 8);
  return value;
}

class File {
 public:
  explicit File(const std::filesystem::path& path) : fd_(::open(path.c_str(), O_RDONLY)) {
    struct stat info {};
    if (fd_ < 0 || ::fstat(fd_, &info) != 0) throw NotWholeZip();
    size_ = static_cast<std::uint64_t>(info.st_size);
  }
  ~File() {
    if (fd_ >= 0) ::close(fd_);
  }
  File(const File&) = delete;
  File& operator=(const File&) = delete;

  std::uint64_t Size() const { return size_; }
  // `length` bytes at `offset`; throws when they are not all inside the file.
  std::string Read(std::uint64_t offset, std::uint64_t length) const {
    if (offset > size_ || length > size_ - offset) Inconsistent();
    std::string bytes(length, '\0');
    std::size_t done = 0;
    while (done < length) {
      const ssize_t got =
          ::pread(fd_, bytes.data() + done, length - done, static_cast<off_t>(offset + done));
      if (got <= 0) throw NotWholeZip();
      done += static_cast<std::size_t>(got);
    }
    return bytes;
  }

 private:
  int fd_;
  std::uint64_t size_ = 0;
};

struct Directory {
  std::uint64_t entries = 0;
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
  std::uint64_t end = 0;  // where the central directory must end: the record after it
};

// The end of central directory record must close the file (its comment included), as
// ZIP_CHECKCONS required: bytes after it mean a spliced or damaged file.
std::uint64_t FindEocd(const File& file) {
  if (file.Size() < kEocdBytes) throw NotWholeZip();
  const std::uint64_t tail_bytes = std::min(file.Size(), kEocdBytes + kMaxCommentBytes);
  const std::uint64_t tail_at = file.Size() - tail_bytes;
  const std::string tail = file.Read(tail_at, tail_bytes);
  for (std::uint64_t at = tail_bytes - kEocdBytes;; --at) {
    if (U32(tail, at) == kEocdSignature && at + kEocdBytes + U16(tail, at + 20) == tail_bytes) {
      return tail_at + at;
    }
    if (at == 0) break;
  }
  throw NotWholeZip();
}

Directory ReadEnd(const File& file) {
  const std::uint64_t eocd_at = FindEocd(file);
  const std::string eocd = file.Read(eocd_at, kEocdBytes);
  Directory directory{U16(eocd, 10), U32(eocd, 16), U32(eocd, 12), eocd_at};
  const bool saturated = U16(eocd, 4) == kFull16 || U16(eocd, 6) == kFull16 ||
                         U16(eocd, 10) == kFull16 || U32(eocd, 12) == kFull32 ||
                         U32(eocd, 16) == kFull32;
  std::optional<std::string> locator;
  if (eocd_at >= kZip64LocatorBytes) {
    locator = file.Read(eocd_at - kZip64LocatorBytes, kZip64LocatorBytes);
    if (U32(*locator, 0) != kZip64LocatorSignature) locator.reset();
  }
  if (!locator) {
    if (saturated) Inconsistent();  // ZIP64 values without the ZIP64 locator
    if (U16(eocd, 4) != 0 || U16(eocd, 6) != 0) Inconsistent();  // split over disks
    return directory;
  }
  const std::uint64_t record_at = U64(*locator, 8);
  const std::uint64_t locator_at = eocd_at - kZip64LocatorBytes;
  if (record_at > locator_at || locator_at - record_at < kZip64EocdBytes) {
    Inconsistent();
  }
  const std::string record = file.Read(record_at, kZip64EocdBytes);
  if (U32(record, 0) != kZip64EocdSignature) Inconsistent();
  if (U32(record, 16) != 0 || U32(record, 20) != 0) Inconsistent();  // split over disks
  return Directory{U64(record, 32), U64(record, 48), U64(record, 40), record_at};
}

// The ZIP64 extra field's values, in the order APPNOTE 4.5.3 gives them; only the fields
// whose 32-bit (or 16-bit) header field is saturated are present.
class Zip64Values {
 public:
  explicit Zip64Values(std::string_view extra) {
    for (std::size_t at = 0; at + 4 <= extra.size();) {
      const std::uint16_t id = U16(extra, at);
      const std::uint16_t size = U16(extra, at + 2);
      if (at + 4 + size > extra.size()) break;  // trailing padding some writers leave
      if (id == kZip64ExtraId) {
        data_ = extra.substr(at + 4, size);
        return;
      }
      at += 4 + size;
    }
  }
  // The next value, for a field that is saturated; throws when the extra field lacks it.
  std::uint64_t Next() {
    if (used_ + 8 > data_.size()) Inconsistent();
    const std::uint64_t value = U64(data_, used_);
    used_ += 8;
    return value;
  }

 private:
  std::string_view data_;
  std::size_t used_ = 0;
};

// One central directory header at `at`; returns the offset of the next one.
std::size_t ReadCentral(std::string_view directory, std::size_t at, ZipDirectoryEntry& entry) {
  if (at + kCentralBytes > directory.size() || U32(directory, at) != kCentralSignature) {
    Inconsistent();  // the central directory is cut short
  }
  const std::size_t name_bytes = U16(directory, at + 28);
  const std::size_t extra_bytes = U16(directory, at + 30);
  const std::size_t comment_bytes = U16(directory, at + 32);
  const std::size_t next = at + kCentralBytes + name_bytes + extra_bytes + comment_bytes;
  if (next > directory.size()) Inconsistent();
  entry.name = std::string(directory.substr(at + kCentralBytes, name_bytes));
  entry.method = U16(directory, at + 10);
  entry.crc = U32(directory, at + 16);
  entry.compressed_size = U32(directory, at + 20);
  entry.size = U32(directory, at + 24);
  entry.local_offset = U32(directory, at + 42);
  Zip64Values zip64(directory.substr(at + kCentralBytes + name_bytes, extra_bytes));
  if (entry.size == kFull32) entry.size = zip64.Next();
  if (entry.compressed_size == kFull32) entry.compressed_size = zip64.Next();
  if (entry.local_offset == kFull32) entry.local_offset = zip64.Next();
  if (U16(directory, at + 34) == kFull16) zip64.Next();
  if (U16(directory, at + 34) != 0 && U16(directory, at + 34) != kFull16) {
    Inconsistent();
  }
  return next;
}

// Compares the entry's local header with its central one and places its data.
void CheckLocal(const File& file, const Directory& directory, ZipDirectoryEntry& entry) {
  const std::string head = file.Read(entry.local_offset, kLocalBytes);
  if (U32(head, 0) != kLocalSignature) Inconsistent();
  const std::uint16_t name_bytes = U16(head, 26);
  const std::uint16_t extra_bytes = U16(head, 28);
  const std::string tail =
      file.Read(entry.local_offset + kLocalBytes, std::uint64_t{name_bytes} + extra_bytes);
  if (std::string_view(tail).substr(0, name_bytes) != entry.name) {
    Inconsistent();
  }
  if (U16(head, 8) != entry.method) Inconsistent();
  std::uint64_t local_size = U32(head, 22);
  std::uint64_t local_compressed = U32(head, 18);
  if (local_size == kFull32 || local_compressed == kFull32) {
    // In a local header the ZIP64 extra holds both sizes (APPNOTE 4.5.3).
    Zip64Values zip64(std::string_view(tail).substr(name_bytes));
    local_size = zip64.Next();
    local_compressed = zip64.Next();
  }
  const std::uint32_t local_crc = U32(head, 14);
  const bool same = local_crc == entry.crc && local_size == entry.size &&
                    local_compressed == entry.compressed_size;
  // With a data descriptor the sizes follow the data; the local header then holds zeros.
  const bool deferred = (U16(head, 6) & kDataDescriptorFlag) != 0 && local_crc == 0 &&
                        local_size == 0 && local_compressed == 0;
  if (!same && !deferred) Inconsistent();  // sizes or CRC differ
  entry.data_offset = entry.local_offset + kLocalBytes + name_bytes + extra_bytes;
  if (entry.data_offset > directory.offset ||
      entry.compressed_size > directory.offset - entry.data_offset) {
    Inconsistent();
  }
}

void CheckNoOverlap(std::vector<ZipDirectoryEntry> entries) {
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.local_offset < b.local_offset; });
  for (std::size_t i = 1; i < entries.size(); ++i) {
    const auto& before = entries[i - 1];
    if (entries[i].local_offset < before.data_offset + before.compressed_size) {
      Inconsistent();  // two entries overlap
    }
  }
}

}  // namespace

std::vector<ZipDirectoryEntry> ReadZipDirectory(const std::filesystem::path& path,
                                                std::uint64_t max_entries) {
  const File file(path);
  const Directory directory = ReadEnd(file);
  if (directory.offset > directory.end || directory.end - directory.offset != directory.size) {
    Inconsistent();
  }
  if (directory.entries > max_entries) {
    const std::string count = std::to_string(directory.entries);
    const std::string max = std::to_string(max_entries);
    throw FileError(reason::kFileZipEntries, {{"count", count}, {"max", max}},
                    "File XLSX ditolak: arsipnya berisi " + count + " bagian, lebih dari batas " +
                        max +
                        " untuk sebuah buku kerja. Simpan ulang dari Excel lalu unggah lagi.");
  }
  const std::string central = file.Read(directory.offset, directory.size);
  std::vector<ZipDirectoryEntry> entries(directory.entries);
  std::unordered_set<std::string_view> names;
  std::size_t at = 0;
  for (auto& entry : entries) {
    at = ReadCentral(central, at, entry);
    if (entry.name.empty() || entry.name.find('\0') != std::string::npos) {
      Inconsistent();
    }
    if (LeavesTheArchive(entry.name)) {
      const std::string part = Printable(entry.name);
      throw FileError(reason::kFilePartOutside, {{"part", part}},
                      "File XLSX ditolak: arsipnya berisi bagian bernama '" + part +
                          "' yang menunjuk ke luar arsip. Buku kerja dari Excel tidak pernah "
                          "berisi nama seperti itu; simpan ulang dari Excel lalu unggah lagi.");
    }
    if (!names.insert(entry.name).second) {
      Inconsistent();  // a part named twice
    }
    CheckLocal(file, directory, entry);
  }
  if (at != central.size()) Inconsistent();
  CheckNoOverlap(entries);
  return entries;
}

FileError NotWholeZip() {
  return FileError(reason::kFileNotZip, {},
                   "File ini bukan arsip XLSX (zip) yang utuh: arsip zip-nya rusak atau terpotong "
                   "(mungkin unggahan tidak selesai). Simpan ulang dari Excel lalu unggah lagi.");
}

}  // namespace smedash::ingest
