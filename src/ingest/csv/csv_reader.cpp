#include "ingest/csv/csv_reader.hpp"

#include <string>

#include "ingest/source/text_encoding.hpp"
#include "ingest/validate/reasons.hpp"

namespace smedash::ingest {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

[[noreturn]] void ThrowNul(std::uint64_t line) {
  throw FileError(reason::kFileNulByte, {{"line", std::to_string(line)}},
                  "Baris " + std::to_string(line) +
                      ": file berisi byte NUL (0x00), jadi bukan teks CSV. Simpan ulang dari "
                      "Excel sebagai CSV.");
}

}  // namespace

CsvReader::CsvReader(const std::filesystem::path& path, const ReaderLimits& limits)
    : source_(path), limits_(limits) {
  limits_.Validate();
  const std::size_t size = limits_.read_buffer_bytes;
  buffer_ = std::make_unique_for_overwrite<char[]>(size);
  end_ = source_.Read(buffer_.get(), size);
  eof_ = end_ < size;
  dialect_ = SniffCsvDialect(std::string_view(buffer_.get(), end_), eof_);
  if (dialect_.has_bom) pos_ = kUtf8Bom.size();

  for (const unsigned char stop : {'\n', '\r', '"', '\0'}) {
    stops_unquoted_[stop] = true;
    stops_quoted_[stop] = true;
  }
  stops_unquoted_[static_cast<unsigned char>(dialect_.delimiter)] = true;
}

std::string CsvReader::Describe() const {
  std::string text = "CSV; " + dialect_.Describe();
  if (fields_read_as_cp1252_ > 0) {
    text += "; " + std::to_string(fields_read_as_cp1252_) +
            " fields not valid UTF-8 read as Windows-1252";
  }
  return text;
}

bool CsvReader::Refill() {
  if (eof_) return false;
  const std::size_t size = limits_.read_buffer_bytes;
  end_ = source_.Read(buffer_.get(), size);
  pos_ = 0;
  eof_ = end_ < size;
  return end_ > 0;
}

Cell& CsvReader::StartField(Row& row, std::size_t index) {
  if (index >= limits_.max_fields_per_row) {
    const std::string line = std::to_string(record_line_);
    const std::string max = std::to_string(limits_.max_fields_per_row);
    const std::string delimiter = dialect_.DelimiterName();
    throw FileError(
        reason::kFileTooManyFields, {{"line", line}, {"max", max}, {"delimiter", delimiter}},
        "Baris " + line + ": lebih dari " + max +
            " kolom dalam satu baris. Periksa pemisah kolom (terdeteksi " + delimiter + ").");
  }
  if (index >= row.size()) row.emplace_back();
  Cell& cell = row[index];
  cell.kind = Cell::Kind::kEmpty;
  cell.text.clear();
  return cell;
}

void CsvReader::CheckFieldSize(const Cell& cell, bool quoted) const {
  if (cell.text.size() <= limits_.max_field_bytes) return;
  const std::string line = std::to_string(record_line_);
  const std::string max_kib = std::to_string(limits_.max_field_bytes / 1024);
  const std::string message = "Baris " + line + ": isi satu kolom lebih dari " + max_kib + " KiB.";
  if (!quoted) {
    throw FileError(reason::kFileFieldTooLarge, {{"line", line}, {"max_kib", max_kib}}, message);
  }
  const std::string quote_line = std::to_string(quote_line_);
  throw FileError(reason::kFileFieldTooLargeQuoted,
                  {{"line", line}, {"max_kib", max_kib}, {"quote_line", quote_line}},
                  message +
                      " Kemungkinan ada tanda kutip (\") pembuka tanpa penutup yang dimulai di "
                      "baris " +
                      quote_line + ".");
}

void CsvReader::FinishField(Cell& cell, unsigned char high_bits) {
  if (cell.text.empty()) return;  // StartField left it kEmpty
  cell.kind = Cell::Kind::kText;
  record_has_text_ = true;
  if ((high_bits & 0x80) == 0) return;  // ASCII: valid in every encoding we read
  if (dialect_.encoding == TextEncoding::kUtf8) {
    if (IsValidUtf8(cell.text)) return;
    ++fields_read_as_cp1252_;
  }
  scratch_.clear();
  AppendCp1252AsUtf8(cell.text, scratch_);
  cell.text.swap(scratch_);
}

