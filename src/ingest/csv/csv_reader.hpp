//! The CSV RowReader: RFC 4180 records from a fixed read buffer, so memory stays flat
//! whatever the file size. Fields are written into the caller's Row, reusing its strings.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "ingest/csv/csv_dialect.hpp"
#include "ingest/sheet.hpp"
#include "ingest/source/file_source.hpp"
#include "ingest/source/reader_limits.hpp"

namespace smedash::ingest {

// Contract, beyond RowReader's:
// - every field is kText, except a zero-length one (quoted or not), which is kEmpty; a
//   record keeps all its fields, trailing empty ones included;
// - records whose fields are all empty (blank lines, ";;;;") are skipped;
// - line breaks are CRLF, LF or a lone CR; Line() is the line the record starts on,
//   counting the line breaks inside quoted fields;
// - a quote inside an unquoted field, or text after a closing quote, is kept as written;
// - text is UTF-8; a file that is not valid UTF-8 in its first buffer is read as
//   Windows-1252, and a later field that is not valid UTF-8 is read as Windows-1252 too
//   (counted in Describe()), so no byte is ever lost;
// - FileError, naming the line: a quote still open at the end of the file, a NUL byte, a
//   field over max_field_bytes, a record over max_fields_per_row.
class CsvReader final : public RowReader {
 public:
  CsvReader(const std::filesystem::path& path, const ReaderLimits& limits);

  bool Next(Row& row) override;
  std::uint64_t Line() const override { return record_line_; }
  std::uint64_t BytesRead() const override { return source_.BytesRead() - (end_ - pos_); }
  std::string Describe() const override;
  bool SemicolonDelimited() const override { return dialect_.delimiter == ';'; }

  const CsvDialect& Dialect() const { return dialect_; }

 private:
  enum class State { kFieldStart, kUnquoted, kQuoted, kAfterQuote };

  // Reads one record into `row` (cells [0, count)); false at the end of the file.
  bool ReadRecord(Row& row, std::size_t& count);
  bool Refill();
  Cell& StartField(Row& row, std::size_t index);
  void FinishField(Cell& cell, unsigned char high_bits);
  void CheckFieldSize(const Cell& cell, bool quoted) const;

  FileSource source_;
  ReaderLimits limits_;
  CsvDialect dialect_;
  std::unique_ptr<char[]> buffer_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  // Bytes that end a run of plain field bytes, outside and inside quotes.
  std::array<bool, 256> stops_unquoted_{};
  std::array<bool, 256> stops_quoted_{};

  std::uint64_t line_ = 1;         // line of the next unread byte
  std::uint64_t record_line_ = 0;  // line where the last returned record started
  std::uint64_t quote_line_ = 0;   // line where the open quoted field started
  bool skip_lf_ = false;           // the last byte was a CR ending a line: a LF next is its pair
  bool record_has_text_ = false;
  std::uint64_t fields_read_as_cp1252_ = 0;  // in a UTF-8 file, fields that were not UTF-8
  std::string scratch_;
};

}  // namespace smedash::ingest
