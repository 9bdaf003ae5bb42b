#include "ingest/xlsx/zip_archive.hpp"

#include <zip.h>

#include <algorithm>

#include "ingest/sheet.hpp"
#include "ingest/validate/reasons.hpp"
#include "ingest/xlsx/zip_directory.hpp"

namespace smedash::ingest {
namespace {

FileError Encrypted() {
  return FileError(reason::kFileEncrypted, {},
                   "File XLSX ini terenkripsi (dilindungi kata sandi). Buka di Excel, hapus kata "
                   "sandinya, simpan, lalu unggah lagi.");
}

}  // namespace

ZipArchive::ZipArchive(const std::filesystem::path& path, const ReaderLimits& limits) {
  limits.Validate();
  // Our check first: it bounds the work a hostile directory can cause before libzip reads
  // it, and replaces ZIP_CHECKCONS, which refuses valid ZIP64 workbooks (see
  // zip_directory.hpp).
  const auto entries = ReadZipDirectory(path, limits.max_zip_entries);
  archive_ = zip_open(path.c_str(), ZIP_RDONLY, nullptr);
  if (archive_ == nullptr) throw NotWholeZip();
  CheckSameEntries(entries);
}

// libzip finds the directory its own way; it must see the entries we checked, or the two
// readings of the file differ and the checks above say nothing about what is inflated.
void ZipArchive::CheckSameEntries(const std::vector<ZipDirectoryEntry>& entries) const {
  const zip_int64_t count = zip_get_num_entries(archive_, 0);
  bool same = count >= 0 && static_cast<std::uint64_t>(count) == entries.size();
  for (std::size_t index = 0; same && index < entries.size(); ++index) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    const auto& entry = entries[index];
    same = zip_stat_index(archive_, index, ZIP_FL_ENC_RAW, &stat) == 0 && stat.name != nullptr &&
           entry.name == stat.name && stat.size == entry.size &&
           stat.comp_size == entry.compressed_size && stat.crc == entry.crc &&
           stat.comp_method == entry.method;
  }
  if (!same) throw NotWholeZip();
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) zip_discard(archive_);
}

std::optional<std::uint64_t> ZipArchive::Find(const std::string& name) const {
  zip_int64_t index = zip_name_locate(archive_, name.c_str(), 0);
  if (index < 0) index = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  return static_cast<std::uint64_t>(index);
}

ZipEntryReader::ZipEntryReader(const ZipArchive& archive, std::uint64_t index, std::string name,
                               const ReaderLimits& limits)
    : name_(std::move(name)) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive.Handle(), index, 0, &stat) != 0) {
    throw NotWholeZip();
  }
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
    throw Encrypted();
  }
  compressed_size_ = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
  declared_size_ = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
  // The inflated size is bounded by the ratio to what is stored, but never below the floor
  // (small repetitive parts compress extremely well) and never above the absolute cap.
  const std::uint64_t by_ratio =
      std::max(compressed_size_ * limits.max_inflate_ratio, limits.inflate_ratio_floor_bytes);
  max_bytes_ = std::min(by_ratio, limits.max_entry_bytes);
  if (declared_size_ > max_bytes_) throw Bomb();

  file_ = zip_fopen_index(archive.Handle(), index, 0);
  if (file_ == nullptr) {
    const int code = zip_error_code_zip(zip_get_error(archive.Handle()));
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP) {
      throw Encrypted();
    }
    if (code == ZIP_ER_COMPNOTSUPP) {
      throw FileError(reason::kFileCompression, {},
                      "File XLSX ini memakai metode kompresi yang tidak didukung. Simpan ulang "
                      "dari Excel lalu unggah lagi.");
    }
    throw NotWholeZip();
  }
}

FileError ZipEntryReader::Bomb() const {
  return FileError(reason::kFileZipBomb, {{"part", name_}},
                   "File XLSX ditolak: bagian '" + name_ +
                       "' mengembang jauh melebihi ukuran wajar saat dibuka (kemungkinan zip "
                       "bomb). Simpan ulang dari Excel lalu unggah lagi.");
}

FileError ZipEntryReader::WrongSize() const {
  return FileError(reason::kFilePartWrongSize, {{"part", name_}},
                   "File XLSX tidak dapat dibuka: bagian '" + name_ +
                       "' berukuran lain dari yang dinyatakan arsip zip-nya, jadi rusak atau "
                       "sengaja diubah. Simpan ulang dari Excel lalu unggah lagi.");
}

ZipEntryReader::~ZipEntryReader() {
  if (file_ != nullptr) zip_fclose(file_);
}

std::size_t ZipEntryReader::Read(char* dest, std::size_t size) {
  std::size_t done = 0;
  while (done < size) {
    const zip_int64_t got = zip_fread(file_, dest + done, size - done);
    if (got < 0) throw NotWholeZip();
    if (got == 0) {
      // libzip has checked the CRC by now; the size is ours to check.
      if (bytes_out_ != declared_size_) throw WrongSize();
      break;
    }
    done += static_cast<std::size_t>(got);
    bytes_out_ += static_cast<std::uint64_t>(got);
    if (bytes_out_ > max_bytes_) throw Bomb();
    if (bytes_out_ > declared_size_) throw WrongSize();
  }
  return done;
}

}  // namespace smedash::ingest
