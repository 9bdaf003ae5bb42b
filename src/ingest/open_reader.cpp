#include "ingest/open_reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "ingest/csv/csv_reader.hpp"
#include "ingest/source/file_source.hpp"
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

std::string_view Describe(Content content) {
  switch (content) {
    case Content::kZip:
      return "arsip zip (format .xlsx)";
    case Content::kOle2:
      return "file Excel 97-2003 (.xls) atau file Office yang dilindungi kata sandi";
    case Content::kText:
      return "teks (seperti CSV)";
    case Content::kUtf16Text:
      return "teks UTF-16 (\"Unicode Text\" dari Excel)";
    case Content::kBinary:
      return "data biner";
  }
  return "data yang tidak dikenal";
}

std::string Lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

[[noreturn]] void ThrowMismatch(const std::string& extension, std::string_view expected,
                                Content content) {
  std::string message = "File bernama " + extension + " tetapi isinya bukan " +
                        std::string(expected) + ": isinya " + std::string(Describe(content)) + ".";
  switch (content) {
    case Content::kZip:
      message += " Ganti ekstensinya menjadi .xlsx, atau simpan ulang dengan format yang benar.";
      break;
    case Content::kOle2:
      message +=
          " Jika ini file .xls, ganti ekstensinya menjadi .xls; jika dilindungi kata "
          "sandi, hapus kata sandinya di Excel lalu simpan ulang.";
      break;
    case Content::kText:
      message +=
          " Jika ini data CSV, ganti ekstensinya menjadi .csv; atau buka di Excel dan "
          "simpan ulang sebagai .xlsx.";
      break;
    case Content::kUtf16Text:
      message += " Simpan ulang dari Excel sebagai \"CSV UTF-8 (Comma delimited)\" atau .xlsx.";
      break;
    case Content::kBinary:
      message += " Unggah file .xlsx, .xls, atau .csv yang disimpan dari Excel.";
      break;
  }
  throw FileError(message);
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
  if (extension != ".csv" && extension != ".xlsx" && extension != ".xls") {
    throw FileError(
        (extension.empty() ? std::string("File tanpa ekstensi") : "Jenis file " + extension) +
        " tidak didukung. Unggah file .xlsx, .xls, atau .csv.");
  }

  FileSource source(path);
  if (source.Size() == 0) throw FileError("File kosong (0 byte): tidak ada data untuk dibaca.");
  std::array<char, kHeadBytes> head;
  const std::size_t got = source.Read(head.data(), head.size());
  const Content content = Classify(std::string_view(head.data(), got));

  if (extension == ".csv") {
    if (content == Content::kText) return FileFormat::kCsv;
    if (content == Content::kBinary) {
      throw FileError(
          "File bernama .csv tetapi isinya biner, bukan teks CSV (ada byte NUL di awal file). "
          "Unggah file .xlsx, .xls, atau .csv yang disimpan dari Excel.");
    }
    ThrowMismatch(extension, "teks CSV", content);
  }
  if (extension == ".xlsx") {
    if (content == Content::kZip) return FileFormat::kXlsx;
    ThrowMismatch(extension, "arsip XLSX (zip)", content);
  }
  if (content == Content::kOle2) return FileFormat::kXls;
  ThrowMismatch(extension, "file Excel 97-2003 (OLE2)", content);
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
