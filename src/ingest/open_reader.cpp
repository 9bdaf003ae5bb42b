#include "ingest/open_reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "ingest/csv/csv_reader.hpp"
#include "ingest/source/file_source.hpp"
#include "ingest/validate/reasons.hpp"
#include "ingest/xls/xls_reader.hpp"
#include "ingest/xlsx/xlsx_reader.hpp"

namespace smedash::ingest {
namespace {

// How far DetectFormat looks: enough for the magic numbers and for a NUL that marks a
// binary file, small enough to cost nothing.
constexpr std::size_t kHeadBytes = 4096;

enum class Content { kZip, kOle2, kText, kUtf16Text, kBinary };

Content Classify(std::string_view head) {
  if (head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06")) return Content::kZip;
  if (head.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return Content::kOle2;
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) return Content::kUtf16Text;
  if (head.find('\0') != std::string_view::npos) return Content::kBinary;
  return Content::kText;
}

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Tells what the content is and what to do; {expected} names the format the extension
// promised, in terms the same in both languages.
[[noreturn]] void ThrowMismatch(const std::string& extension, std::string_view expected,
                                Content content) {
  std::string_view key;
  std::string what;
  switch (content) {
    case Content::kZip:
      key = reason::kFileContentZip;
      what =
          "arsip zip (format .xlsx). Ganti ekstensinya menjadi .xlsx, atau simpan ulang "
          "dengan format yang benar.";
      break;
    case Content::kOle2:
      key = reason::kFileContentOle2;
      what =
          "file Excel 97-2003 (.xls) atau file Office yang dilindungi kata sandi. Jika ini file "
          ".xls, ganti ekstensinya menjadi .xls; jika dilindungi kata sandi, hapus kata sandinya "
          "di Excel lalu simpan ulang.";
      break;
    case Content::kText:
      key = reason::kFileContentText;
      what =
          "teks (seperti CSV). Jika ini data CSV, ganti ekstensinya menjadi .csv; atau buka di "
          "Excel dan simpan ulang sebagai .xlsx.";
      break;
    case Content::kUtf16Text:
      key = reason::kFileContentUtf16;
      what =
          "teks UTF-16 (\"Unicode Text\" dari Excel). Simpan ulang dari Excel sebagai \"CSV UTF-8 "
          "(Comma delimited)\" atau .xlsx.";
      break;
    case Content::kBinary:
      key = reason::kFileContentBinary;
      what = "data biner. Unggah file .xlsx, .xls, atau .csv yang disimpan dari Excel.";
      break;
  }
  throw FileError(key, {{"extension", extension}, {"expected", std::string(expected)}},
                  "File bernama " + extension + " tetapi isinya bukan " + std::string(expected) +
                      ": isinya " + what);
}

}  // namespace

std::string_view FormatName(FileFormat format) {
  switch (format) {
    case FileFormat::kCsv:
      return "CSV";
    case FileFormat::kXlsx:
      return "XLSX";
    case FileFormat::kXls:
      return "XLS";
  }
  return "?";
}

FileFormat DetectFormat(const std::filesystem::path& path, const std::string& original_name) {
  const std::string extension =
      Lowercase(std::filesystem::path(original_name).extension().string());
  if (extension.empty()) {
    throw FileError(reason::kFileNoExtension, {},
                    "File tanpa ekstensi tidak didukung. Unggah file .xlsx, .xls, atau .csv.");
  }
  if (extension != ".csv" && extension != ".xlsx" && extension != ".xls") {
    throw FileError(
        reason::kFileUnsupportedType, {{"extension", extension}},
        "Jenis file " + extension + " tidak didukung. Unggah file .xlsx, .xls, atau .csv.");
  }

  FileSource source(path);
  if (source.Size() == 0) {
    throw FileError(reason::kFileZeroBytes, {},
                    "File kosong (0 byte): tidak ada data untuk dibaca.");
  }
  std::array<char, kHeadBytes> head;
  const std::size_t got = source.Read(head.data(), head.size());
  const Content content = Classify(std::string_view(head.data(), got));

  if (extension == ".csv") {
    if (content == Content::kText) return FileFormat::kCsv;
    if (content == Content::kBinary) {
      throw FileError(
          reason::kFileBinary, {},
          "File bernama .csv tetapi isinya biner, bukan teks CSV (ada byte NUL di awal file). "
          "Unggah file .xlsx, .xls, atau .csv yang disimpan dari Excel.");
    }
    ThrowMismatch(extension, "CSV", content);
  }
  if (extension == ".xlsx") {
    if (content == Content::kZip) return FileFormat::kXlsx;
    ThrowMismatch(extension, "XLSX (zip)", content);
  }
  if (content == Content::kOle2) return FileFormat::kXls;
  ThrowMismatch(extension, "Excel 97-2003 (OLE2)", content);
}

std::unique_ptr<RowReader> OpenReader(const std::filesystem::path& path, FileFormat format) {
  return OpenReader(path, format, ReaderLimits::Defaults());
}

std::unique_ptr<RowReader> OpenReader(const std::filesystem::path& path, FileFormat format,
                                      const ReaderLimits& limits) {
  switch (format) {
    case FileFormat::kCsv:
      return std::make_unique<CsvReader>(path, limits);
    case FileFormat::kXlsx:
      return std::make_unique<XlsxReader>(path, limits);
    case FileFormat::kXls:
      return std::make_unique<XlsReader>(path, limits);
  }
  throw FileError("Format file tidak dikenal.");
}

}  // namespace smedash::ingest
