//! How a CSV file is written: delimiter and encoding, sniffed from its first buffer, each
//! recording whether it was detected or defaulted so the upload report can say so.
#pragma once
#include <string>
#include <string_view>

namespace smedash::ingest {

enum class OptionSource { kDetected, kDefault };

enum class TextEncoding {
  kUtf8,    // valid UTF-8 (plain ASCII included)
  kCp1252,  // not valid UTF-8: read as Windows-1252, byte for byte
};

struct CsvDialect {
  char delimiter = ',';
  OptionSource delimiter_source = OptionSource::kDefault;
  TextEncoding encoding = TextEncoding::kUtf8;
  bool has_bom = false;  // a UTF-8 byte order mark was skipped

  // "delimiter ';' (detected); UTF-8 with BOM"
  std::string Describe() const;
  // "';'", or "tab": the same in Indonesian and English.
  std::string DelimiterName() const;
};

// The delimiters sniffed, in order of preference when two fit equally well.
inline constexpr std::string_view kCsvDelimiters = ",;\t|";

// Sniffs the dialect from the first bytes of a file (`head`, as much as one read buffer
// holds; `head_is_whole_file` when the file ended inside it). The delimiter is the
// candidate that appears outside quotes on the first line and the same number of times on
// most of the following lines (at most 50 lines looked at); ties go to the higher count,
// then to the order of kCsvDelimiters. Without any candidate on the first line the
// delimiter is ',' (kDefault): a one-column file. Encoding is UTF-8 when `head` is valid
// UTF-8, otherwise Windows-1252. Throws FileError for UTF-16/UTF-32 byte order marks.
CsvDialect SniffCsvDialect(std::string_view head, bool head_is_whole_file);

}  // namespace smedash::ingest