bool CsvReader::ReadRecord(Row& row, std::size_t& count) {
  const auto* data = reinterpret_cast<const unsigned char*>(buffer_.get());
  const auto delimiter = static_cast<unsigned char>(dialect_.delimiter);
  State state = State::kFieldStart;
  std::size_t index = 0;
  Cell* cell = nullptr;
  unsigned char high_bits = 0;  // OR of the field's bytes: tells ASCII fields apart cheaply
  bool started = false;
  bool cr_in_quotes = false;  // the last byte of a quoted field was a CR (CRLF = one line)
  record_has_text_ = false;

  for (;;) {
    if (pos_ == end_ && !Refill()) {
      if (!started) return false;
      if (state == State::kQuoted) {
        const std::string line = std::to_string(quote_line_);
        throw FileError(reason::kFileUnterminatedQuote, {{"line", line}},
                        "Tanda kutip (\") yang dibuka di baris " + line +
                            " tidak pernah ditutup sampai akhir file. Periksa sel di baris itu.");
      }
      FinishField(*cell, high_bits);
      count = index + 1;
      return true;
    }
    if (skip_lf_) {
      skip_lf_ = false;
      if (data[pos_] == '\n') {
        ++pos_;
        continue;
      }
    }
    if (!started) {
      started = true;
      record_line_ = line_;
      cell = &StartField(row, 0);
    }

    switch (state) {
      case State::kFieldStart:
        if (data[pos_] == '"') {
          ++pos_;
          state = State::kQuoted;
          quote_line_ = line_;
          cr_in_quotes = false;
          continue;
        }
        state = State::kUnquoted;
        [[fallthrough]];

      case State::kUnquoted: {
        std::size_t stop = pos_;
        while (stop < end_ && !stops_unquoted_[data[stop]]) high_bits |= data[stop++];
        if (stop > pos_) {
          cell->text.append(buffer_.get() + pos_, stop - pos_);
          CheckFieldSize(*cell, false);
        }
        pos_ = stop;
        if (stop == end_) continue;
        const unsigned char c = data[pos_++];
        if (c == delimiter) {
          FinishField(*cell, high_bits);
          high_bits = 0;
          cell = &StartField(row, ++index);
          state = State::kFieldStart;
        } else if (c == '\n' || c == '\r') {
          ++line_;
          skip_lf_ = c == '\r';
          FinishField(*cell, high_bits);
          count = index + 1;
          return true;
        } else if (c == '"') {
          // A stray quote inside an unquoted field: kept as written (Excel does the same).
          cell->text.push_back('"');
          CheckFieldSize(*cell, false);
        } else {
          ThrowNul(line_);
        }
        continue;
      }

      case State::kQuoted: {
        std::size_t stop = pos_;
        while (stop < end_ && !stops_quoted_[data[stop]]) high_bits |= data[stop++];
        if (stop > pos_) {
          cell->text.append(buffer_.get() + pos_, stop - pos_);
          cr_in_quotes = false;
        }
        pos_ = stop;
        if (stop == end_) {
          CheckFieldSize(*cell, true);
          continue;
        }
        const unsigned char c = data[pos_++];
        if (c == '"') {
          state = State::kAfterQuote;
        } else if (c == '\n') {
          if (!cr_in_quotes) ++line_;
          cr_in_quotes = false;
          cell->text.push_back('\n');
        } else if (c == '\r') {
          ++line_;
          cr_in_quotes = true;
          cell->text.push_back('\r');
        } else {
          ThrowNul(line_);
        }
        CheckFieldSize(*cell, true);
        continue;
      }

      case State::kAfterQuote:
        if (data[pos_] == '"') {  // "" inside quotes is one quote character
          ++pos_;
          cell->text.push_back('"');
          CheckFieldSize(*cell, true);
          state = State::kQuoted;
          cr_in_quotes = false;
        } else {
          // The closing quote: a delimiter or line end follows; anything else is kept.
          state = State::kUnquoted;
        }
        continue;
    }
  }
}

bool CsvReader::Next(Row& row) {
  for (;;) {
    std::size_t count = 0;
    if (!ReadRecord(row, count)) {
      row.clear();
      return false;
    }
    if (!record_has_text_) continue;  // a blank line or only delimiters
    row.resize(count);
    return true;
  }
}

}  // namespace smedash::ingest
