//! One row of cells → the values loan_data stores, or the reasons it cannot be stored
//! (domain.md section 2, "Values"). Never throws for bad data: problems are RowIssues.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/columns.hpp"
#include "ingest/mapping/column_map.hpp"
#include "ingest/sheet.hpp"

namespace smedash::ingest {

enum class NumberStyle { kAuto, kIndonesian, kInternational };  // form/CLI: auto, id, en

struct RowIssue {
  std::uint64_t line = 0;                   // 1-based file line; the header is line 1
  std::string column;                       // canonical header ("PLAFON"), empty for the whole row
  std::string raw_value;                    // the cell as found (cut to 200 characters)
  std::string reason_key;                   // translation key, e.g. "ingest.reject.amount"
  std::map<std::string, std::string> args;  // placeholders of the message, e.g. {"expected"}
  bool rejects_row = true;                  // false = a warning; the row is still loaded
};

struct ValidatedRow {
  // loan_data's value per column in PostgreSQL text form ("2025-10-09", "1234567.89",
  // "t"); none = NULL. Index with static_cast<std::size_t>(Column).
  std::array<std::optional<std::string>, kColumnCount> values;
  std::string periode;  // "yyyy-mm-dd"
  std::string nomor_rekening;
  std::string os;    // effective outstanding: the OS cell, else Σ KOLEKTIBILITAS
  std::string code;  // normalised CODE, for the segment and unknown-code report
};

class RowValidator {
 public:
  RowValidator(const ColumnMap& map, NumberStyle style, bool semicolon_delimited);

  // True with `out` filled when the row can be stored (warnings may be appended to
  // `issues`); false when it is rejected, the reasons appended to `issues` (one per bad
  // column, together with the row's warnings). Reuse one `out` for all rows of a file: its
  // strings keep their capacity, so a row costs next to no allocation.
  bool Validate(const Row& cells, std::uint64_t line, ValidatedRow& out,
                std::vector<RowIssue>& issues);

  // The number style in force: the one set, or the one auto detected so far (kAuto while
  // still undecided).
  NumberStyle Style() const;

 private:
  struct Field {
    Column column;
    std::size_t cell_idx;
    ValueKind kind;
  };
  enum class Outcome { kOk, kRejected, kDeferred };

  // Reads an amount or rate cell into `value` (scaled). `canonical` is set when the text
  // is already the stored form, so it need not be formatted again.
  Outcome ReadNumber(const Field& field, const Cell& cell, std::string_view text, bool deferred,
                     std::int64_t& value, std::string_view& canonical, std::uint64_t line,
                     std::vector<RowIssue>& issues);

  std::vector<Field> fields_;   // the file's columns, in Column order
  std::vector<Column> absent_;  // columns the file lacks: always NULL
  bool has_os_ = false;
  NumberStyle style_ = NumberStyle::kAuto;
  std::vector<std::size_t> deferred_;  // fields_ indexes of this row's ambiguous numbers
  // PERIODE is the same in row after row: the last one read, as written and as stored.
  std::string last_periode_raw_;
  Cell::Kind last_periode_kind_ = Cell::Kind::kEmpty;
  std::string last_periode_iso_;
};

}  // namespace smedash::ingest
