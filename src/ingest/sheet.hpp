//! What every reader (CSV, XLSX, XLS) hands on: rows of cells, streamed one at a time, so
//! mapping and validation never depend on the file format and never see the whole file.
#pragma once
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace smedash::ingest {

struct Cell {
  enum class Kind {
    kEmpty,
    kText,    // CSV fields, spreadsheet strings (UTF-8, untrimmed)
    kNumber,  // a spreadsheet number cell; `text` is its exact decimal form ("42210",
              // "1234567.89", "100000000000001"), never exponent notation
    kDate,    // a spreadsheet cell formatted as a date; `text` is "yyyy-mm-dd" (the 1900 or
              // 1904 date system already applied; any time of day dropped)
    kBool,    // `text` is "TRUE" or "FALSE"
  };
  Kind kind = Kind::kEmpty;
  std::string text;
};

using Row = std::vector<Cell>;

// The whole file cannot be read (not a zip, corrupt, no sheet, bad encoding...). The
// message is for the admin: it says what is wrong and, where it can, what to do. The
// refusals an admin meets in practice carry a translation key and its arguments
// (validate/reasons.hpp), so the page shows them in the admin's language; their what() is
// the same text in Indonesian (kept in error_log, printed by `smedash import`; the reader
// tests check it matches web/i18n/id/ingest.json). The rest carry only an Indonesian
// message (refused as ingest.file.unreadable {detail}).
class FileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  FileError(std::string_view key, std::map<std::string, std::string> args,
            const std::string& log_note)
      : std::runtime_error(log_note), key_(key), args_(std::move(args)) {}

  const std::string& Key() const { return key_; }  // empty when only what() explains it
  const std::map<std::string, std::string>& Args() const { return args_; }

 private:
  std::string key_;
  std::map<std::string, std::string> args_;
};

class RowReader {
 public:
  virtual ~RowReader() = default;
  // Fills `row` with the next row (header first) and returns true, or returns false at the
  // end. Rows may have fewer cells than the header (trailing empties omitted). Wholly empty
  // rows are skipped. Throws FileError.
  virtual bool Next(Row& row) = 0;
  // 1-based line of the row last returned, as the admin finds it: the CSV line where the
  // record starts, or the spreadsheet row number.
  virtual std::uint64_t Line() const = 0;
  // Bytes of the input consumed so far, for progress (compare with the file size).
  virtual std::uint64_t BytesRead() const = 0;
  // How the file was read, for the upload report: "CSV; delimiter ';' (detected);
  // UTF-8 with BOM" or "XLSX; sheet 'Sheet1'; 1900 date system".
  virtual std::string Describe() const = 0;
  // True when the CSV delimiter is ';' (a hint that numbers are Indonesian style).
  virtual bool SemicolonDelimited() const { return false; }
};

}  // namespace smedash::ingest
